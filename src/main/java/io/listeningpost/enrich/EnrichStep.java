package io.listeningpost.enrich;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;

import io.listeningpost.core.JobLabels;
import io.listeningpost.core.StepResult;
import io.listeningpost.core.TableCounts;
import io.listeningpost.core.Tables;
import io.listeningpost.core.config.EnrichSettings;
import io.listeningpost.core.config.ListeningPostConfig;
import io.listeningpost.ingest.Warehouse;
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
import org.apache.spark.sql.SaveMode;
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
  private final SparkSession spark;
  private final ListeningPostConfig config;
  private final String runId;
  private final Warehouse warehouse;
  private final JobLabels labels;

  public EnrichStep(SparkSession spark, ListeningPostConfig config, String runId) {
    this.spark = spark;
    this.config = config;
    this.runId = runId;
    this.warehouse = new Warehouse(spark, config.warehouse(), config.rowsPerFile());
    this.labels = new JobLabels(spark, runId);
  }

  /** The cache key part that is not the text: results of another model or setting are not reused. */
  public static String analysisVersion(EnrichSettings s) {
    return NlpModels.sentiment().version() + ";rntn=" + s.rntnMinTokens() + "/" + s.rntnWeight() + "/"
        + s.parseMaxTokens() + ";chars=" + s.maxChars() + ";langs=" + String.join(",", s.languages());
  }

  public StepResult run() {
    EnrichSettings settings = config.enrich();
    String version = analysisVersion(settings);
    Map<String, String> outputs = new LinkedHashMap<>();
    outputs.put(Tables.POST_NLP, warehouse.path(Tables.POST_NLP));
    outputs.put(Tables.NLP_CACHE, warehouse.path(Tables.NLP_CACHE));
    if (!warehouse.exists(Tables.POSTS)) {
      return new StepResult("enrich", List.of(new TableCounts(Tables.POST_NLP, 0, 0, 0, 0)), outputs, Map.of(),
          List.of("no posts table yet: nothing to enrich"));
    }
    labels.label("enrich:select", "Find posts whose current text has no NLP row");
    UserDefinedFunction hash = udf((UDF2<String, String, String>) (title, text) ->
        TextHash.of(PostAnalyzer.fullText(title, text)), DataTypes.StringType);
    Dataset<Row> posts = warehouse.read(Tables.POSTS)
        .select(col("platform"), col("community"), col("post_id"), col("author_id"), col("created_at"), col("title"),
            col("text"), col("lang").as("declared_lang"), col("dt"))
        .withColumn("text_hash", hash.apply(col("title"), col("text")));
    Dataset<Row> todo = posts;
    if (warehouse.exists(Tables.POST_NLP)) {
      Dataset<Row> done = warehouse.read(Tables.POST_NLP).filter(col("analysis_version").equalTo(version))
          .select("platform", "post_id", "text_hash");
      todo = posts.join(done, Warehouse.seq("platform", "post_id", "text_hash"), "left_anti");
    }
    todo = todo.persist(StorageLevel.MEMORY_AND_DISK());
    try {
      return write(todo, settings, version, outputs);
    } finally {
      todo.unpersist();
    }
  }

  private StepResult write(Dataset<Row> todo, EnrichSettings settings, String version, Map<String, String> outputs) {
    long todoCount = todo.count();
    List<String> notes = new ArrayList<>();
    if (todoCount == 0) {
      labels.label(null, null);
      return new StepResult("enrich", List.of(new TableCounts(Tables.POST_NLP, 0, 0, 0, 0)), outputs,
          labels.millis(), List.of("every post already has its NLP row: nothing to analyse"));
    }
    Dataset<Row> cache = warehouse.exists(Tables.NLP_CACHE)
        ? warehouse.read(Tables.NLP_CACHE).filter(col("analysis_version").equalTo(version)) : null;
    Dataset<Row> texts = todo.dropDuplicates("text_hash").select("text_hash", "title", "text", "declared_lang");
    if (cache != null) {
      texts = texts.join(cache.select("text_hash"), Warehouse.seq("text_hash"), "left_anti");
    }
    labels.label("enrich:analyse", "Analyse new texts with CoreNLP and the social sentiment model");
    int slices = Math.max(1, spark.sparkContext().defaultParallelism() * 4);
    PostAnalyzer analyzer = new PostAnalyzer(settings);
    String run = runId;
    Timestamp now = Timestamp.from(Instant.now());
    JavaRDD<Row> analysed = texts.repartition(slices).javaRDD().mapPartitions(analyse(analyzer, version, run, now));
    Dataset<Row> fresh = spark.createDataFrame(analysed, Tables.NLP_CACHE_SCHEMA)
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      long analysedCount = fresh.count();
      if (analysedCount > 0) {
        fresh.coalesce((int) Math.min(16, analysedCount / 200_000 + 1)).write().mode(SaveMode.Append)
            .parquet(warehouse.path(Tables.NLP_CACHE));
      }
      Map<String, Long> fallbacks = new LinkedHashMap<>();
      for (Row r : fresh.select(explode(col("fallbacks")).as("f")).groupBy("f").agg(count(lit(1))).collectAsList()) {
        fallbacks.put(r.getString(0), r.getLong(1));
      }
      Map<String, Long> unscored = new LinkedHashMap<>();
      for (Row r : fresh.filter(col("scored").equalTo(false)).groupBy("unscored_reason").count().collectAsList()) {
        unscored.put(r.getString(0), r.getLong(1));
      }
      notes.add(String.format("%,d posts needed NLP: %,d distinct new texts analysed, %,d served from nlp_cache",
          todoCount, analysedCount, todoCount - analysedCount));
      if (!fallbacks.isEmpty()) {
        notes.add("fallbacks (texts): " + fallbacks);
      }
      if (!unscored.isEmpty()) {
        notes.add("unscored texts, by reason: " + unscored);
      }
    } finally {
      fresh.unpersist();
    }

    labels.label("enrich:write", "Join NLP results to posts, match watched terms, write post_nlp");
    Dataset<Row> results = warehouse.read(Tables.NLP_CACHE).filter(col("analysis_version").equalTo(version))
        .dropDuplicates("text_hash").drop("analysis_version", "analysed_run_id", "analysed_at");
    WatchedTerms watched = new WatchedTerms(settings.watch());
    UserDefinedFunction watch = udf((UDF2<String, String, Row[]>) (title, text) ->
        NlpRows.watchedRows(watched, PostAnalyzer.fullText(title, text)), DataTypes.createArrayType(Tables.WATCHED));
    Dataset<Row> rows = todo.join(results, Warehouse.seq("text_hash"), "inner")
        .withColumn("watched", watch.apply(col("title"), col("text")))
        .withColumn("analysis_version", lit(version))
        .withColumn("enrich_run_id", lit(runId));
    rows = rows.select(columns(Tables.POST_NLP_SCHEMA.fieldNames()));
    List<Date> affected = warehouse.affectedPartitions(todo);
    Dataset<Row> keep = warehouse.otherPartitions(Tables.POST_NLP, rows, List.of()).filter(
        col("dt").isin(affected.toArray()));
    Dataset<Row> merged = keep.join(rows.select("platform", "post_id"), Warehouse.seq("platform", "post_id"),
        "left_anti").select(columns(Tables.POST_NLP_SCHEMA.fieldNames())).unionByName(rows);
    if (!affected.isEmpty()) {
      warehouse.overwritePartitions(Tables.POST_NLP, merged, new String[] {"created_at"});
    }
    long written = affected.isEmpty() ? 0 : warehouse.read(Tables.POST_NLP)
        .filter(col("dt").isin(affected.toArray()).and(col("enrich_run_id").equalTo(runId))).count();
    labels.label(null, null);
    // Every post that needed NLP must now have its row; a shortfall fails the run's reconciliation.
    TableCounts counts = new TableCounts(Tables.POST_NLP, todoCount, written, 0, 0);
    return new StepResult("enrich", List.of(counts), outputs, labels.millis(), notes);
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
        return NlpRows.cacheRow(nlp, version, run, now);
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
