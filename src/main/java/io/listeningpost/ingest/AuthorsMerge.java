package io.listeningpost.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import io.listeningpost.core.TableCounts;
import io.listeningpost.stage.StageContext;
import io.listeningpost.storage.Tables;
import io.listeningpost.storage.Warehouse;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Rebuilds the {@code authors} table: activity (first/last seen, post count, latest name) from the
 * whole posts table, so that it stays right when input is read twice, plus the profile metrics the
 * sources gave, latest first. An author whose row this run changed carries its run id; the others keep
 * the id of the run that last changed them, so that the same input twice changes nothing.
 */
final class AuthorsMerge {
  private final StageContext ctx;

  AuthorsMerge(StageContext ctx) {
    this.ctx = ctx;
  }

  /**
   * @param profilesParsed profile records parsed
   * @param postAuthorsParsed posts parsed that name their author
   * @param quarantined author records refused by their adapter
   */
  TableCounts merge(ParsedRecords records, long profilesParsed, long postAuthorsParsed, long quarantined) {
    Warehouse warehouse = ctx.warehouse();
    Dataset<Row> newProfiles = records.of("author").drop("_rid").withColumn("_new", lit(true));
    Dataset<Row> mentions = newProfiles.select("platform", "author_id")
        .union(records.of("post").filter(col("author_id").isNotNull()).select("platform", "author_id"));
    // Records beyond the first for the same author: counted here, apart from the table written.
    Dataset<Row> perAuthor = mentions.groupBy("platform", "author_id").count();
    Row repeats = perAuthor.agg(coalesce(sum(col("count").minus(1)), lit(0L))).first();
    long deduplicated = repeats.getLong(0);
    Dataset<Row> touched = perAuthor.select(col("platform").as("_t_platform"), col("author_id").as("_t_author"));

    Dataset<Row> activity = warehouse.read(Tables.POSTS).filter(col("author_id").isNotNull())
        .groupBy("platform", "author_id")
        .agg(min("created_at").as("first_seen"), max("created_at").as("last_seen"), count(lit(1)).as("post_count"),
            max_by(col("author_name"), col("created_at")).as("_post_name"));
    Dataset<Row> old = warehouse.read(Tables.AUTHORS);
    Dataset<Row> oldRows = old.select(col("platform").as("_o_platform"), col("author_id").as("_o_author"),
        col(Tables.RUN_ID).as("_old_run"), rowHash(old).as("_old_hash"));
    // Every author a profile record was seen for, metrics or not: a profile that gave only a name must
    // not vanish on the next run, which would change the row without any record naming the author.
    Dataset<Row> oldProfiles = old.filter(col("profile_source").isNotNull().or(col("profile_observed_at").isNotNull())
            .or(col("reputation").isNotNull()).or(col("followers").isNotNull()))
        .select(col("platform"), col("author_id"), col("name"), col("account_created_at"),
            col("profile_observed_at").as("observed_at"), col("reputation"), col("followers"), col("following"),
            col("location"), col("profile_source").as("source"))
        .withColumn("_new", lit(false));
    Dataset<Row> profiles = oldProfiles.unionByName(newProfiles)
        .withColumn("_rank", row_number().over(Window.partitionBy("platform", "author_id")
            .orderBy(col("observed_at").desc_nulls_last(), col("_new").asc(), col("source").asc())))
        .filter(col("_rank").equalTo(1)).drop("_rank", "_new");
    Dataset<Row> rebuilt = activity.join(profiles, Warehouse.seq("platform", "author_id"), "full_outer")
        .select(col("platform"), col("author_id"), coalesce(col("name"), col("_post_name")).as("name"),
            col("first_seen"), col("last_seen"), coalesce(col("post_count"), lit(0L)).as("post_count"),
            col("account_created_at"), col("reputation"), col("followers"), col("following"), col("location"),
            col("observed_at").as("profile_observed_at"), col("source").as("profile_source"));
    Dataset<Row> authors = rebuilt
        .join(oldRows, col("platform").equalTo(col("_o_platform")).and(col("author_id").equalTo(col("_o_author"))),
            "left")
        .withColumn(Tables.RUN_ID, when(col("_old_hash").isNull().or(col("_old_hash").notEqual(rowHash(rebuilt))),
            lit(ctx.runId())).otherwise(col("_old_run")))
        .drop("_o_platform", "_o_author", "_old_run", "_old_hash");
    warehouse.replaceTable(Tables.AUTHORS, authors, new String[] {"platform", "author_id"});

    Dataset<Row> published = warehouse.read(Tables.AUTHORS);
    long written = published.filter(col(Tables.RUN_ID).equalTo(ctx.runId())).count();
    // Authors this run saw whose row it did not change: their records were already in the table.
    long unchanged = published.filter(col(Tables.RUN_ID).notEqual(ctx.runId()).or(col(Tables.RUN_ID).isNull()))
        .join(touched, col("platform").equalTo(col("_t_platform")).and(col("author_id").equalTo(col("_t_author"))),
            "left_semi")
        .count();
    return new TableCounts(Tables.AUTHORS, profilesParsed + postAuthorsParsed + quarantined, written,
        deduplicated + unchanged, quarantined);
  }

  /**
   * A digest of an author row's data columns, nulls included (hash functions skip nulls, so that
   * moving a value from one column to another would go unseen), to tell a changed row from the one
   * already published.
   */
  private static org.apache.spark.sql.Column rowHash(Dataset<Row> rows) {
    return sha2(to_json(struct(rows.col("name"), rows.col("first_seen"), rows.col("last_seen"), rows.col("post_count"),
        rows.col("account_created_at"), rows.col("reputation"), rows.col("followers"), rows.col("following"),
        rows.col("location"), rows.col("profile_observed_at"), rows.col("profile_source")),
        java.util.Map.of("ignoreNullFields", "false")), 256);
  }
}
