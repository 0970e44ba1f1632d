package io.listeningpost.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.storage.StorageLevel;

/**
 * The records one ingest run parsed, held as binary rows until its tables are merged. The parse
 * runs once; each kind is then read as a {@link Dataset} of just its columns, straight from the held
 * rows, with no second encoding and no second copy.
 */
final class ParsedRecords implements AutoCloseable {
  private final SparkSession spark;
  private final JavaRDD<InternalRow> rows;

  ParsedRecords(SparkSession spark, JavaRDD<InternalRow> rows) {
    this.spark = spark;
    this.rows = rows.persist(StorageLevel.MEMORY_AND_DISK());
  }

  /**
   * Records per kind, in one pass that also computes (and so keeps) the parse: keys are
   * {@code kind}, {@code quarantine/<table>}, {@code post/author} for posts that name their author, and
   * {@code lookup/<kind>} for posts without a thread and interactions without a target author, which
   * need a join to fill in.
   */
  Map<String, Long> tally() {
    List<String> kinds = ParsedRows.KINDS;
    int quarantine = kinds.indexOf("quarantine");
    int post = kinds.indexOf("post");
    int interaction = kinds.indexOf("interaction");
    int table = ParsedRows.column("quarantine", "table_name");
    int postId = ParsedRows.column("post", "post_id");
    int thread = ParsedRows.column("post", "thread_id");
    int author = ParsedRows.column("post", "author_id");
    int dstAuthor = ParsedRows.column("interaction", "dst_author");
    int dstPost = ParsedRows.column("interaction", "dst_post_id");
    return rows.flatMap(r -> {
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
      } else if (kind == interaction && r.isNullAt(dstAuthor) && !r.isNullAt(dstPost)) {
        keys.add("lookup/interaction");
      }
      return keys.iterator();
    }).countByValue();
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
