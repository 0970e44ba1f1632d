package io.listeningpost.run;

import io.listeningpost.core.Redaction;
import io.listeningpost.storage.TablePublisher;
import io.listeningpost.storage.Tables;
import io.listeningpost.storage.Warehouse;
import java.io.PrintStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;

/**
 * Runs the {@code sql} command's query: every table as a view of its name, the result printed in the
 * chosen format. Kept apart from {@link SqlCommand}, whose options picocli reads by reflection for every
 * command line, so that a command without Spark, such as {@code status}, loads no Spark class.
 */
final class SqlQuery {
  private SqlQuery() {}

  /** Registers the views, runs {@code sql} and prints its result; returns the exit code. */
  static int run(SparkSession spark, String warehouseDir, String sql, ResultFormat format, int limit,
      PrintStream out, PrintStream err) {
    Warehouse warehouse = new Warehouse(spark, warehouseDir, 1, RunRecorder.newRunId("sql", Instant.now()),
        TablePublisher.StepHook.NONE);
    for (String table : Tables.names()) {
      warehouse.read(table).createOrReplaceTempView(table);
    }
    Dataset<Row> result;
    Iterator<Row> rows;
    try {
      result = spark.sql(sql);
      rows = (limit > 0 ? result.limit(limit + 1) : result).toLocalIterator();
    } catch (Exception e) {
      err.println("sql: " + firstLine(e));
      return DataCommand.FAILED;
    }
    List<String> columns = List.of(result.columns());
    StructField[] fields = result.schema().fields();
    int[] printed = {0};
    boolean[] cut = {false};
    Iterator<List<Object>> plainRows = new Iterator<>() {
      @Override
      public boolean hasNext() {
        if (limit > 0 && printed[0] == limit && rows.hasNext()) {
          cut[0] = true;
          return false;
        }
        return !cut[0] && rows.hasNext();
      }

      @Override
      public List<Object> next() {
        Row r = rows.next();
        printed[0]++;
        List<Object> cells = new ArrayList<>(fields.length);
        for (int i = 0; i < fields.length; i++) {
          cells.add(plain(r.get(i)));
        }
        return cells;
      }
    };
    try {
      format.print(columns, plainRows, out);
    } catch (Exception e) {
      out.flush();
      err.println("sql: " + firstLine(e));
      return DataCommand.FAILED;
    }
    if (cut[0]) {
      err.println("sql: showing the first " + limit + " rows; --limit 0 prints them all");
    }
    return DataCommand.OK;
  }

  /** A Spark value as a plain Java one: arrays as lists, structs as maps, times as ISO-8601 UTC text. */
  static Object plain(Object v) {
    if (v instanceof scala.collection.Seq<?> seq) {
      List<Object> items = new ArrayList<>(seq.size());
      scala.collection.JavaConverters.seqAsJavaList(seq).forEach(item -> items.add(plain(item)));
      return items;
    }
    if (v instanceof Row struct) {
      Map<String, Object> fields = new LinkedHashMap<>();
      String[] names = struct.schema().fieldNames();
      for (int i = 0; i < names.length; i++) {
        fields.put(names[i], plain(struct.get(i)));
      }
      return fields;
    }
    if (v instanceof scala.collection.Map<?, ?> map) {
      Map<String, Object> entries = new LinkedHashMap<>();
      scala.collection.JavaConverters.mapAsJavaMap(map).forEach((k, item) -> entries.put(String.valueOf(k),
          plain(item)));
      return entries;
    }
    if (v instanceof Timestamp t) {
      return t.toInstant().toString();
    }
    if (v instanceof Instant || v instanceof java.sql.Date || v instanceof java.time.LocalDate) {
      return v.toString();
    }
    if (v instanceof byte[] bytes) {
      return java.util.HexFormat.of().formatHex(bytes);
    }
    return v;
  }

  /** The first line of what went wrong, without Spark's plan or stack, its locations masked. */
  private static String firstLine(Throwable e) {
    return Redaction.mask(unmaskedFirstLine(e));
  }

  private static String unmaskedFirstLine(Throwable e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      return e.getClass().getSimpleName();
    }
    for (String line : message.split("\\R")) {
      if (!line.isBlank()) {
        return line.strip();
      }
    }
    return e.getClass().getSimpleName();
  }
}
