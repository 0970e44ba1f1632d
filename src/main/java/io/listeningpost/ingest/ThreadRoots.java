package io.listeningpost.ingest;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;

import io.listeningpost.storage.Warehouse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The first post of each thread, for posts whose source names only their parent (Mastodon replies,
 * forum exports with a reply-to column), however deep the reply chain.
 *
 * <p>Pointer jumping on ids: in each round a post whose parent has a thread takes it, and a post whose
 * parent is itself unresolved takes that parent's parent as its own, so chains halve every round and a
 * chain of depth d resolves in about log2(d) rounds. A parent that is nowhere in the data ends the
 * chain: it is the thread's first post as far as anyone can tell. Few posts to resolve are walked up on
 * the driver instead ({@link ReplyChains}), with the same answers: on a small input each round's jobs cost
 * far more than the walk.
 */
final class ThreadRoots {
  /** Rounds after which what is left can only be a cycle (depth 2^32 is no thread): its posts take their parent. */
  static final int MAX_ROUNDS = 32;
  /**
   * Up to this many parents wanted, or ancestors with a known thread found, they are sent to every task
   * instead of shuffled.
   */
  private static final long MAX_BROADCAST_KNOWN = 1_000_000;
  /**
   * Up to this many posts to resolve, they and their parents' threads are collected and walked up on the
   * driver ({@link ReplyChains}): two small jobs instead of several per round of pointer jumping.
   */
  static final long MAX_ON_DRIVER = 200_000;

  private ThreadRoots() {}

  /** Where the threads of the posts that open posts reply to are looked up. */
  @FunctionalInterface
  interface KnownThreads {
    /**
     * @param parents {@code _platform, _id} of the posts wanted, at most {@code count} rows
     * @return posts with a thread, {@code _platform, _id, _thread}, ids may repeat: every such post among
     *     {@code parents}, and others that the lookup leaves aside
     */
    Dataset<Row> holding(Dataset<Row> parents, long count);
  }

  /**
   * @param open posts with a parent and no thread: {@code _platform, _id, _up} (the parent), ids unique
   * @param known the posts with a thread
   * @param maxOnDriver up to this many open posts, they are resolved on the driver
   * @return {@code _platform, _id, _up, _thread} for every open post, computed (locally checkpointed, or
   *     collected); {@code _up} is the post's parent, or an ancestor of it
   */
  static Dataset<Row> resolve(Dataset<Row> open, KnownThreads known, long maxOnDriver) {
    Dataset<Row> posts = detached(open);
    if (posts.count() <= maxOnDriver) {
      return onDriver(posts.collectAsList(), known, posts);
    }
    // Most posts reply to a post whose thread is known: one broadcast join settles them.
    Dataset<Row> first = detached(posts.join(lookup(known, posts), col("_platform").equalTo(col("_kp"))
            .and(col("_up").equalTo(col("_kid"))), "left")
        .select(col("_platform"), col("_id"), col("_up"), col("_kt").as("_thread")));
    Dataset<Row> settled = first.filter(col("_thread").isNotNull());
    Dataset<Row> state = first.filter(col("_thread").isNull());
    long unresolved = state.count();
    if (unresolved == 0) {
      return first;
    }
    // The rest reply to posts of unknown thread. Their ancestors can only be each other, posts settled
    // above, or posts nobody has seen (a known ancestor would have settled them), so rounds look up
    // just the settled posts.
    Dataset<Row> lookup = lookup((parents, count) -> settled, state);
    for (int round = 0; unresolved != 0; round++) {
      Dataset<Row> next;
      if (round == MAX_ROUNDS) {
        next = state.withColumn("_thread", coalesce(col("_thread"), col("_up")));
      } else {
        Dataset<Row> self = state.select(col("_platform").as("_sp"), col("_id").as("_sid"), col("_up").as("_sup"),
            col("_thread").as("_st"));
        Column pending = col("_thread").isNull();
        next = state
            .join(lookup, col("_platform").equalTo(col("_kp")).and(col("_up").equalTo(col("_kid"))), "left")
            .join(self, col("_platform").equalTo(col("_sp")).and(col("_up").equalTo(col("_sid"))), "left")
            .select(col("_platform"), col("_id"),
                when(pending.and(col("_kt").isNull()).and(col("_sid").isNotNull()).and(col("_st").isNull()),
                    col("_sup")).otherwise(col("_up")).as("_up"),
                when(pending, coalesce(col("_kt"), col("_st"), when(col("_sid").isNull(), col("_up"))))
                    .otherwise(col("_thread")).as("_thread"));
      }
      state = detached(next);
      unresolved = state.filter(col("_thread").isNull()).count();
    }
    return settled.unionByName(state);
  }

  /**
   * The walk of {@link ReplyChains}, one platform at a time (a reply and its parent share a platform),
   * after one job that finds the stored threads of the parents, the least where a parent is stored with
   * several, as {@link #lookup} takes it.
   */
  private static Dataset<Row> onDriver(List<Row> open, KnownThreads known, Dataset<Row> posts) {
    Map<String, Map<String, String>> parentOf = new HashMap<>();
    Set<List<String>> parents = new HashSet<>();
    for (Row r : open) {
      parentOf.computeIfAbsent(r.getString(0), p -> new HashMap<>()).put(r.getString(1), r.getString(2));
      parents.add(Arrays.asList(r.getString(0), r.getString(2)));
    }
    List<Row> wanted = parents.stream().map(p -> RowFactory.create(p.get(0), p.get(1))).toList();
    StructType wantedSchema = new StructType().add("_platform", DataTypes.StringType).add("_id", DataTypes.StringType);
    Map<String, Map<String, String>> knownThread = new HashMap<>();
    Dataset<Row> wantedRows = posts.sparkSession().createDataFrame(wanted, wantedSchema);
    for (Row r : known.holding(wantedRows, wanted.size()).select("_platform", "_id", "_thread")
        .join(broadcast(wantedRows), Warehouse.seq("_platform", "_id"), "left_semi")
        .groupBy("_platform", "_id").agg(min("_thread"))
        .collectAsList()) {
      knownThread.computeIfAbsent(r.getString(0), p -> new HashMap<>()).put(r.getString(1), r.getString(2));
    }
    Map<String, ReplyChains> chains = new HashMap<>();
    List<Row> out = new ArrayList<>(open.size());
    for (Row r : open) {
      ReplyChains c = chains.computeIfAbsent(r.getString(0),
          p -> new ReplyChains(parentOf.get(p), knownThread.getOrDefault(p, Map.of())));
      out.add(RowFactory.create(r.getString(0), r.getString(1), r.getString(2), c.threadOf(r.getString(1))));
    }
    return posts.sparkSession().createDataFrame(out, posts.schema().add("_thread", DataTypes.StringType));
  }

  /**
   * The threads of the posts that {@code open} posts reply to, as {@code _kp, _kid, _kt}, computed and
   * sent to every task when small enough. A post stored with several threads (on two days) takes the
   * least, so that the answer does not depend on which row a task meets first.
   *
   * @param known where the posts with threads are
   */
  private static Dataset<Row> lookup(KnownThreads known, Dataset<Row> open) {
    Dataset<Row> parents = detached(open.select(col("_platform"), col("_up").as("_id")).distinct());
    long count = parents.count();
    // The posts with threads stream past the parents wanted, instead of being shuffled to meet them.
    Dataset<Row> wanted = count <= MAX_BROADCAST_KNOWN ? broadcast(parents) : parents;
    Dataset<Row> found = detached(known.holding(parents, count).select("_platform", "_id", "_thread")
        .join(wanted, Warehouse.seq("_platform", "_id"), "left_semi")
        .groupBy("_platform", "_id").agg(min("_thread").as("_thread"))
        .select(col("_platform").as("_kp"), col("_id").as("_kid"), col("_thread").as("_kt")));
    return found.count() <= MAX_BROADCAST_KNOWN ? broadcast(found) : found;
  }

  /**
   * A round computed once and cut from its plan: each round joins the previous one twice, so its plan
   * would double, and a checkpoint alone keeps the size estimate of the plan it came from, which a join
   * multiplies, so over many rounds the estimate itself would grow without bound.
   */
  private static Dataset<Row> detached(Dataset<Row> round) {
    Dataset<Row> computed = round.localCheckpoint();
    return computed.sparkSession().internalCreateDataFrame(computed.queryExecution().toRdd(), computed.schema(), false);
  }
}
