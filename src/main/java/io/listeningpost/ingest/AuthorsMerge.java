package io.listeningpost.ingest;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import io.listeningpost.core.TableCounts;
import io.listeningpost.ingest.ActivityAfterRewrite.Activity;
import io.listeningpost.stage.StageContext;
import io.listeningpost.storage.Tables;
import io.listeningpost.storage.Warehouse;
import java.sql.Date;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Writes the {@code authors} table: activity (first/last seen, post count, the name on the latest post)
 * as the posts table holds it, plus the profile metrics the sources gave, latest first. An author whose
 * row this run changed carries its run id; the others keep the id of the run that last changed them, so
 * that the same input twice changes nothing.
 *
 * <p>When the authors table followed every posts write before this run ({@link Warehouse#authorsInSync}),
 * only the authors with posts in the days this run's posts write replaced, before or after it, or with a
 * new profile, are taken again: from their row, their posts in those days and, where that does not tell
 * ({@link ActivityAfterRewrite}), all their posts; every other row is copied as it was. Otherwise (the
 * first run, a run after one that stopped between its posts and its authors, or after a {@code forget}
 * or retention that wrote posts or authors) every author's activity is taken from the whole posts table.
 */
final class AuthorsMerge {
  /**
   * Up to this many authors taken again, their ids are broadcast to the reads of the authors table, and up
   * to this many read from all their posts, theirs to the scan of posts; up to this many seen by the run,
   * theirs to the tally's read of the published table.
   */
  private static final long MAX_BROADCAST_AUTHORS = 1_000_000;
  private static final String REPLACED = "_authors_replaced";

  private final StageContext ctx;

  AuthorsMerge(StageContext ctx) {
    this.ctx = ctx;
  }

  /**
   * What the authors write needs from before the posts write.
   *
   * @param inSync whether the authors table followed the posts table before this run's posts write
   * @param postsBefore whether the posts table held rows before this run
   * @param days the days the posts write replaces
   * @param replaced where the count of each author's posts in those days before the write is staged;
   *     null when there were none
   */
  record Baseline(boolean inSync, boolean postsBefore, List<Date> days, String replaced) {}

  /** The authors table's counts, and a sentence for the run summary on how the activity was taken. */
  record Outcome(TableCounts counts, String note) {}

  /** To be called before the posts write that replaces {@code days}. */
  Baseline baseline(List<Date> days) {
    Warehouse warehouse = ctx.warehouse();
    boolean inSync = warehouse.authorsInSync() && warehouse.exists(Tables.AUTHORS);
    boolean postsBefore = warehouse.exists(Tables.POSTS);
    if (!inSync || days.isEmpty() || !postsBefore) {
      return new Baseline(inSync, postsBefore, days, null);
    }
    String path = warehouse.publisher().stagingOf(REPLACED).toString();
    warehouse.read(Tables.POSTS).filter(col("dt").isin(days.toArray()).and(col("author_id").isNotNull()))
        .groupBy("platform", "author_id").agg(count(lit(1)).as("_b_count"))
        .write().mode(SaveMode.Overwrite).parquet(path);
    return new Baseline(true, true, days, path);
  }

  /**
   * @param profilesParsed profile records parsed
   * @param postAuthorsParsed posts parsed that name their author
   * @param quarantined author records refused by their adapter
   */
  Outcome merge(ParsedRecords records, Baseline baseline, long profilesParsed, long postAuthorsParsed,
      long quarantined) {
    // Held: the authors taken again, their latest profiles and the tally each read the profiles, and each
    // read of the held records goes through all of them.
    Dataset<Row> newProfiles = records.of("author").drop("_rid").withColumn("_new", lit(true))
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      return merge(records, baseline, newProfiles, profilesParsed + postAuthorsParsed + quarantined, quarantined);
    } finally {
      newProfiles.unpersist();
    }
  }

  private Outcome merge(ParsedRecords records, Baseline baseline, Dataset<Row> newProfiles, long read,
      long quarantined) {
    Warehouse warehouse = ctx.warehouse();
    Dataset<Row> old = warehouse.read(Tables.AUTHORS);
    // What the carried rows hold, released after the write or when taking them fails.
    List<Dataset<Row>> held = new ArrayList<>();
    Carried carried;
    try {
      carried = baseline.inSync() ? carried(old, newProfiles, baseline, held) : null;
      Dataset<Row> authors = carried != null ? carried.authors()
          : rows(activityOf(warehouse.read(Tables.POSTS)), latestProfiles(old, newProfiles), old);
      warehouse.replaceTable(Tables.AUTHORS, authors, new String[] {"platform", "author_id"});
    } finally {
      held.forEach(Dataset::unpersist);
    }
    warehouse.markAuthorsInSync();

    // Three terms of the reconciliation, each counted on its own: rows written by this run; records beyond
    // the first for the same author, from the run's records alone; authors this run saw whose row it did
    // not change, their records being already in the table. The first and third count only rows found in
    // the published table, so that a lost or repeated row shows as a mismatch; they come from one pass over
    // it, the run's authors broadcast to it up to MAX_BROADCAST_AUTHORS instead of the table shuffled.
    Dataset<Row> mentions = newProfiles.select("platform", "author_id")
        .union(records.of("post").filter(col("author_id").isNotNull()).select("platform", "author_id"));
    // Held: the sum of its records and the join with the published table both read it.
    Dataset<Row> perAuthor = mentions.groupBy("platform", "author_id").agg(count(lit(1)).as("_records"))
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Row seen = perAuthor.agg(count(lit(1)), coalesce(sum(col("_records").minus(1)), lit(0L))).first();
      Dataset<Row> seenKeys = perAuthor.select(col("platform"), col("author_id"), lit(true).as("_seen"));
      Row published = warehouse.read(Tables.AUTHORS)
          .join(seen.getLong(0) <= MAX_BROADCAST_AUTHORS ? broadcast(seenKeys) : seenKeys,
              Warehouse.seq("platform", "author_id"), "left")
          .withColumn("_this_run", coalesce(col(Tables.RUN_ID).equalTo(ctx.runId()), lit(false)))
          .agg(count(when(col("_this_run"), lit(1))),
              count(when(col("_seen").isNotNull().and(col("_this_run").unary_$bang()), lit(1))))
          .first();
      TableCounts counts = new TableCounts(Tables.AUTHORS, read,
          published.getLong(0), seen.getLong(1) + published.getLong(1), quarantined);
      return new Outcome(counts, note(baseline, carried));
    } finally {
      perAuthor.unpersist();
    }
  }

  /** A sentence for the run summary on how the activity was taken. */
  private static String note(Baseline baseline, Carried carried) {
    return carried == null
        ? "authors: activity taken from the whole posts table (" + (baseline.postsBefore()
            ? "the authors table was not written after the last posts write" : "no posts before this run") + ")"
        : String.format(Locale.ROOT, "authors: activity of %,d authors taken again from %d replaced days "
            + "(%,d of them from all their posts); the others kept", carried.touched(), baseline.days().size(),
            carried.reread());
  }

  /** Activity columns per author from {@code posts}: the full rule that the carried activity equals. */
  private static Dataset<Row> activityOf(Dataset<Row> posts) {
    return posts.filter(col("author_id").isNotNull())
        .groupBy("platform", "author_id")
        .agg(min("created_at").as("first_seen"), max("created_at").as("last_seen"), count(lit(1)).as("post_count"),
            max(struct(col("created_at"), col("author_name"))).getField("author_name").as("_post_name"));
  }

  /**
   * The latest profile per author, from the profile records of this run and the profiles that the rows
   * of {@code old} hold. Every author a profile record was seen for counts, metrics or not: a profile
   * that gave only a name must not vanish on the next run, which would change the row without any
   * record naming the author.
   */
  private static Dataset<Row> latestProfiles(Dataset<Row> old, Dataset<Row> newProfiles) {
    Dataset<Row> oldProfiles = old.filter(hadProfile())
        .select(col("platform"), col("author_id"), col("name"), col("account_created_at"),
            col("profile_observed_at").as("observed_at"), col("reputation"), col("followers"), col("following"),
            col("location"), col("profile_source").as("source"))
        .withColumn("_new", lit(false));
    return oldProfiles.unionByName(newProfiles)
        .withColumn("_rank", row_number().over(Window.partitionBy("platform", "author_id")
            .orderBy(col("observed_at").desc_nulls_last(), col("_new").asc(), col("source").asc(),
                // Two records of one source observed at the same time: the pick must not depend on row order;
                // the greatest name, as for posts at the same time.
                col("name").desc_nulls_last(), col("account_created_at").asc_nulls_last(),
                col("reputation").asc_nulls_last(), col("followers").asc_nulls_last(),
                col("following").asc_nulls_last(), col("location").asc_nulls_last())))
        .filter(col("_rank").equalTo(1)).drop("_rank", "_new");
  }

  /**
   * Author rows from their activity and latest profile; a row that differs from its row in {@code old}
   * (or is new) takes this run's id, the others keep theirs.
   */
  private Dataset<Row> rows(Dataset<Row> activity, Dataset<Row> profiles, Dataset<Row> old) {
    Dataset<Row> oldRows = old.select(col("platform").as("_o_platform"), col("author_id").as("_o_author"),
        col(Tables.RUN_ID).as("_old_run"), rowHash(old).as("_old_hash"));
    Dataset<Row> rebuilt = activity.join(profiles, Warehouse.seq("platform", "author_id"), "full_outer")
        .select(col("platform"), col("author_id"), coalesce(col("name"), col("_post_name")).as("name"),
            col("first_seen"), col("last_seen"), coalesce(col("post_count"), lit(0L)).as("post_count"),
            col("account_created_at"), col("reputation"), col("followers"), col("following"), col("location"),
            col("observed_at").as("profile_observed_at"), col("source").as("profile_source"));
    return rebuilt
        .join(oldRows, col("platform").equalTo(col("_o_platform")).and(col("author_id").equalTo(col("_o_author"))),
            "left")
        .withColumn(Tables.RUN_ID, when(col("_old_hash").isNull().or(col("_old_hash").notEqual(rowHash(rebuilt))),
            lit(ctx.runId())).otherwise(col("_old_run")))
        .drop("_o_platform", "_o_author", "_old_run", "_old_hash");
  }

  /**
   * Every author's row, those taken again and the others as they were; how many authors were taken again,
   * and how many of them from all their posts.
   */
  private record Carried(Dataset<Row> authors, long touched, long reread) {}

  /** @param held where each dataset held for the rows is added as it is held, for the caller to release */
  private Carried carried(Dataset<Row> old, Dataset<Row> newProfiles, Baseline baseline, List<Dataset<Row>> held) {
    Warehouse warehouse = ctx.warehouse();
    SparkSession spark = ctx.spark();
    Dataset<Row> posts = warehouse.read(Tables.POSTS);
    Dataset<Row> inDays = hold(activityOf(posts.filter(col("dt").isin(baseline.days().toArray())))
        .select(col("platform"), col("author_id"), col("first_seen").as("_n_first"), col("last_seen").as("_n_last"),
            col("post_count").as("_n_count"), col("_post_name").as("_n_name")), held);
    Dataset<Row> replaced = baseline.replaced() == null
        ? spark.createDataFrame(List.of(), new StructType().add("platform", DataTypes.StringType)
            .add("author_id", DataTypes.StringType).add("_b_count", DataTypes.LongType))
        : spark.read().parquet(baseline.replaced());
    Dataset<Row> keys = hold(inDays.select("platform", "author_id")
        .union(replaced.select("platform", "author_id"))
        .union(newProfiles.select("platform", "author_id")).distinct(), held);
    long touched = keys.count();
    // Up to the limit, the authors taken again are looked up in the table, not the table shuffled to meet them.
    Dataset<Row> lookup = touched <= MAX_BROADCAST_AUTHORS ? broadcast(keys) : keys;
    // Held: their profiles, their activity before and their run ids all read it, each a scan of the whole table.
    Dataset<Row> oldTouched = hold(old.join(lookup, Warehouse.seq("platform", "author_id"), "left_semi"), held);
    // Held: the rule below and the rows written both read it; each would rank the profiles again.
    Dataset<Row> profiles = hold(latestProfiles(oldTouched, newProfiles), held);
    Dataset<Row> before = oldTouched.select(col("platform"), col("author_id"), col("first_seen").as("_o_first"),
        col("last_seen").as("_o_last"), col("post_count").as("_o_count"), col("name").as("_o_name"),
        hadProfile().as("_o_profile"));
    Dataset<Row> joined = keys.join(before, Warehouse.seq("platform", "author_id"), "left")
        .join(replaced, Warehouse.seq("platform", "author_id"), "left")
        .join(inDays, Warehouse.seq("platform", "author_id"), "left")
        .join(profiles.select(col("platform"), col("author_id"), col("name").as("_p_name")),
            Warehouse.seq("platform", "author_id"), "left");
    StructType out = new StructType().add("platform", DataTypes.StringType).add("author_id", DataTypes.StringType)
        .add("first_seen", DataTypes.TimestampType).add("last_seen", DataTypes.TimestampType)
        .add("post_count", DataTypes.LongType).add("_post_name", DataTypes.StringType)
        .add("_unknown", DataTypes.BooleanType, false);
    ActivityAfterRewrite after = new ActivityAfterRewrite(
        baseline.days().stream().map(Date::toLocalDate).collect(Collectors.toSet()),
        ZoneId.of(spark.conf().get("spark.sql.session.timeZone")));
    Dataset<Row> rule = hold(joined.map((MapFunction<Row, Row>) r -> carry(after, r), Encoders.row(out)), held);
    long unknown = rule.filter(col("_unknown")).count();
    Dataset<Row> activity = rule.filter(col("_unknown").unary_$bang().and(col("post_count").gt(0))).drop("_unknown");
    if (unknown > 0) {
      Dataset<Row> unknownKeys = rule.filter(col("_unknown")).select("platform", "author_id");
      activity = activity.unionByName(activityOf(posts.join(
          unknown <= MAX_BROADCAST_AUTHORS ? broadcast(unknownKeys) : unknownKeys,
          Warehouse.seq("platform", "author_id"), "left_semi")));
    }
    Dataset<Row> untouched = old.join(lookup, Warehouse.seq("platform", "author_id"), "left_anti");
    Dataset<Row> authors = untouched.unionByName(rows(activity, profiles, oldTouched));
    return new Carried(authors, touched, unknown);
  }

  private static Dataset<Row> hold(Dataset<Row> rows, List<Dataset<Row>> held) {
    held.add(rows);
    return rows.persist(StorageLevel.MEMORY_AND_DISK());
  }

  /** One touched author's row of the joined inputs, through {@link ActivityAfterRewrite}. */
  private static Row carry(ActivityAfterRewrite rule, Row r) {
    Activity before = r.isNullAt(r.fieldIndex("_o_count")) ? Activity.NONE
        : new Activity(r.getAs("_o_first"), r.getAs("_o_last"), r.<Long>getAs("_o_count"), r.getAs("_o_name"));
    boolean nameWasLatestPosts = r.isNullAt(r.fieldIndex("_o_profile")) || !r.<Boolean>getAs("_o_profile");
    long replaced = r.isNullAt(r.fieldIndex("_b_count")) ? 0 : r.<Long>getAs("_b_count");
    Activity inDays = r.isNullAt(r.fieldIndex("_n_count")) ? Activity.NONE
        : new Activity(r.getAs("_n_first"), r.getAs("_n_last"), r.<Long>getAs("_n_count"), r.getAs("_n_name"));
    boolean nameNeeded = r.isNullAt(r.fieldIndex("_p_name"));
    Activity after = rule.after(before, nameWasLatestPosts, replaced, inDays, nameNeeded);
    return after == null
        ? RowFactory.create(r.getAs("platform"), r.getAs("author_id"), null, null, null, null, true)
        : RowFactory.create(r.getAs("platform"), r.getAs("author_id"), after.first(), after.last(), after.count(),
            after.latestName(), false);
  }

  /** Whether an author row holds a profile: its name then came from the profile, not from the posts. */
  private static Column hadProfile() {
    return col("profile_source").isNotNull().or(col("profile_observed_at").isNotNull())
        .or(col("reputation").isNotNull()).or(col("followers").isNotNull());
  }

  /**
   * A digest of an author row's data columns, nulls included (hash functions skip nulls, so that
   * moving a value from one column to another would go unseen), to tell a changed row from the one
   * already published.
   */
  private static Column rowHash(Dataset<Row> rows) {
    return sha2(to_json(struct(rows.col("name"), rows.col("first_seen"), rows.col("last_seen"), rows.col("post_count"),
        rows.col("account_created_at"), rows.col("reputation"), rows.col("followers"), rows.col("following"),
        rows.col("location"), rows.col("profile_observed_at"), rows.col("profile_source")),
        java.util.Map.of("ignoreNullFields", "false")), 256);
  }
}
