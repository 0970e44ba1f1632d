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
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Merges a run's posts into the {@code posts} table: each post kept once with its latest edit (on a
 * tie the row already in the table stays, so the same input twice changes nothing), its thread filled
 * in however deep its reply chain, and only the days the input touches rewritten.
 */
final class PostsMerge {
  /** Thread lookups up to this many rows are broadcast to the tasks that write posts. */
  private static final long MAX_BROADCAST_THREADS = 1_000_000;

  private final StageContext ctx;
  private final Dataset<Row> incoming;
  private final PostKeyIndex index;

  /** @param index of post keys: this merge prepares it (kept or not) and indexes the days it writes */
  PostsMerge(StageContext ctx, ParsedRecords records, PostKeyIndex index) {
    this.ctx = ctx;
    this.index = index;
    this.incoming = records.of("post")
        .withColumn(Tables.RUN_ID, lit(ctx.runId()))
        .withColumn("dt", to_date(col("created_at")));
  }

  /**
   * @param days the days the run's posts fall on: the partitions the write replaces
   * @param parsed posts parsed this run
   * @param quarantined post records refused by their adapter
   * @param threadsToFill whether some posts name only their parent
   */
  TableCounts merge(Warehouse.AffectedDays days, long parsed, long quarantined, boolean threadsToFill) {
    Warehouse warehouse = ctx.warehouse();
    List<Date> affected = days.days();
    index.prepare();
    Dataset<Row> candidates = warehouse.withPartitions(Tables.POSTS, incoming, affected)
        .withColumn("_key", concat_ws("\u0001", col("platform"), col("post_id")));
    Dedup.Outcome dedup = Dedup.firstPerKey(candidates, "_key", "_rid", "_new",
        coalesce(col("edited_at"), col("created_at")).desc(), col("_new").asc(), col("source").asc(),
        col("source_position").asc());
    Dataset<Row> winners = dedup.kept().drop("_key");
    Dataset<Row> threads = threadsToFill ? threadLookup(winners, affected) : null;
    warehouse.overwritePartitions(Tables.POSTS, (threads == null ? winners : withThreads(winners, threads))
        .drop("_new", "_rid"), new String[] {"created_at"}, days);
    index.afterPostsWrite(affected);
    long written = warehouse.rowsOfRun(Tables.POSTS, affected, ctx.runId());
    return new TableCounts(Tables.POSTS, parsed + quarantined, written, dedup.incomingDropped(), quarantined);
  }

  /**
   * The threads of posts whose source names only their parent (Stack Exchange comments, Mastodon
   * replies, mapped forum exports): the first post of the reply chain, through this run's posts and
   * the days of the rest of the table that hold their parents ({@link PostKeyIndex}).
   */
  private Dataset<Row> threadLookup(Dataset<Row> winners, List<Date> affected) {
    ThreadRoots.KnownThreads known = (parents, count) -> index.postsHolding(parents, count, affected)
        .select("platform", "post_id", "thread_id")
        .unionByName(winners.select("platform", "post_id", "thread_id"))
        .filter(col("thread_id").isNotNull())
        .select(col("platform").as("_platform"), col("post_id").as("_id"), col("thread_id").as("_thread"));
    Dataset<Row> open = winners.filter(col("thread_id").isNull().and(col("parent_id").isNotNull()))
        .select(col("platform").as("_platform"), col("post_id").as("_id"), col("parent_id").as("_up"));
    return ThreadRoots.resolve(open, known, ThreadRoots.MAX_ON_DRIVER);
  }

  /** Winners with every thread filled: looked up, else the parent, else the post itself. */
  private static Dataset<Row> withThreads(Dataset<Row> winners, Dataset<Row> threads) {
    // The wide rows stay where they are unless the lookup is too big to send to every task.
    Dataset<Row> found = threads.select(col("_platform").as("_f_platform"), col("_id").as("_f_id"),
        col("_thread").as("_f_thread"));
    Dataset<Row> lookup = threads.count() <= MAX_BROADCAST_THREADS ? broadcast(found) : found;
    return winners
        .join(lookup, col("platform").equalTo(col("_f_platform")).and(col("post_id").equalTo(col("_f_id"))), "left")
        .withColumn("thread_id", coalesce(col("thread_id"), col("_f_thread"), col("parent_id"), col("post_id")))
        .drop("_f_platform", "_f_id", "_f_thread");
  }
}
