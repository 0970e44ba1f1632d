package io.listeningpost.storage;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.xxhash64;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Which days of the posts table hold given posts, found without reading the posts: a 64-bit hash of
 * every post's platform and id, under the post's day, in {@code _post_keys/dt=…/}. Ingest looks posts up
 * by id twice a night (the parents of replies that name only their parent, the posts that interactions
 * answer); with the index each lookup reads this one narrow column of the whole table and then the
 * posts of the days it names, instead of the ids of every post. Two posts that share a hash only add a
 * day to read, so a lookup finds what it would find in the whole table.
 *
 * <p>The index holds every post's key while the file {@code _post_keys.in-sync} exists. The file is
 * deleted before any write of posts ({@link Warehouse}); ingest indexes the whole posts table when the
 * file is missing ({@link #prepare}), and the days its posts write replaced after that write
 * ({@link #afterPostsWrite}), then writes it again. Writes that remove posts take their keys too, so that
 * no hash of a removed post stays behind: retention's drop of whole days drops the same days of the
 * index, which then still holds every post; forget's rewrite of some days deletes the index, for the next
 * ingest to build again. The index is the warehouse's own: no table of {@link Tables}, no view of the
 * {@code sql} command, and its files carry no table metadata.
 *
 * <p>Ingest keeps and reads the index only while the posts table holds at least
 * {@code ingest.post-key-index-min-posts} posts before the night's write. Below that, reading the whole
 * table costs less than reading and writing the index's day folders, and ingest deletes any index left
 * from a larger table.
 */
public final class PostKeyIndex {
  static final String FOLDER = "_post_keys";
  static final String IN_SYNC = "_post_keys.in-sync";
  private static final StructType SCHEMA = new StructType()
      .add("key", DataTypes.LongType).add("dt", DataTypes.DateType);
  /** Up to this many posts wanted, their keys are sent to every task that reads the index. */
  private static final long MAX_BROADCAST_KEYS = 1_000_000;

  private final Warehouse warehouse;
  private final long minPosts;
  private boolean prepared;
  private boolean keptThisRun;

  /** The index as ingest uses it: kept and read once the posts table holds {@code minPosts} posts. */
  public PostKeyIndex(Warehouse warehouse, long minPosts) {
    this.warehouse = warehouse;
    this.minPosts = minPosts;
  }

  /**
   * For the warehouse's writes that remove posts: they drop days of the index or delete it, and never
   * prepare or read it, so no minimum applies.
   */
  PostKeyIndex(Warehouse warehouse) {
    this(warehouse, 0);
  }

  /** The key of a post: Spark's xxhash64 of its platform and id, the same on every executor and run. */
  static Column key(Column platform, Column postId) {
    return xxhash64(platform, postId);
  }

  /** Whether the index holds the key of every post in the posts table. */
  boolean inSync() {
    return warehouse.markExists(IN_SYNC);
  }

  /**
   * Before ingest's posts write: the whole posts table indexed unless the index holds it already, or,
   * while the table holds fewer than {@code minPosts} posts, the index deleted and not used this run.
   */
  public void prepare() {
    prepared = true;
    keptThisRun = warehouse.holdsAtLeast(Tables.POSTS, minPosts);
    if (!keptThisRun) {
      warehouse.delete(IN_SYNC);
      deleteFolder();
      return;
    }
    if (inSync() && (warehouse.exists(FOLDER) || !warehouse.exists(Tables.POSTS))) {
      return;
    }
    deleteFolder();
    if (warehouse.exists(Tables.POSTS)) {
      write(warehouse.read(Tables.POSTS));
      Warehouse.publish(() -> warehouse.publisher().publishTable(FOLDER));
    }
    warehouse.writeMark(IN_SYNC);
  }

  /**
   * After ingest's posts write, which replaced {@code days} and followed {@link #prepare}: those days
   * indexed again from what the write left, then the index marked as holding every post.
   */
  public void afterPostsWrite(List<Date> days) {
    if (!prepared) {
      throw new IllegalStateException("the post key index was not prepared before the posts write");
    }
    if (!keptThisRun) {
      return;
    }
    if (!days.isEmpty()) {
      write(warehouse.read(Tables.POSTS).filter(col("dt").isin(days.toArray())));
      Warehouse.publish(() -> warehouse.publisher().publishPartitions(FOLDER));
    }
    warehouse.writeMark(IN_SYNC);
  }

  /**
   * Posts of the days outside {@code excluded} that may hold any of {@code wanted}: every post of each
   * such day, so that matching them against {@code wanted} finds what the whole table outside
   * {@code excluded} would give. Every post outside {@code excluded} when the index is not used this run
   * ({@link #prepare}), not in sync, or missing where the posts table has rows.
   *
   * @param wanted the platform and the post id, as its first and second columns
   * @param wantedAtMost how many rows {@code wanted} holds at most
   */
  public Dataset<Row> postsHolding(Dataset<Row> wanted, long wantedAtMost, List<Date> excluded) {
    if (!keptThisRun || !inSync() || !warehouse.exists(FOLDER) && warehouse.exists(Tables.POSTS)) {
      return warehouse.otherPartitions(Tables.POSTS, excluded);
    }
    List<Date> days = daysHolding(wanted, wantedAtMost, excluded);
    Dataset<Row> posts = warehouse.read(Tables.POSTS);
    return days.isEmpty() ? posts.filter(lit(false)) : posts.filter(col("dt").isin(days.toArray()));
  }

  /** The days outside {@code excluded} whose keys include a key of {@code wanted}, oldest first. */
  private List<Date> daysHolding(Dataset<Row> wanted, long wantedAtMost, List<Date> excluded) {
    List<Date> days = new ArrayList<>();
    if (!warehouse.exists(FOLDER)) {
      return days;
    }
    String[] columns = wanted.columns();
    Dataset<Row> keys = wanted.select(key(col(columns[0]), col(columns[1])).as("key"));
    Dataset<Row> index = warehouse.spark().read().schema(SCHEMA).parquet(warehouse.path(FOLDER));
    if (!excluded.isEmpty()) {
      index = index.filter(col("dt").isin(excluded.toArray()).unary_$bang());
    }
    for (Row r : index.join(wantedAtMost <= MAX_BROADCAST_KEYS ? broadcast(keys) : keys, Warehouse.seq("key"),
            "left_semi")
        .select("dt").distinct().collectAsList()) {
      days.add(r.getDate(0));
    }
    days.sort(Date::compareTo);
    return days;
  }

  /** Deletes the whole index, whose mark a posts write has deleted before. */
  void deleteFolder() {
    warehouse.delete(FOLDER);
  }

  /**
   * After the posts of {@code days} were dropped whole: the same days of the index go, and the index is
   * marked again if it held every post before.
   */
  void dropDays(List<Date> days, boolean wasInSync) {
    for (Date day : days) {
      warehouse.delete(FOLDER + "/dt=" + day);
    }
    if (wasInSync) {
      warehouse.writeMark(IN_SYNC);
    }
  }

  /** Stages the keys of {@code posts} by day; each task writes the days it read, with no shuffle. */
  private void write(Dataset<Row> posts) {
    posts.select(key(col("platform"), col("post_id")).as("key"), col("dt"))
        .write().mode(SaveMode.Overwrite).partitionBy("dt")
        .parquet(warehouse.publisher().stagingOf(FOLDER).toString());
  }

}
