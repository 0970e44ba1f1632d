package io.listeningpost.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.substring;

import io.listeningpost.core.QuarantineRecord;
import io.listeningpost.core.TableCounts;
import io.listeningpost.core.Utf8Order;
import io.listeningpost.stage.StageContext;
import io.listeningpost.storage.Tables;
import io.listeningpost.storage.Warehouse;
import java.sql.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.storage.StorageLevel;

/**
 * Adds a run's quarantine rows to the {@code quarantine} table, in the run date's partition. A record
 * already quarantined for the same reason, by any earlier run on any date, is not added again.
 */
final class QuarantineMerge {
  private final StageContext ctx;

  QuarantineMerge(StageContext ctx) {
    this.ctx = ctx;
  }

  record Outcome(TableCounts counts, Map<String, Long> reasons) {}

  Outcome merge(ParsedRecords records, List<QuarantineRecord> fileProblems) {
    Warehouse warehouse = ctx.warehouse();
    Date day = Date.valueOf(ctx.runDate());
    List<Row> driverRows = new ArrayList<>();
    for (QuarantineRecord q : fileProblems) {
      driverRows.add(RowFactory.create(q.source(), q.format(), null, q.table(), q.position(), q.excerpt(), q.reason()));
    }
    Dataset<Row> incoming = records.of("quarantine").drop("_rid")
        .unionByName(ctx.spark().createDataFrame(driverRows, Tables.QUARANTINE_RECORD))
        .withColumn(Tables.RUN_ID, lit(ctx.runId()))
        .withColumn("dt", lit(day))
        .withColumn("_key", key())
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Dataset<Row> known = warehouse.read(Tables.QUARANTINE).select(key().as("_key")).distinct()
          .withColumn("_known", lit(true));
      Dataset<Row> ranked = incoming.withColumn("_rank", row_number().over(Window.partitionBy("_key")
              .orderBy(col("table_name").asc_nulls_first(), col("excerpt").asc_nulls_first(), col("format"),
                  col("source_name").asc_nulls_first())))
          .join(known, Warehouse.seq("_key"), "left")
          .withColumn("_known", coalesce(col("_known"), lit(false)));
      // Every count of the summary in one pass: rows by reason, by whether an earlier run kept the record,
      // and by whether it repeats within this run.
      long read = 0;
      long alreadyKept = 0;
      long repeated = 0;
      Map<String, Long> byReason = new HashMap<>();
      for (Row r : ranked.groupBy(reasonGroup(), col("_known"), col("_rank").gt(1).as("_repeat")).count()
          .collectAsList()) {
        long n = r.getLong(3);
        read += n;
        byReason.merge(r.getString(0), n, Long::sum);
        if (r.getBoolean(1)) {
          alreadyKept += n;
        } else if (r.getBoolean(2)) {
          repeated += n;
        }
      }
      Map<String, Long> reasons = new LinkedHashMap<>();
      byReason.entrySet().stream()
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed()
              .thenComparing(Map.Entry.comparingByKey(Utf8Order.NULLS_FIRST)))
          .forEach(e -> reasons.put(e.getKey(), e.getValue()));
      Dataset<Row> fresh = ranked.filter(col("_rank").equalTo(1).and(col("_known").unary_$bang()))
          .drop("_rank", "_key", "_known");
      if (read > 0) {
        Dataset<Row> sameDay = warehouse.read(Tables.QUARANTINE).filter(col("dt").equalTo(lit(day)));
        warehouse.overwritePartitions(Tables.QUARANTINE, sameDay.unionByName(fresh),
            new String[] {"source", "position"});
      }
      long written = warehouse.rowsOfRun(Tables.QUARANTINE, List.of(day), ctx.runId());
      return new Outcome(new TableCounts(Tables.QUARANTINE, read, written, alreadyKept + repeated, 0), reasons);
    } finally {
      incoming.unpersist();
    }
  }

  /** What makes two quarantine rows the same: the same record refused for the same reason. */
  private static Column key() {
    return concat_ws("\u0001", coalesce(col("source"), lit("")), coalesce(col("position"), lit("")),
        coalesce(col("reason"), lit("")));
  }

  /** The reason as the summary lists it: long parser messages are cut, so alike reasons group. */
  private static Column reasonGroup() {
    return substring(col("reason"), 1, 120).as("reason_kind");
  }
}
