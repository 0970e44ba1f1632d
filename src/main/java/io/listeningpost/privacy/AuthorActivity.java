package io.listeningpost.privacy;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import io.listeningpost.storage.Tables;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * An author's activity columns taken again from the posts a table holds, as ingest takes them
 * ({@code AuthorsMerge}): first and last seen, post count, and, for an author without a profile, the name
 * on their latest post. Used when posts went (erasure of a sharer's shares, retention), so that
 * {@code authors} says what {@code posts} holds and the next ingest of the same input changes nothing.
 */
final class AuthorActivity {
  /** The column, added to the authors' columns, that says whether the author has a post left. */
  static final String ACTIVE = "_active";

  private AuthorActivity() {}

  /**
   * The authors with their activity from {@code posts}; a row that changed carries {@code runId}. The
   * {@link #ACTIVE} column follows the authors' columns.
   */
  static Dataset<Row> refresh(Dataset<Row> authors, Dataset<Row> posts, String runId) {
    Dataset<Row> activity = posts.filter(col("author_id").isNotNull())
        .groupBy(col("platform").as("_a_platform"), col("author_id").as("_a_author"))
        .agg(min("created_at").as("_first"), max("created_at").as("_last"), count(lit(1)).as("_count"),
            max(struct(col("created_at"), col("author_name"))).getField("author_name").as("_post_name"));
    Column hadProfile = col("profile_observed_at").isNotNull().or(col("reputation").isNotNull())
        .or(col("followers").isNotNull());
    Dataset<Row> joined = authors.join(activity, col("platform").equalTo(col("_a_platform"))
            .and(col("author_id").equalTo(col("_a_author"))), "left")
        .withColumn("_name", when(hadProfile, col("name")).otherwise(coalesce(col("_post_name"), col("name"))))
        .withColumn("_post_count", coalesce(col("_count"), lit(0L)));
    Column same = col("name").eqNullSafe(col("_name")).and(col("first_seen").eqNullSafe(col("_first")))
        .and(col("last_seen").eqNullSafe(col("_last"))).and(col("post_count").eqNullSafe(col("_post_count")));
    List<Column> out = new ArrayList<>();
    for (String c : Tables.AUTHORS_SCHEMA.fieldNames()) {
      out.add(switch (c) {
        case "name" -> col("_name").as(c);
        case "first_seen" -> col("_first").as(c);
        case "last_seen" -> col("_last").as(c);
        case "post_count" -> col("_post_count").as(c);
        case Tables.RUN_ID -> when(same, col(c)).otherwise(lit(runId)).as(c);
        default -> col(c);
      });
    }
    out.add(col("_a_author").isNotNull().as(ACTIVE));
    return joined.select(out.toArray(new Column[0]));
  }
}
