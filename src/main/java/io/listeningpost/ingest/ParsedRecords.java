package io.listeningpost.ingest;

import static org.apache.spark.sql.types.DataTypes.LongType;

import io.listeningpost.core.Tables;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * The records one ingest run parsed, held until its tables are merged. The parse runs once; its rows
 * are kept as objects, not encoded, because each kind is encoded on its own into a {@link Dataset} of
 * just its columns, and held as such while its table is merged, so that scans read only what they
 * need and no row carries the columns of the other kinds.
 */
final class ParsedRecords implements AutoCloseable {
  private final SparkSession spark;
  private final JavaRDD<Row> rows;
  private final Map<String, Dataset<Row>> held = new java.util.HashMap<>();

  ParsedRecords(SparkSession spark, JavaRDD<Row> rows) {
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
    int table = ParsedRows.column("quarantine", "table_name");
    int postId = ParsedRows.column("post", "post_id");
    int thread = ParsedRows.column("post", "thread_id");
    int author = ParsedRows.column("post", "author_id");
    int dstAuthor = ParsedRows.column("interaction", "dst_author");
    int dstPost = ParsedRows.column("interaction", "dst_post_id");
    return rows.flatMap(r -> {
      String kind = r.getString(ParsedRows.KIND);
      List<String> keys = new ArrayList<>(3);
      keys.add(kind);
      switch (kind) {
        case "quarantine" -> keys.add("quarantine/" + r.getString(table));
        case "post" -> {
          if (!r.isNullAt(postId) && r.isNullAt(thread)) {
            keys.add("lookup/post");
          }
          if (!r.isNullAt(author)) {
            keys.add("post/author");
          }
        }
        case "interaction" -> {
          if (r.isNullAt(dstAuthor) && !r.isNullAt(dstPost)) {
            keys.add("lookup/interaction");
          }
        }
        default -> { }
      }
      return keys.iterator();
    }).countByValue();
  }

  /**
   * The records of one kind with their columns' own names and {@code _rid}, the row id. Encoded once
   * and held until {@link #close()}.
   */
  Dataset<Row> of(String kind) {
    return held.computeIfAbsent(kind, this::encode);
  }

  private Dataset<Row> encode(String kind) {
    StructType columns = Tables.PARSED_KINDS.get(kind);
    int from = ParsedRows.offset(kind);
    int width = columns.size();
    JavaRDD<Row> ofKind = rows.filter(r -> kind.equals(r.getString(ParsedRows.KIND))).map(r -> {
      Object[] v = new Object[width + 1];
      for (int i = 0; i < width; i++) {
        v[i] = r.get(from + i);
      }
      v[width] = r.get(ParsedRows.RID);
      return RowFactory.create(v);
    });
    return spark.createDataFrame(ofKind, columns.add("_rid", LongType, false))
        .persist(StorageLevel.MEMORY_AND_DISK());
  }

  /** Releases a kind's encoded rows once no table needs them. */
  void release(String kind) {
    Dataset<Row> ds = held.remove(kind);
    if (ds != null) {
      ds.unpersist(true);
    }
  }

  @Override
  public void close() {
    // Blocking, so that no removal is still running when the session stops after an ingest-only run.
    held.values().forEach(d -> d.unpersist(true));
    held.clear();
    rows.unpersist(true);
  }
}
