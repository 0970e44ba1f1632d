package io.listeningpost.graph;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedReader;
import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads an edge list in either of the two shapes analysts export networks in.
 *
 * <p><b>A CSV with a header</b>, as Gephi writes its edges table ({@code Source,Target,Type,Id,Label,Weight}, in any
 * order) and NodeXL its edges worksheet saved as CSV ({@code Vertex 1,Vertex 2,Color,Width,…}, with {@code Edge
 * Weight} or {@code Weight} if present). The header is the first line, before any edge, that names a source column
 * ({@code Source} or {@code Vertex 1}) and a target column ({@code Target} or {@code Vertex 2}), in any case,
 * separated by commas, semicolons or tabs; lines above it are skipped (NodeXL's row of column groups). Fields may be
 * quoted, with separators, line breaks and doubled quotes inside. Every row below the header is an edge: there are no
 * comments, so {@code #hiring} and {@code @acme} are node names. A {@code Type} of {@code Undirected} counts the edge
 * both ways; {@code Directed} or no type, from source to target. An empty weight is 1.
 *
 * <p><b>A plain list without header</b> (SNAP, networkx): {@code src dst [weight]} per line, separated by whitespace
 * or commas. A {@code #} standing alone, followed by whitespace or the end of the line, starts a comment running to
 * the end of the line (SNAP's {@code # Nodes: 1005} lines); a {@code #} followed by anything else is part of a name.
 *
 * <p>CRLF and a UTF-8 byte order mark are tolerated. A line that is not an edge is kept as a rejected line with its
 * number and reason.
 */
public final class EdgeListReader {
  /** A line that could not be read as an edge. */
  public record Rejected(long line, String excerpt, String reason) {}

  /** The graph read, the lines in the file, the edges read from them (an undirected edge once), the lines refused. */
  public record Read(InteractionGraph graph, long lines, long edges, List<Rejected> rejected) {}

  private static final CsvMapper CSV = CsvMapper.builder()
      .enable(CsvParser.Feature.TRIM_SPACES)
      .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
      .build();
  private static final char[] HEADER_SEPARATORS = {',', ';', '\t'};
  private static final String BOM = "\uFEFF";

  private EdgeListReader() {}

  public static Read read(Path file) throws IOException {
    InteractionGraph.Builder graph = new InteractionGraph.Builder();
    List<Rejected> rejected = new ArrayList<>();
    // Lines refused before the first edge; a header below them makes them a preamble instead.
    List<Rejected> beforeFirstEdge = new ArrayList<>();
    long lines = 0;
    long edges = 0;
    try (BufferedReader r = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file),
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)), 1 << 16)) {
      String[] fields = new String[4];
      for (String line; (line = r.readLine()) != null; ) {
        lines++;
        if (lines == 1 && line.startsWith(BOM)) {
          line = line.substring(1);
        }
        int n = split(line, fields);
        if (n == 0) {
          continue;
        }
        if (edges == 0) {
          Columns columns = Columns.inHeader(line);
          if (columns != null) {
            LineCountingReader rows = new LineCountingReader(r);
            edges = readRows(rows, columns, lines, graph, rejected);
            return new Read(graph.build(), lines + rows.lines(), edges, rejected);
          }
        }
        List<Rejected> refused = edges == 0 ? beforeFirstEdge : rejected;
        if (n < 2 || n > 3) {
          refused.add(new Rejected(lines, excerpt(line), "expected 'src dst [weight]', found "
              + (n == 1 ? "1 field" : "more than 3 fields")));
          continue;
        }
        try {
          add(graph, fields[0], fields[1], n == 3 ? fields[2] : null, false);
        } catch (BadEdge e) {
          refused.add(new Rejected(lines, excerpt(line), e.getMessage()));
          continue;
        }
        if (edges == 0) {
          rejected.addAll(beforeFirstEdge);
        }
        edges++;
      }
    }
    if (edges == 0) {
      rejected.addAll(beforeFirstEdge);
    }
    return new Read(graph.build(), lines, edges, rejected);
  }

  /** Reads the rows below the header; returns the edges read. */
  private static long readRows(Reader in, Columns columns, long headerLine, InteractionGraph.Builder graph,
      List<Rejected> rejected) throws IOException {
    CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(columns.separator());
    long edges = 0;
    try (MappingIterator<List<String>> rows = CSV.readerForListOf(String.class)
        .with(CsvParser.Feature.WRAP_AS_ARRAY).with(schema).readValues(in)) {
      while (true) {
        long line = headerLine + rows.getCurrentLocation().getLineNr();
        List<String> row;
        try {
          if (!rows.hasNextValue()) {
            break;
          }
          row = rows.nextValue();
        } catch (JsonProcessingException e) {
          // An unclosed quote swallows the rest of the file, so there is no next row to resume at.
          rejected.add(new Rejected(line, "", "malformed CSV from this line to the end of the file: "
              + e.getOriginalMessage()));
          break;
        }
        if (row.stream().allMatch(String::isBlank)) {
          continue;
        }
        try {
          add(graph, cell(row, columns.source()), cell(row, columns.target()), cell(row, columns.weight()),
              undirected(cell(row, columns.type())));
          edges++;
        } catch (BadEdge e) {
          rejected.add(new Rejected(line, excerpt(CSV.writer(schema).writeValueAsString(row).strip()), e.getMessage()));
        }
      }
    }
    return edges;
  }

  private static void add(InteractionGraph.Builder graph, String source, String target, String weight,
      boolean undirected) throws BadEdge {
    if (source == null) {
      throw new BadEdge("missing source");
    }
    if (target == null) {
      throw new BadEdge("missing target");
    }
    double w = weight(weight);
    graph.edge(source, target, w);
    if (undirected && !source.equals(target)) {
      graph.edge(target, source, w);
    }
  }

  private static double weight(String text) throws BadEdge {
    if (text == null) {
      return 1.0;
    }
    double w;
    try {
      w = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new BadEdge("weight '" + text + "' is not a number");
    }
    if (!(w > 0) || Double.isInfinite(w)) {
      throw new BadEdge("weight " + text + " is not a positive finite number");
    }
    return w;
  }

  private static boolean undirected(String type) throws BadEdge {
    if (type == null || type.equalsIgnoreCase("directed")) {
      return false;
    }
    if (type.equalsIgnoreCase("undirected")) {
      return true;
    }
    throw new BadEdge("type '" + type + "' is neither Directed nor Undirected");
  }

  /** The trimmed cell, or null when the row is too short or the cell blank. */
  private static String cell(List<String> row, int column) {
    if (column < 0 || column >= row.size()) {
      return null;
    }
    String s = row.get(column).strip();
    return s.isEmpty() ? null : s;
  }

  /** Splits on whitespace and commas, stopping at a comment; returns the field count (4 means "too many"). */
  static int split(String line, String[] out) {
    int n = 0;
    int i = 0;
    int len = line.length();
    while (i < len) {
      char c = line.charAt(i);
      if (c == ',' || Character.isWhitespace(c)) {
        i++;
        continue;
      }
      if (c == '#' && (i + 1 == len || Character.isWhitespace(line.charAt(i + 1)))) {
        break;
      }
      int start = i;
      while (i < len && line.charAt(i) != ',' && !Character.isWhitespace(line.charAt(i))) {
        i++;
      }
      if (n == out.length) {
        return n;
      }
      out[n++] = line.substring(start, i);
    }
    return n;
  }

  private static String excerpt(String line) {
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }

  /** Where a CSV header puts the columns an edge is read from; -1 for a column it lacks. */
  private record Columns(char separator, int source, int target, int weight, int type) {
    /** The columns named by this line, or null when it does not name a source and a target column. */
    static Columns inHeader(String line) {
      for (char separator : HEADER_SEPARATORS) {
        List<String> names;
        try {
          ObjectReader reader = CSV.readerForListOf(String.class)
              .with(CsvSchema.emptySchema().withColumnSeparator(separator));
          names = reader.readValue(line);
        } catch (JsonProcessingException e) {
          continue;
        }
        names = names.stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).toList();
        int source = column(names, "source", "vertex 1");
        int target = column(names, "target", "vertex 2");
        if (source >= 0 && target >= 0) {
          return new Columns(separator, source, target, column(names, "edge weight", "weight"), column(names, "type"));
        }
      }
      return null;
    }

    /** The first column with one of the names, trying the names in order. */
    private static int column(List<String> names, String... wanted) {
      for (String name : wanted) {
        int i = names.indexOf(name);
        if (i >= 0) {
          return i;
        }
      }
      return -1;
    }
  }

  /** Why a row is not an edge; thrown often on bad files, so it carries no stack trace. */
  private static final class BadEdge extends Exception {
    BadEdge(String reason) {
      super(reason, null, false, false);
    }
  }

  /** Counts the lines read through it, as {@link BufferedReader#readLine} would: a last line without break counts. */
  private static final class LineCountingReader extends FilterReader {
    private long breaks;
    private int last = '\n';

    LineCountingReader(Reader in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int c = super.read();
      if (c >= 0) {
        count(c);
      }
      return c;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      for (int i = off; i < off + n; i++) {
        count(buf[i]);
      }
      return n;
    }

    private void count(int c) {
      if (c == '\n') {
        breaks++;
      }
      last = c;
    }

    long lines() {
      return breaks + (last == '\n' ? 0 : 1);
    }
  }
}
