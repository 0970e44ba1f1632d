package io.listeningpost.graph;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a plain edge list, the way analysts export networks from NodeXL or Gephi: one edge per line,
 * {@code src dst [weight]}, separated by whitespace or commas, {@code #} starting a comment, CRLF
 * tolerated. A line that is not an edge is kept as a rejected line with its number and reason.
 */
public final class EdgeListReader {
  /** A line that could not be read as an edge. */
  public record Rejected(long line, String excerpt, String reason) {}

  /** The graph read, and the lines refused. */
  public record Read(InteractionGraph graph, long lines, long edges, List<Rejected> rejected) {}

  private EdgeListReader() {}

  public static Read read(Path file) throws IOException {
    InteractionGraph.Builder b = new InteractionGraph.Builder();
    List<Rejected> rejected = new ArrayList<>();
    long lines = 0;
    long edges = 0;
    try (BufferedReader r = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file),
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)), 1 << 16)) {
      String[] fields = new String[4];
      for (String line; (line = r.readLine()) != null; ) {
        lines++;
        int n = split(line, fields);
        if (n == 0) {
          continue;
        }
        if (n < 2 || n > 3) {
          rejected.add(new Rejected(lines, excerpt(line), "expected 'src dst [weight]', found "
              + (n == 1 ? "1 field" : "more than 3 fields")));
          continue;
        }
        double w = 1.0;
        if (n == 3) {
          try {
            w = Double.parseDouble(fields[2]);
          } catch (NumberFormatException e) {
            rejected.add(new Rejected(lines, excerpt(line), "weight '" + fields[2] + "' is not a number"));
            continue;
          }
          if (!(w > 0) || Double.isInfinite(w)) {
            rejected.add(new Rejected(lines, excerpt(line), "weight " + fields[2] + " is not a positive finite number"));
            continue;
          }
        }
        b.edge(fields[0], fields[1], w);
        edges++;
      }
    }
    return new Read(b.build(), lines, edges, rejected);
  }

  /** Splits on whitespace and commas, stopping at a comment; returns the field count (4 means "too many"). */
  static int split(String line, String[] out) {
    int n = 0;
    int i = 0;
    int len = line.length();
    while (i < len) {
      char c = line.charAt(i);
      if (c == '#') {
        break;
      }
      if (c == ',' || Character.isWhitespace(c)) {
        i++;
        continue;
      }
      int start = i;
      while (i < len && line.charAt(i) != ',' && line.charAt(i) != '#' && !Character.isWhitespace(line.charAt(i))) {
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
}
