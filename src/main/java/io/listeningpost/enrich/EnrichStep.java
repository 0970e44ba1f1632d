package io.listeningpost.enrich;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.udf;

import io.listeningpost.stage.JobLabels;
import io.listeningpost.stage.StageContext;
import io.listeningpost.stage.StageResult;
import io.listeningpost.stage.StageTables;
import io.listeningpost.core.TableCounts;
import io.listeningpost.storage.Tables;
import io.listeningpost.core.config.EnrichSettings;
import io.listeningpost.core.config.ListeningPostConfig;
import io.listeningpost.storage.Warehouse;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;

/**
 * The enrich stage: one {@code post_nlp} row per post, from {@link PostAnalyzer}.
 *
 * <p>Only posts without a row for their current text are analysed, and a text is analysed once:
 * results are kept in {@code nlp_cache} by normalised text hash and analysis version, across runs, so
 * retweets, cross-posts and reruns cost a join, not CoreNLP. Watched terms depend on the config, not
 * the text alone, so they are matched on every post written.
 */
public final class EnrichStep {
  /** Analyses every post not yet analysed, whatever its date. */
  public static final StageTables TABLES = new StageTables(
      List.of(Tables.POSTS, Tables.POST_NLP, Tables.NLP_CACHE), List.of(Tables.POST_NLP, Tables.NLP_CACHE), false);
  /** The CoreNLP release whose models analyse the texts; part of the cache key. */
  private static final String CORENLP_VERSION = "4.5.10";
  /** Up to this many posts to write, their texts' hashes are sent to every task that scans the cache. */
  private static final long MAX_BROADCAST_POSTS = 1_000_000;

  private final SparkSession spark;
  private final ListeningPostConfig config;
  private final String runId;
  private final Warehouse warehouse;
  private final JobLabels labels;
  private final java.time.LocalDate runDate;

  public EnrichStep(StageContext ctx) {
    this.spark = ctx.spark();
    this.config = ctx.config();
    this.runId = ctx.runId();
    this.warehouse = ctx.warehouse();
    this.labels = ctx.labels();
    this.runDate = ctx.runDate();
  }

  /**
   * The cache key part that is neither the text nor its declared language: results of another model,
   * CoreNLP version, way of running CoreNLP ({@link CoreNlpLinguistics#VERSION}) or setting are not reused,
   * and the posts they were written for are analysed again.
   */
  public static String analysisVersion(EnrichSettings s) {
    return NlpModels.sentiment().version() + ";corenlp=" + CORENLP_VERSION + ";linguistics="
        + (s.linguistics() ? CoreNlpLinguistics.VERSION : "false")
        + ";rntn=" + s.rntnMinTokens() + "/" + s.rntnWeight() + "/" + s.parseMaxTokens() + ";chars=" + s.maxChars()
        + ";langs=" + String.join(",", s.languages());
  }

  public StageResult run() {
    EnrichSettings settings = config.enrich();
    String version = analysisVersion(settings);
    Map<String, String> outputs = new LinkedHashMap<>();
    outputs.put(Tables.POST_NLP, warehouse.path(Tables.POST_NLP));
    outputs.put(Tables.NLP_CACHE, warehouse.path(Tables.NLP_CACHE));
    labels.label("enrich:select", "Find posts whose current version has no NLP row");
    Dataset<Row> analysed = warehouse.read(Tables.POST_NLP).filter(col("analysis_version").equalTo(version));
    // A row whose analysis ran out of time is not final: its post is analysed again.
    Column timedOut = array_contains(col("fallbacks"), PostAnalyzer.FALLBACK_TIMEOUT);
    DaysToRead toRead = daysToRead(analysed, timedOut);
    List<Date> days = toRead.days();
    UserDefinedFunction hash = udf((UDF2<String, String, String>) (title, text) ->
        TextHash.of(PostAnalyzer.fullText(title, text)), DataTypes.StringType);
    Dataset<Row> posts = warehouse.read(Tables.POSTS).filter(col("dt").isin(days.toArray()))
        .select(col("platform"), col("community"), col("post_id"), col("author_id"), col("created_at"), col("title"),
            col("text"), col("lang").as("declared_lang"), col(Tables.RUN_ID).as("post_run_id"), col("dt"))
        .withColumn("text_hash", hash.apply(col("title"), col("text")));
    Dataset<Row> done = analysed.filter(col("dt").isin(days.toArray()).and(not(timedOut)))
        .select(col("platform").as("_d_platform"), col("post_id").as("_d_id"), col("text_hash").as("_d_hash"),
            col("post_run_id").as("_d_run"));
    // Null-safe on the version, as in daysToRead.
    Dataset<Row> todo = posts.join(done,
            col("platform").equalTo(col("_d_platform")).and(col("post_id").equalTo(col("_d_id")))
                .and(col("text_hash").equalTo(col("_d_hash"))).and(col("post_run_id").eqNullSafe(col("_d_run"))),
            "left_anti")
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      return write(todo, settings, version, outputs, toRead);
    } finally {
      todo.unpersist();
    }
  }

  /**
   * The days that may hold a post without a final NLP row of this analysis version: a day where some
   * version of a post (a {@code posts.run_id}) has no such row, or where an analysis timed out. Every
   * change to a posts row, by ingest or by forget, gives it the writing run's id, and {@code post_nlp}
   * keeps the id of the version it analysed, so a day whose versions all have rows needs no text read.
   * Reads two columns of each table, not the texts.
   */
  private DaysToRead daysToRead(Dataset<Row> analysed, Column timedOut) {
    Dataset<Row> versions = warehouse.read(Tables.POSTS).select(col("dt"), col(Tables.RUN_ID).as("post_run_id"))
        .distinct();
    Dataset<Row> covered = analysed.filter(not(timedOut))
        .select(col("dt").as("_c_dt"), col("post_run_id").as("_c_run")).distinct();
    // Null-safe on the version: posts of a warehouse from before run ids read them as null.
    Dataset<Row> perDay = versions.join(covered, col("dt").equalTo(col("_c_dt"))
            .and(col("post_run_id").eqNullSafe(col("_c_run"))), "left")
        .select(col("dt"), col("_c_dt").isNull().as("pending"))
        .unionByName(analysed.filter(timedOut).select(col("dt"), lit(true).as("pending")))
        .groupBy("dt").agg(max(col("pending")).as("pending"));
    List<Date> days = new ArrayList<>();
    int all = 0;
    for (Row r : perDay.collectAsList()) {
      all++;
      if (r.getBoolean(1)) {
        days.add(r.getDate(0));
      }
    }
    days.sort(Date::compareTo);
    return new DaysToRead(days, all);
  }

  /** The days whose texts are read, of all the days of posts or of analyses that timed out. */
  private record DaysToRead(List<Date> days, int of) {
    String note() {
      return String.format("texts read on %,d of %,d days: the others hold no post version without its NLP row",
          days.size(), of);
    }
  }

  private StageResult write(Dataset<Row> todo, EnrichSettings settings, String version, Map<String, String> outputs,
      DaysToRead toRead) {
    long todoCount = todo.count();
    List<String> notes = new ArrayList<>();
    if (todoCount == 0) {
      Date day = Date.valueOf(runDate);
      warehouse.ensureExists(Tables.POST_NLP, day);
      warehouse.ensureExists(Tables.NLP_CACHE, day);
      labels.label(null, null);
      return new StageResult("enrich", List.of(new TableCounts(Tables.POST_NLP, 0, 0, 0, 0)), outputs,
          labels.millis(), List.of("every post already has its NLP row: nothing to analyse", toRead.note()));
    }
    Dataset<Row> cached = warehouse.read(Tables.NLP_CACHE).filter(col("analysis_version").equalTo(version))
        .select(col("text_hash").as("_c_hash"), col("declared_lang").as("_c_lang"));
    // One post stands for each distinct text and declared language, by a stable rule: the first by
    // platform and post id, so that reruns analyse the same title and text.
    Dataset<Row> texts = todo
        .withColumn("_pick", row_number().over(Window.partitionBy(col("text_hash"), col("declared_lang"))
            .orderBy(col("platform"), col("post_id"))))
        .filter(col("_pick").equalTo(1))
        .select("text_hash", "title", "text", "declared_lang")
        .join(cached, col("text_hash").eqNullSafe(col("_c_hash")).and(col("declared_lang").eqNullSafe(col("_c_lang"))),
            "left_anti");
    labels.label("enrich:analyse", "Analyse new texts with CoreNLP and the social sentiment model");
    int slices = Math.max(1, spark.sparkContext().defaultParallelism() * 4);
    PostAnalyzer analyzer = new PostAnalyzer(settings);
    String run = runId;
    Timestamp now = Timestamp.from(Instant.now());
    JavaRDD<Row> analysed = texts.repartition(slices).javaRDD().mapPartitions(analyse(analyzer, version, run, now));
    Dataset<Row> fresh = spark.createDataFrame(analysed, Tables.NLP_CACHE_SCHEMA)
        .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> results;
    try {
      long analysedCount = fresh.count();
      Dataset<Row> lasting = fresh.filter(not(array_contains(col("fallbacks"), PostAnalyzer.FALLBACK_TIMEOUT)));
      if (analysedCount > 0) {
        // Appended, not published: each cache file is renamed in whole, so a run stopped here has cached
        // some of its texts and the next run analyses only the rest.
        warehouse.append(Tables.NLP_CACHE, lasting.coalesce((int) Math.min(16, analysedCount / 200_000 + 1)));
      }
      Map<String, Long> fallbacks = new LinkedHashMap<>();
      for (Row r : fresh.select(explode(col("fallbacks")).as("f")).groupBy("f").agg(count(lit(1)))
          .orderBy("f").collectAsList()) {
        fallbacks.put(r.getString(0), r.getLong(1));
      }
      Map<String, Long> unscored = new LinkedHashMap<>();
      for (Row r : fresh.filter(col("scored").equalTo(false)).groupBy("unscored_reason").count()
          .orderBy("unscored_reason").collectAsList()) {
        unscored.put(r.getString(0), r.getLong(1));
      }
      notes.add(toRead.note());
      notes.add(String.format("%,d posts needed NLP: %,d distinct new texts analysed, the rest served from nlp_cache",
          todoCount, analysedCount));
      if (!fallbacks.isEmpty()) {
        notes.add("fallbacks (texts): " + fallbacks + (fallbacks.containsKey(PostAnalyzer.FALLBACK_TIMEOUT)
            ? "; texts that timed out are not cached and are analysed again by the next run" : ""));
      }
      if (!unscored.isEmpty()) {
        notes.add("unscored texts, by reason: " + unscored);
      }

      labels.label("enrich:write", "Join NLP results to posts, match watched terms, write post_nlp");
      // This run's results, timeouts included, and the cache for the rest: a text analysed now was not in
      // the cache, so the two do not overlap but for copies a stopped run appended twice.
      Dataset<Row> thisRun = fresh.drop("analysis_version", Tables.RUN_ID, "analysed_at");
      // Only the cached texts these posts need: the cache holds every text ever analysed.
      Dataset<Row> needed = todo.select(col("text_hash").as("_n_hash"), col("declared_lang").as("_n_lang")).distinct();
      Dataset<Row> fromCache = warehouse.read(Tables.NLP_CACHE).filter(col("analysis_version").equalTo(version))
          .join(todoCount <= MAX_BROADCAST_POSTS ? broadcast(needed) : needed,
              col("text_hash").equalTo(col("_n_hash")).and(col("declared_lang").eqNullSafe(col("_n_lang"))), "left_semi")
          .drop("analysis_version", Tables.RUN_ID, "analysed_at");
      results = thisRun.unionByName(fromCache).dropDuplicates("text_hash", "declared_lang")
          .withColumnRenamed("text_hash", "_r_hash").withColumnRenamed("declared_lang", "_r_lang");
      WatchedTerms watched = new WatchedTerms(settings.watch());
      UserDefinedFunction watch = udf((UDF2<String, String, Row[]>) (title, text) ->
          NlpRows.watchedRows(watched, PostAnalyzer.fullText(title, text)), DataTypes.createArrayType(Tables.WATCHED));
      Dataset<Row> rows = todo.join(results, col("text_hash").equalTo(col("_r_hash"))
              .and(col("declared_lang").eqNullSafe(col("_r_lang"))), "inner")
          .drop("_r_hash", "_r_lang")
          .withColumn("watched", watch.apply(col("title"), col("text")))
          .withColumn("analysis_version", lit(version))
          .withColumn(Tables.RUN_ID, lit(runId));
      rows = rows.select(columns(Tables.POST_NLP_SCHEMA.fieldNames()));
      Warehouse.AffectedDays days = warehouse.affectedDays(todo);
      List<Date> affected = days.days();
      Dataset<Row> keep = warehouse.read(Tables.POST_NLP).filter(col("dt").isin(affected.toArray()));
      Dataset<Row> merged = keep.join(rows.select("platform", "post_id"), Warehouse.seq("platform", "post_id"),
          "left_anti").select(columns(Tables.POST_NLP_SCHEMA.fieldNames())).unionByName(rows);
      warehouse.overwritePartitions(Tables.POST_NLP, merged, new String[] {"created_at", "platform", "post_id"},
          days);
      long written = warehouse.rowsOfRun(Tables.POST_NLP, affected, runId);
      labels.label(null, null);
      // Every post that needed NLP must now have its row; a shortfall fails the run's reconciliation.
      TableCounts counts = new TableCounts(Tables.POST_NLP, todoCount, written, 0, 0);
      return new StageResult("enrich", List.of(counts), outputs, labels.millis(), notes);
    } finally {
      fresh.unpersist();
    }
  }

  /** The per-partition function; static, so that it captures settings only, never the step or its session. */
  private static FlatMapFunction<Iterator<Row>, Row> analyse(PostAnalyzer analyzer, String version, String run,
      Timestamp now) {
    return rows -> new Iterator<>() {
      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public Row next() {
        Row r = rows.next();
        PostNlp nlp = analyzer.analyze(r.getString(1), r.getString(2), r.getString(3));
        return NlpRows.cacheRow(nlp, r.getString(3), version, run, now);
      }
    };
  }

  private static Column[] columns(String[] names) {
    Column[] out = new Column[names.length];
    for (int i = 0; i < names.length; i++) {
      out[i] = col(names[i]);
    }
    return out;
  }
}
