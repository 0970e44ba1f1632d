package io.listeningpost.run;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How the {@code sql} command prints a result. Cells are plain Java values: null, String, Number,
 * Boolean, a List for an array and a Map (field to value, in order) for a struct; dates and times come
 * as their ISO text.
 */
enum ResultFormat {
  /** Aligned columns with a header, for reading; numbers are right-aligned, null shows as NULL. */
  TABLE {
    @Override
    void print(List<String> columns, Iterator<List<Object>> rows, PrintStream out) {
      List<String[]> cells = new ArrayList<>();
      List<boolean[]> numeric = new ArrayList<>();
      int[] width = columns.stream().mapToInt(String::length).toArray();
      while (rows.hasNext()) {
        List<Object> row = rows.next();
        String[] texts = new String[columns.size()];
        boolean[] numbers = new boolean[columns.size()];
        for (int i = 0; i < texts.length; i++) {
          Object v = row.get(i);
          texts[i] = v == null ? "NULL" : readable(v).replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
          numbers[i] = v instanceof Number;
          width[i] = Math.max(width[i], texts[i].length());
        }
        cells.add(texts);
        numeric.add(numbers);
      }
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < columns.size(); i++) {
        pad(line, columns.get(i), width[i], false, i == columns.size() - 1);
      }
      out.println(line.toString().stripTrailing());
      line.setLength(0);
      for (int i = 0; i < columns.size(); i++) {
        line.append("-".repeat(width[i])).append(i == columns.size() - 1 ? "" : "  ");
      }
      out.println(line);
      for (int r = 0; r < cells.size(); r++) {
        line.setLength(0);
        for (int i = 0; i < columns.size(); i++) {
          pad(line, cells.get(r)[i], width[i], numeric.get(r)[i], i == columns.size() - 1);
        }
        out.println(line.toString().stripTrailing());
      }
      out.println("(" + cells.size() + (cells.size() == 1 ? " row)" : " rows)"));
    }
  },

  /** RFC 4180: a header line, CRLF line ends, fields quoted when they hold a comma, quote or line break. */
  CSV {
    @Override
    void print(List<String> columns, Iterator<List<Object>> rows, PrintStream out) {
      out.print(csvLine(new ArrayList<>(columns)));
      while (rows.hasNext()) {
        out.print(csvLine(rows.next()));
      }
      out.flush();
    }
  },

  /** JSON lines: one object per row, keys in column order, arrays and structs as JSON arrays and objects. */
  JSON {
    @Override
    void print(List<String> columns, Iterator<List<Object>> rows, PrintStream out) {
      while (rows.hasNext()) {
        List<Object> row = rows.next();
        out.println(json(g -> {
          g.writeStartObject();
          for (int i = 0; i < columns.size(); i++) {
            g.writeFieldName(columns.get(i));
            writeJson(g, row.get(i));
          }
          g.writeEndObject();
        }));
      }
      out.flush();
    }
  };

  private static final JsonFactory JSON_FACTORY = new JsonFactory();

  abstract void print(List<String> columns, Iterator<List<Object>> rows, PrintStream out);

  static ResultFormat parse(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }

  /** One CSV record; nested values as their JSON text, null as an empty field. */
  static String csvLine(List<?> values) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      Object v = values.get(i);
      if (v == null) {
        continue;
      }
      String text = v instanceof List<?> || v instanceof Map<?, ?> ? json(g -> writeJson(g, v)) : String.valueOf(v);
      boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
          || text.indexOf('\r') >= 0;
      sb.append(quote ? '"' + text.replace("\"", "\"\"") + '"' : text);
    }
    return sb.append("\r\n").toString();
  }

  /** A cell as a person reads it: arrays as {@code [a, b]}, structs as {@code {name: a, posts: 3}}. */
  static String readable(Object v) {
    if (v == null) {
      return "NULL";
    }
    if (v instanceof List<?> list) {
      List<String> items = new ArrayList<>();
      list.forEach(item -> items.add(readable(item)));
      return "[" + String.join(", ", items) + "]";
    }
    if (v instanceof Map<?, ?> map) {
      List<String> fields = new ArrayList<>();
      map.forEach((k, item) -> fields.add(k + ": " + readable(item)));
      return "{" + String.join(", ", fields) + "}";
    }
    return String.valueOf(v);
  }

  private static void pad(StringBuilder line, String text, int width, boolean right, boolean last) {
    String gap = " ".repeat(width - text.length());
    line.append(right ? gap + text : text + gap);
    if (!last) {
      line.append("  ");
    }
  }

  private interface JsonWrite {
    void write(JsonGenerator g) throws IOException;
  }

  private static String json(JsonWrite write) {
    StringWriter text = new StringWriter();
    try (JsonGenerator g = JSON_FACTORY.createGenerator(text)) {
      write.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  private static void writeJson(JsonGenerator g, Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof List<?> list) {
      g.writeStartArray();
      for (Object item : list) {
        writeJson(g, item);
      }
      g.writeEndArray();
    } else if (v instanceof Map<?, ?> map) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        g.writeFieldName(String.valueOf(e.getKey()));
        writeJson(g, e.getValue());
      }
      g.writeEndObject();
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Double d && (d.isNaN() || d.isInfinite())) {
      g.writeString(d.toString());
    } else if (v instanceof Float f && (f.isNaN() || f.isInfinite())) {
      g.writeString(f.toString());
    } else if (v instanceof Number n) {
      g.writeNumber(n.toString());
    } else {
      g.writeString(String.valueOf(v));
    }
  }
}
