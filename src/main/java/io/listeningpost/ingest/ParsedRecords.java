package io.listeningpost.ingest;

import io.listeningpost.storage.Warehouse;
import java.sql.Date;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.util.DateTimeUtils;
import org.apache.spark.storage.StorageLevel;

/**
 * The records one ingest run parsed, held as binary rows until its tables are merged. The parse
 * runs once; each kind is then read as a {@link Dataset} of just its columns, straight from the held
 * rows, with no second encoding and no second copy.
 */
final class ParsedRecords implements AutoCloseable {
  private static final String POST_DAY = "dt/post/";
  private static final String INTERACTION_DAY = "dt/interaction/";

  private final SparkSession spark;
  private final JavaRDD<InternalRow> rows;

  ParsedRecords(SparkSession spark, JavaRDD<InternalRow> rows) {
    this.spark = spark;
    // Serialized (and compressed, spark.rdd.compress): as objects, the records of 1M posts kept 1.5 GiB of
    // heap live; held so, 0.6-0.8 GiB.
    this.rows = rows.persist(StorageLevel.MEMORY_AND_DISK_SER());
  }

  /**
   * What the parse counted, in the one pass that also computes (and so keeps) it.
   *
   * @param counts records per key: {@code kind}, {@code quarantine/<table>}, {@code post/author} for
   *     posts that name their author, and {@code lookup/<kind>} for posts without a thread and
   *     interactions without a target author, which need a join to fill in
   * @param postDays the days the posts fall on, with their counts: the partitions the posts write replaces
   * @param interactionDays the same for the interactions
   */
  record Tally(Map<String, Long> counts, Warehouse.AffectedDays postDays, Warehouse.AffectedDays interactionDays) {
    long count(String key) {
      return counts.getOrDefault(key, 0L);
    }
  }

  Tally tally() {
    List<String> kinds = ParsedRows.KINDS;
    int quarantine = kinds.indexOf("quarantine");
    int post = kinds.indexOf("post");
    int interaction = kinds.indexOf("interaction");
    int table = ParsedRows.column("quarantine", "table_name");
    int postId = ParsedRows.column("post", "post_id");
    int thread = ParsedRows.column("post", "thread_id");
    int author = ParsedRows.column("post", "author_id");
    int postCreated = ParsedRows.column("post", "created_at");
    int dstAuthor = ParsedRows.column("interaction", "dst_author");
    int dstPost = ParsedRows.column("interaction", "dst_post_id");
    int interactionCreated = ParsedRows.column("interaction", "created_at");
    // The day as the merges' to_date(created_at) gives it, in the session's time zone.
    ZoneId zone = DateTimeUtils.getZoneId(spark.conf().get("spark.sql.session.timeZone"));
    Map<String, Long> counted = rows.flatMap(r -> {
      int kind = r.getInt(0);
      List<String> keys = new ArrayList<>(3);
      keys.add(kinds.get(kind));
      if (kind == quarantine) {
        keys.add("quarantine/" + r.getUTF8String(table));
      } else if (kind == post) {
        if (!r.isNullAt(postId) && r.isNullAt(thread)) {
          keys.add("lookup/post");
        }
        if (!r.isNullAt(author)) {
          keys.add("post/author");
        }
        if (!r.isNullAt(postCreated)) {
          keys.add(POST_DAY + DateTimeUtils.microsToDays(r.getLong(postCreated), zone));
        }
      } else if (kind == interaction) {
        if (r.isNullAt(dstAuthor) && !r.isNullAt(dstPost)) {
          keys.add("lookup/interaction");
        }
        if (!r.isNullAt(interactionCreated)) {
          keys.add(INTERACTION_DAY + DateTimeUtils.microsToDays(r.getLong(interactionCreated), zone));
        }
      }
      return keys.iterator();
    }).countByValue();
    Map<String, Long> counts = new HashMap<>();
    Map<Date, Long> postDays = new HashMap<>();
    Map<Date, Long> interactionDays = new HashMap<>();
    counted.forEach((key, n) -> {
      if (key.startsWith(POST_DAY)) {
        postDays.put(DateTimeUtils.toJavaDate(Integer.parseInt(key.substring(POST_DAY.length()))), n);
      } else if (key.startsWith(INTERACTION_DAY)) {
        interactionDays.put(DateTimeUtils.toJavaDate(Integer.parseInt(key.substring(INTERACTION_DAY.length()))), n);
      } else {
        counts.put(key, n);
      }
    });
    return new Tally(Map.copyOf(counts), Warehouse.AffectedDays.of(postDays),
        Warehouse.AffectedDays.of(interactionDays));
  }

  /** The records of one kind with their columns' own names and {@code _rid}, the row id. */
  Dataset<Row> of(String kind) {
    int ordinal = ParsedRows.KINDS.indexOf(kind);
    JavaRDD<InternalRow> ofKind = rows.filter(r -> r.getInt(0) == ordinal);
    // Spark's own entry point for rows already in its binary form (public in the bytecode, internal in
    // Scala): the rows are scanned as they are held, without the Row encoder.
    return spark.internalCreateDataFrame(ofKind.rdd(), ParsedRows.schema(kind), false).drop(ParsedRows.KIND_COLUMN);
  }

  @Override
  public void close() {
    // Blocking, so that no removal is still running when the session stops after an ingest-only run.
    rows.unpersist(true);
  }
}
