package io.listeningpost.storage;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Keeps one row per key, the first by a given order, and counts the rows it drops. Most keys occur
 * once, so the wide rows are not shuffled: the repeated keys and the rows that lose are found on a
 * narrow projection, and the losers are dropped from the wide rows by a broadcast anti-join. When most
 * rows repeat (the same input ingested again) all rows are ranked instead.
 */
public final class Dedup {
  /** Above this many repeated keys, broadcasting the losers costs more than ranking every row. */
  public static final long MAX_BROADCAST_KEYS = 200_000;

  private static final String ID = "_dedup_id";

  private Dedup() {}

  /**
   * The rows kept, and the rows dropped, counted apart for incoming rows and rows already in the
   * table: a dropped incoming row is a duplicate; a dropped table row was replaced by a newer one.
   */
  public record Outcome(Dataset<Row> kept, long incomingDropped, long tableRowsDropped) {}

  /**
   * @param rows rows with a non-null {@code keyColumn} and a boolean {@code newColumn} (true for
   *     incoming rows, false for rows already in the table)
   * @param idColumn a column that, together with the key, tells rows apart; may be null for at most one
   *     row per key (a row already in the table)
   * @param order the winner is the first row in this order
   */
  public static Outcome firstPerKey(Dataset<Row> rows, String keyColumn, String idColumn, String newColumn,
      Column... order) {
    // The repeated keys themselves, one more than the limit at most: the rows are scanned and shuffled
    // once both to count them and, when few, to hand them to the broadcast below, which would otherwise
    // compute them a second time.
    Dataset<Row> repeatedPlan = rows.groupBy(col(keyColumn)).count().filter(col("count").gt(1)).select(keyColumn);
    List<Row> repeatedKeys = repeatedPlan.limit((int) MAX_BROADCAST_KEYS + 1).collectAsList();
    long n = repeatedKeys.size();
    if (n == 0) {
      return new Outcome(rows, 0, 0);
    }
    if (n > MAX_BROADCAST_KEYS) {
      Dataset<Row> ranked = ranked(rows, keyColumn, order);
      long[] dropped = countByOrigin(ranked.filter(col("_rank").gt(1)).groupBy(col(newColumn)).count().collectAsList());
      return new Outcome(ranked.filter(col("_rank").equalTo(1)).drop("_rank"), dropped[0], dropped[1]);
    }
    Column id = coalesce(col(idColumn), lit(Long.MIN_VALUE));
    // Collected, so that every later use of the result does not compute the losers again.
    Dataset<Row> repeated = rows.sparkSession().createDataFrame(repeatedKeys, repeatedPlan.schema());
    Dataset<Row> found = ranked(rows.join(broadcast(repeated), Warehouse.seq(keyColumn), "left_semi"), keyColumn, order)
        .filter(col("_rank").gt(1))
        .select(col(keyColumn), id.as(ID), col(newColumn));
    List<Row> losers = found.collectAsList();
    long incoming = losers.stream().filter(r -> r.getBoolean(2)).count();
    Dataset<Row> loserKeys = rows.sparkSession().createDataFrame(losers, found.schema()).drop(newColumn);
    // A join on named columns moves them to the front; the select keeps the columns in their order.
    Dataset<Row> kept = rows.withColumn(ID, id)
        .join(broadcast(loserKeys), Warehouse.seq(keyColumn, ID), "left_anti")
        .select(java.util.Arrays.stream(rows.columns()).map(c -> col(c)).toArray(Column[]::new));
    return new Outcome(kept, incoming, losers.size() - incoming);
  }

  private static long[] countByOrigin(List<Row> counts) {
    long[] out = new long[2];
    for (Row r : counts) {
      out[r.getBoolean(0) ? 0 : 1] += r.getLong(1);
    }
    return out;
  }

  private static Dataset<Row> ranked(Dataset<Row> rows, String keyColumn, Column... order) {
    return rows.withColumn("_rank", row_number().over(Window.partitionBy(col(keyColumn)).orderBy(order)));
  }
}
