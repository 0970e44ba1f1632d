package io.listeningpost.ingest;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Keeps one row per key, the first by a given order. Most keys occur once, so only the rows of
 * repeated keys are shuffled and ranked: the repeated keys are found on a narrow projection and
 * broadcast. When most rows repeat (the same input ingested again) all rows are ranked instead.
 */
final class Dedup {
  /** Above this many repeated keys, broadcasting them costs more than ranking every row. */
  static final long MAX_BROADCAST_KEYS = 200_000;

  private Dedup() {}

  /**
   * @param rows rows with a non-null {@code keyColumn}
   * @param order the winner is the first row in this order
   */
  static Dataset<Row> firstPerKey(Dataset<Row> rows, String keyColumn, Column... order) {
    Dataset<Row> repeated = rows.groupBy(col(keyColumn)).count().filter(col("count").gt(1)).select(keyColumn);
    long n = repeated.count();
    if (n == 0) {
      return rows;
    }
    if (n > MAX_BROADCAST_KEYS) {
      return ranked(rows, keyColumn, order);
    }
    Dataset<Row> keys = broadcast(repeated);
    Dataset<Row> single = rows.join(keys, rows.col(keyColumn).equalTo(keys.col(keyColumn)), "left_anti");
    Dataset<Row> multi = rows.join(keys, rows.col(keyColumn).equalTo(keys.col(keyColumn)), "left_semi");
    return single.unionByName(ranked(multi, keyColumn, order));
  }

  private static Dataset<Row> ranked(Dataset<Row> rows, String keyColumn, Column... order) {
    return rows.withColumn("_rank", row_number().over(Window.partitionBy(col(keyColumn)).orderBy(order)))
        .filter(col("_rank").equalTo(1)).drop("_rank");
  }
}
