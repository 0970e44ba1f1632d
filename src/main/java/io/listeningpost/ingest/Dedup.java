package io.listeningpost.ingest;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Keeps one row per key, the first by a given order. Most keys occur once, so the wide rows are not
 * shuffled: the repeated keys and the rows that lose are found on a narrow projection, and the losers
 * are dropped from the wide rows by a broadcast anti-join. When most rows repeat (the same input
 * ingested again) all rows are ranked instead.
 */
final class Dedup {
  /** Above this many repeated keys, broadcasting the losers costs more than ranking every row. */
  static final long MAX_BROADCAST_KEYS = 200_000;

  private static final String ID = "_dedup_id";

  private Dedup() {}

  /**
   * @param rows rows with a non-null {@code keyColumn}
   * @param idColumn a column that, together with the key, tells rows apart; may be null for at most one
   *     row per key (a row already in the table)
   * @param order the winner is the first row in this order
   */
  static Dataset<Row> firstPerKey(Dataset<Row> rows, String keyColumn, String idColumn, Column... order) {
    Dataset<Row> repeated = rows.groupBy(col(keyColumn)).count().filter(col("count").gt(1)).select(keyColumn);
    long n = repeated.count();
    if (n == 0) {
      return rows;
    }
    if (n > MAX_BROADCAST_KEYS) {
      return ranked(rows, keyColumn, order).filter(col("_rank").equalTo(1)).drop("_rank");
    }
    Column id = coalesce(col(idColumn), lit(Long.MIN_VALUE));
    // Collected, so that every later use of the result does not compute the losers again.
    Dataset<Row> found = ranked(rows.join(broadcast(repeated), Warehouse.seq(keyColumn), "left_semi"), keyColumn, order)
        .filter(col("_rank").gt(1))
        .select(col(keyColumn), id.as(ID));
    Dataset<Row> losers = rows.sparkSession().createDataFrame(found.collectAsList(), found.schema());
    // A join on named columns moves them to the front; the select keeps the columns in their order.
    return rows.withColumn(ID, id)
        .join(broadcast(losers), Warehouse.seq(keyColumn, ID), "left_anti")
        .select(java.util.Arrays.stream(rows.columns()).map(c -> col(c)).toArray(Column[]::new));
  }

  private static Dataset<Row> ranked(Dataset<Row> rows, String keyColumn, Column... order) {
    return rows.withColumn("_rank", row_number().over(Window.partitionBy(col(keyColumn)).orderBy(order)));
  }
}
