package io.listeningpost.ingest;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.to_date;

import io.listeningpost.core.TableCounts;
import io.listeningpost.stage.StageContext;
import io.listeningpost.storage.Dedup;
import io.listeningpost.storage.PostKeyIndex;
import io.listeningpost.storage.Tables;
import io.listeningpost.storage.Warehouse;
import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * Merges a run's interactions into the {@code interactions} table: a reply that names only the post
 * it answers gets that post's author, and each interaction is kept once.
 */
final class InteractionsMerge {
  /** Up to this many interactions whose target author is looked up, the lookup is broadcast. */
  private static final long MAX_BROADCAST_TARGETS = 1_000_000;

  private final StageContext ctx;
  private final PostKeyIndex index;

  /** @param index of post keys, prepared by this run's posts merge, which indexed the days it replaced */
  InteractionsMerge(StageContext ctx, PostKeyIndex index) {
    this.ctx = ctx;
    this.index = index;
  }

  /**
   * @param records the records the run parsed
   * @param days the days the run's interactions fall on: the partitions the write replaces
   * @param parsed interactions parsed this run
   * @param quarantined interaction records refused by their adapter
   * @param targetsToResolve interactions that name only the target post, whose author is looked up in
   *     the posts table
   */
  TableCounts merge(ParsedRecords records, Warehouse.AffectedDays days, long parsed, long quarantined,
      long targetsToResolve) {
    Warehouse warehouse = ctx.warehouse();
    Dataset<Row> incoming = records.of("interaction");
    Dataset<Row> resolvedNew = incoming;
    if (targetsToResolve > 0) {
      Column open = col("dst_author").isNull().and(col("dst_post_id").isNotNull());
      Dataset<Row> wanted = incoming.filter(open).select(col("platform").as("_t_platform"),
          col("dst_post_id").as("_t_post"));
      Dataset<Row> targets = index.postsHolding(wanted, targetsToResolve, List.of()).select(col("platform").as("_t_platform"),
          col("post_id").as("_t_post"), col("author_id").as("_t_author"));
      if (targetsToResolve <= MAX_BROADCAST_TARGETS) {
        // The posts table streams past the wanted ids, and only the posts found are sent on: neither
        // side is shuffled.
        targets = targets.join(broadcast(wanted), Warehouse.seq("_t_platform", "_t_post"), "left_semi");
        targets = broadcast(targets);
      }
      resolvedNew = incoming.filter(open.unary_$bang())
          .unionByName(incoming.filter(open)
              .join(targets, col("platform").equalTo(col("_t_platform")).and(col("dst_post_id").equalTo(col("_t_post"))),
                  "left")
              .withColumn("dst_author", col("_t_author"))
              .drop("_t_platform", "_t_post", "_t_author"));
    }
    resolvedNew = resolvedNew.withColumn(Tables.RUN_ID, lit(ctx.runId())).withColumn("dt", to_date(col("created_at")));
    // Cached, so that the target join runs once for the dedup's queries and the write.
    if (targetsToResolve > 0) {
      resolvedNew = resolvedNew.persist(StorageLevel.MEMORY_AND_DISK());
    }
    try {
      List<Date> affected = days.days();
      Dataset<Row> candidates = warehouse.withPartitions(Tables.INTERACTIONS, resolvedNew, affected)
          .withColumn("_key", concat_ws("\u0001", col("platform"), col("post_id"), col("kind"),
              coalesce(col("dst_post_id"), col("dst_author"), lit(""))));
      Dedup.Outcome dedup = Dedup.firstPerKey(candidates, "_key", "_rid", "_new", col("dst_author").isNull().asc(),
          col("_new").asc(), col("src_author").asc_nulls_last());
      warehouse.overwritePartitions(Tables.INTERACTIONS, dedup.kept().drop("_key", "_new", "_rid"),
          new String[] {"created_at", "platform", "post_id"}, days);
      long written = warehouse.rowsOfRun(Tables.INTERACTIONS, affected, ctx.runId());
      return new TableCounts(Tables.INTERACTIONS, parsed + quarantined, written, dedup.incomingDropped(), quarantined);
    } finally {
      resolvedNew.unpersist();
    }
  }
}
