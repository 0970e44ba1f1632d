package io.listeningpost.audiences;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.flatten;
import static org.apache.spark.sql.functions.grouping_id;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.posexplode_outer;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import io.listeningpost.audiences.topics.NmfTopicModel;
import io.listeningpost.audiences.topics.Npmi;
import io.listeningpost.audiences.topics.SparseDoc;
import io.listeningpost.audiences.topics.TopicCountChooser;
import io.listeningpost.audiences.topics.TopicText;
import io.listeningpost.audiences.topics.TopicVocabulary;
import io.listeningpost.core.TableCounts;
import io.listeningpost.core.Utf8Order;
import io.listeningpost.core.config.AudiencesSettings;
import io.listeningpost.enrich.PostAnalyzer;
import io.listeningpost.graph.OrderFreeSums;
import io.listeningpost.stage.JobLabels;
import io.listeningpost.stage.StageContext;
import io.listeningpost.stage.StageResult;
import io.listeningpost.stage.StageTables;
import io.listeningpost.storage.Tables;
import io.listeningpost.storage.Warehouse;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import scala.collection.JavaConverters;
import scala.collection.Seq;

/**
 * The audiences stage: the topics of the window's posts ({@code topics}), each post's topics
 * ({@code post_topics}), and the audience segments of its authors, where they are present and which
 * target audience each is closest to ({@link AudienceSegments}), the recruitment and marketing streams
 * and their common themes ({@link AudienceStreams}), and what can enrich the communities
 * ({@link AudienceOpportunities}).
 *
 * <p>A non-negative matrix factorisation of sublinear TF-IDF ({@link NmfTopicModel}) is fitted on the
 * driver to a seeded sample of the window's threads, each thread's posts pooled into one document, since
 * a single short post says too little to place it. Every post of the window, and of the window before,
 * is then given its topics on the executors; a post with no word the model knows takes its thread's.
 * Topics are described by c-TF-IDF terms, distinctive noun phrases, coherence (NPMI over the sample),
 * sentiment of the sentences that speak of them, and their share per community and platform.
 */
public final class AudiencesStep {
  /** The window's posts and their NLP rows, and the run date's roles from the graph. */
  public static final StageTables TABLES = new StageTables(
      List.of(Tables.POSTS, Tables.POST_NLP, Tables.INFLUENCERS, Tables.TOPICS),
      List.of(Tables.TOPICS, Tables.POST_TOPICS, Tables.SEGMENTS, Tables.SEGMENT_MEMBERS, Tables.AUDIENCE_PRESENCE,
          Tables.TARGET_COMMUNITIES, Tables.STREAMS, Tables.STREAM_THEMES, Tables.POST_STREAMS, Tables.OPPORTUNITIES,
          Tables.KEY_TOPICS), true);
  /** A post lists the topics with at least this share of its weight, up to three; always its strongest. */
  private static final double MIN_TOPIC_WEIGHT = 0.2;
  private static final int MAX_TOPICS_PER_POST = 3;
  private static final int TOP_TERMS = 10;
  private static final List<Integer> TOPIC_CANDIDATES = List.of(6, 8, 10, 12, 16, 20, 25, 30);
  private static final int NMF_ITERATIONS = 200;
  /**
   * The topic count is chosen on the first this many sampled threads (already in seeded random order):
   * each candidate is a whole fit, and the count settles long before the sample's size.
   */
  private static final int CHOOSER_THREADS = 10_000;
  private static final int MAX_TERMS = 20_000;
  /** Vocabulary bounds chosen on held-in Stack Exchange questions (docs/topics.md). */
  private static final int MIN_DOCS = 3;
  private static final double MAX_DOC_SHARE = 0.5;

  private static final StructType ASSIGNED = new StructType()
      .add("topic_id", DataTypes.IntegerType).add("weight", DataTypes.DoubleType);

  private final StageContext ctx;
  private final JobLabels labels;

  public AudiencesStep(StageContext ctx) {
    this.ctx = ctx;
    this.labels = ctx.labels();
  }

  public StageResult run() {
    AudiencesSettings settings = ctx.config().audiences();
    Warehouse warehouse = ctx.warehouse();
    LocalDate runDate = ctx.runDate();
    LocalDate start = runDate.minusDays(settings.windowDays() - 1L);
    Timestamp from = ts(start);
    Timestamp until = ts(runDate.plusDays(1));
    Timestamp previousFrom = ts(start.minusDays(settings.windowDays()));
    Date day = Date.valueOf(runDate);
    Map<String, String> outputs = new LinkedHashMap<>();
    outputs.put(Tables.TOPICS, warehouse.path(Tables.TOPICS));
    outputs.put(Tables.POST_TOPICS, warehouse.path(Tables.POST_TOPICS));
    outputs.put(Tables.SEGMENTS, warehouse.path(Tables.SEGMENTS));
    outputs.put(Tables.SEGMENT_MEMBERS, warehouse.path(Tables.SEGMENT_MEMBERS));
    outputs.put(Tables.AUDIENCE_PRESENCE, warehouse.path(Tables.AUDIENCE_PRESENCE));
    outputs.put(Tables.TARGET_COMMUNITIES, warehouse.path(Tables.TARGET_COMMUNITIES));
    outputs.put(Tables.STREAMS, warehouse.path(Tables.STREAMS));
    outputs.put(Tables.STREAM_THEMES, warehouse.path(Tables.STREAM_THEMES));
    outputs.put(Tables.POST_STREAMS, warehouse.path(Tables.POST_STREAMS));
    outputs.put(Tables.OPPORTUNITIES, warehouse.path(Tables.OPPORTUNITIES));
    outputs.put(Tables.KEY_TOPICS, warehouse.path(Tables.KEY_TOPICS));
    List<String> notes = new ArrayList<>();

    labels.label("audiences:select", "Posts of the window and the one before, with language, phrases, sentences");
    UserDefinedFunction tokenize = udf((UDF2<String, String, String[]>) (title, text) ->
        TopicText.tokens(title, text).toArray(new String[0]), DataTypes.createArrayType(DataTypes.StringType));
    Dataset<Row> nlp = warehouse.read(Tables.POST_NLP).select(col("platform").as("_n_platform"),
        col("post_id").as("_n_post"), col("lang").as("nlp_lang"), col("noun_phrases"), col("sentences"),
        when(col("scored"), OrderFreeSums.exact(col("sentiment_score"))).as("sentiment_score"));
    Dataset<Row> posts = warehouse.read(Tables.POSTS)
        .filter(col("created_at").geq(previousFrom).and(col("created_at").lt(until))
            .and(coalesce(col("text"), lit("")).notEqual("").or(coalesce(col("title"), lit("")).notEqual(""))))
        .select("platform", "post_id", "community", "thread_id", "author_id", "author_name", "created_at", "title",
            "text", "lang", "is_question", "url")
        .join(nlp, col("platform").equalTo(col("_n_platform")).and(col("post_id").equalTo(col("_n_post"))), "left")
        .drop("_n_platform", "_n_post")
        .withColumn("language", lower(coalesce(col("nlp_lang"), col("lang"))))
        .withColumn("current", col("created_at").geq(from))
        .withColumn("thread", coalesce(col("thread_id"), col("post_id")));
    Dataset<Row> english = posts.filter(col("language").isNull().or(col("language").startsWith("en")))
        .withColumn("tokens", tokenize.apply(col("title"), col("text")))
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      long windowPosts = posts.filter(col("current")).count();
      long englishPosts = english.filter(col("current")).count();
      if (windowPosts > englishPosts) {
        notes.add(String.format(Locale.ROOT, "%,d of the window's %,d posts are not in English and have no topics",
            windowPosts - englishPosts, windowPosts));
      }
      if (englishPosts == 0) {
        return empty(settings, start, day, outputs, notes, windowPosts == 0
            ? "no posts with text between " + start + " and " + runDate + ": no topics"
            : "no English posts between " + start + " and " + runDate + ": no topics");
      }
      return topics(settings, english, englishPosts, start, day, outputs, notes);
    } finally {
      english.unpersist();
    }
  }

  private StageResult topics(AudiencesSettings settings, Dataset<Row> english, long englishPosts, LocalDate start,
      Date day, Map<String, String> outputs, List<String> notes) {
    labels.label("audiences:fit", "Fit the topic model on a sample of the window's threads");
    Dataset<Row> threads = english.groupBy("platform", "thread")
        .agg(flatten(collect_list(when(col("current"), col("tokens")))).as("thread_tokens"),
            count(when(col("current"), lit(1))).as("current_posts"));
    List<Row> sample = threads.filter(col("current_posts").gt(0))
        .orderBy(xxhash64(col("platform"), col("thread"), lit(settings.seed())), col("platform"), col("thread"))
        .limit(settings.samplePosts()).select("thread_tokens").collectAsList();
    List<List<String>> sampleDocs = new ArrayList<>(sample.size());
    for (Row r : sample) {
      List<String> tokens = new ArrayList<>(r.<String>getList(0));
      tokens.sort(String::compareTo);
      sampleDocs.add(tokens);
    }
    TopicVocabulary vocabulary = TopicVocabulary.build(sampleDocs, MIN_DOCS, MAX_DOC_SHARE, MAX_TERMS);
    List<SparseDoc> vectors = new ArrayList<>(sampleDocs.size());
    List<int[]> termIds = new ArrayList<>(sampleDocs.size());
    List<int[]> termSets = new ArrayList<>(sampleDocs.size());
    for (List<String> doc : sampleDocs) {
      vectors.add(vocabulary.vector(doc));
      int[] ids = doc.stream().mapToInt(vocabulary::id).filter(i -> i >= 0).toArray();
      termIds.add(ids);
      termSets.add(java.util.Arrays.stream(ids).distinct().sorted().toArray());
    }
    long usable = vectors.stream().filter(v -> v.terms().length > 0).count();
    if (settings.topics() > 0 && settings.topics() > usable) {
      return empty(settings, start, day, outputs, notes, String.format(Locale.ROOT, "audiences.topics = %d is more "
          + "than the %d threads with words to model in the window: no topics; lower audiences.topics or widen "
          + "audiences.window-days", settings.topics(), usable));
    }
    if (usable < 2 || vocabulary.size() < 2) {
      return empty(settings, start, day, outputs, notes, String.format(Locale.ROOT, "the window holds %d threads and "
          + "%d terms used in two or more of them: too little to find topics", usable, vocabulary.size()));
    }
    List<Integer> candidates = TOPIC_CANDIDATES.stream().filter(k -> k <= usable / 2).toList();
    int k = settings.topics() > 0 ? settings.topics()
        : candidates.isEmpty() ? 2 : TopicCountChooser.choose(vectors.subList(0, Math.min(CHOOSER_THREADS,
            vectors.size())), termSets.subList(0, Math.min(CHOOSER_THREADS, termSets.size())), vocabulary.size(),
            candidates, settings.seed());
    NmfTopicModel model = NmfTopicModel.fit(vectors, vocabulary.size(), k, settings.seed(), NMF_ITERATIONS);
    notes.add(String.format(Locale.ROOT, "%d topics (%s) fitted on %,d threads, %,d terms", k,
        settings.topics() > 0 ? "audiences.topics" : "chosen by coherence and diversity", usable, vocabulary.size()));

    int[] dominant = new int[vectors.size()];
    for (int d = 0; d < vectors.size(); d++) {
      dominant[d] = strongest(model.weights(vectors.get(d)));
    }
    List<int[]> top = TopicTerms.top(termIds, dominant, k, vocabulary.size(), TOP_TERMS);
    Map<Integer, Set<String>> termsOf = new HashMap<>();
    for (int t = 0; t < k; t++) {
      Set<String> terms = new HashSet<>();
      for (int term : top.get(t)) {
        terms.add(vocabulary.term(term));
      }
      termsOf.put(t, terms);
    }

    labels.label("audiences:assign", "Give every post of the window and the one before its topics");
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(ctx.spark().sparkContext());
    Broadcast<TopicVocabulary> vocabularyShared = jsc.broadcast(vocabulary);
    Broadcast<NmfTopicModel> modelShared = jsc.broadcast(model);
    Broadcast<Map<Integer, Set<String>>> termsShared = jsc.broadcast(termsOf);
    UserDefinedFunction assign = udf((UDF2<Seq<String>, Seq<String>, Row[]>) (own, thread) ->
        assign(vocabularyShared.value(), modelShared.value(), own, thread), DataTypes.createArrayType(ASSIGNED));
    UserDefinedFunction aspect = udf((UDF4<String, String, Seq<Row>, Integer, double[]>) (title, text, sentences,
        topic) -> aspectSentiment(termsShared.value(), title, text, sentences, topic),
        DataTypes.createArrayType(DataTypes.DoubleType));
    Dataset<Row> threadTokens = english.groupBy(col("platform").as("_t_platform"), col("thread").as("_t_thread"))
        .agg(flatten(collect_list(col("tokens"))).as("thread_tokens"));
    Dataset<Row> assigned = english
        .join(threadTokens, col("platform").equalTo(col("_t_platform")).and(col("thread").equalTo(col("_t_thread"))))
        .withColumn("topics", assign.apply(col("tokens"), col("thread_tokens")))
        .withColumn("topic", col("topics").getItem(0).getField("topic_id"))
        .drop("_t_platform", "_t_thread", "thread_tokens")
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      labels.label("audiences:write", "Write post_topics and topics");
      String runId = ctx.runId();
      Dataset<Row> postTopics = assigned.filter(col("current"))
          .select(col("platform"), col("post_id"), col("community"), col("created_at"),
              posexplode_outer(col("topics")).as(new String[] {"_pos", "_t"}))
          .select(col("platform"), col("post_id"), col("community"), col("created_at"),
              col("_t.topic_id").as("topic_id"), when(col("_t").isNotNull(), col("_pos").plus(1)).as("topic_rank"),
              col("_t.weight").as("weight"), lit(runId).as(Tables.RUN_ID), lit(day).as("dt"));
      ctx.warehouse().overwritePartitions(Tables.POST_TOPICS, postTopics,
          new String[] {"platform", "post_id", "topic_rank"});
      long postsWritten = ctx.warehouse().read(Tables.POST_TOPICS)
          .filter(col("dt").equalTo(lit(day)).and(col(Tables.RUN_ID).equalTo(runId)))
          .select("platform", "post_id").distinct().count();
      long withoutTopic = assigned.filter(col("current").and(col("topic").isNull())).count();
      if (withoutTopic > 0) {
        notes.add(String.format(Locale.ROOT, "%,d posts have no word the model knows, nor has their thread: listed "
            + "in post_topics without a topic", withoutTopic));
      }

      List<Row> topicRows = describe(assigned, model, vocabulary, top, termSets, aspect, k, start, day);
      ctx.warehouse().overwriteOnePartition(Tables.TOPICS, day,
          ctx.spark().createDataFrame(topicRows, Tables.TOPICS_SCHEMA));
      long topicsWritten = ctx.warehouse().rowsOfRun(Tables.TOPICS, List.of(day), runId);

      labels.label("audiences:segments", "Cluster the window's authors into segments and locate them");
      List<String> topicLabels = topicRows.stream().map(r -> r.getString(1)).toList();
      AudienceSegments.Outcome segments = new AudienceSegments(ctx).run(assigned, topicLabels,
          settings.targets(), Date.valueOf(start), day);
      notes.addAll(segments.notes());

      labels.label("audiences:streams", "Class posts as recruitment, marketing or other; find the common themes");
      AudienceStreams.Outcome streams = new AudienceStreams(ctx).run(assigned, englishPosts, topicLabels, day);
      notes.addAll(streams.notes());

      labels.label("audiences:opportunities", "Open questions, rising topics, pain points and key topics");
      // Indexed by topic id below; a few dozen rows, put in order here.
      List<Row> published = new ArrayList<>(ctx.warehouse().read(Tables.TOPICS)
          .filter(col("dt").equalTo(lit(day)).and(col(Tables.RUN_ID).equalTo(runId))).collectAsList());
      published.sort(Comparator.comparingInt(r -> r.getInt(r.fieldIndex("topic_id"))));
      List<TableCounts> opportunities = new AudienceOpportunities(ctx).run(assigned, published, settings.keyTopics(),
          Date.valueOf(start), day, notes);
      labels.label(null, null);
      List<TableCounts> counts = new ArrayList<>(List.of(
          new TableCounts(Tables.POST_TOPICS, englishPosts, postsWritten, 0, 0),
          new TableCounts(Tables.TOPICS, k, topicsWritten, 0, 0)));
      counts.addAll(segments.counts());
      counts.addAll(streams.counts());
      counts.addAll(opportunities);
      return new StageResult("audiences", counts, outputs, labels.millis(), notes);
    } finally {
      assigned.unpersist();
      vocabularyShared.unpersist();
      modelShared.unpersist();
      termsShared.unpersist();
    }
  }

  /** One {@code topics} row per topic, with what Spark aggregates over the window's posts. */
  private List<Row> describe(Dataset<Row> assigned, NmfTopicModel model, TopicVocabulary vocabulary, List<int[]> top,
      List<int[]> termSets, UserDefinedFunction aspect, int k, LocalDate start, Date day) {
    Dataset<Row> current = assigned.filter(col("current").and(col("topic").isNotNull()));
    // Posts per topic in each window, and per topic and community or platform in this one, with the
    // sums of the topic's sentence sentiment, in one grouped query: a query per figure cost more in
    // Spark's per-query overhead than the counting.
    Column now = col("current").and(col("topic").isNotNull());
    Column grains = array(
        topicGrain(0, null),
        when(now, topicGrain(1, coalesce(col("community"), lit("(none)")))),
        when(now, topicGrain(2, coalesce(col("platform"), lit("(none)")))));
    long total = 0;
    boolean hasPast = false;
    Map<Integer, Long> size = new HashMap<>();
    Map<Integer, Long> previous = new HashMap<>();
    Map<Integer, double[]> sentiment = new HashMap<>();
    List<Map<Integer, Map<String, Long>>> byName = List.of(new HashMap<>(), new HashMap<>());
    for (Row r : assigned.withColumn("_s", when(now, aspect.apply(col("title"), col("text"), col("sentences"),
            col("topic"))))
        .select(explode(grains).as("k"), col("_s"))
        .filter(col("k").isNotNull())
        .groupBy(col("k.g"), col("k.current"), col("k.topic"), col("k.name"))
        .agg(count(lit(1)), sum(OrderFreeSums.exact(col("_s").getItem(0))), sum(col("_s").getItem(1)))
        .collectAsList()) {
      if (r.isNullAt(1)) {
        continue;
      }
      boolean inWindow = r.getBoolean(1);
      Integer topic = r.isNullAt(2) ? null : r.getInt(2);
      long n = r.getLong(4);
      if (r.getInt(0) > 0) {
        byName.get(r.getInt(0) - 1).computeIfAbsent(topic, t -> new HashMap<>()).put(r.getString(3), n);
      } else if (inWindow) {
        total += n;
        if (topic != null) {
          size.put(topic, n);
          sentiment.put(topic, new double[] {r.isNullAt(5) ? 0 : r.getDouble(5), r.isNullAt(6) ? 0 : r.getDouble(6)});
        }
      } else {
        hasPast = true;
        if (topic != null) {
          previous.put(topic, n);
        }
      }
    }
    Map<Integer, List<Row>> communities = shares(byName.get(0));
    Map<Integer, List<Row>> platforms = shares(byName.get(1));
    Map<Integer, Map<String, Long>> phrasesIn = new HashMap<>();
    Map<String, Long> phrasesOverall = new HashMap<>();
    Dataset<Row> phrases = current.select(col("topic"), explode(col("noun_phrases")).as("phrase"))
        .withColumn("phrase", lower(col("phrase")));
    // Each phrase's posts per topic and overall from one rolled-up query: grouping level 0 is (phrase, topic),
    // 1 is the phrase alone, 3 the grand total, not used.
    for (Row r : phrases.rollup(col("phrase"), col("topic")).agg(count(lit(1)), grouping_id()).collectAsList()) {
      long n = r.getLong(2);
      long level = r.getLong(3);
      if (level == 0 && n >= 2) {
        phrasesIn.computeIfAbsent(r.getInt(1), t -> new HashMap<>()).put(r.getString(0), n);
      } else if (level == 1) {
        phrasesOverall.put(r.getString(0), n);
      }
    }
    // Three posts per topic at most, put in order here: a global sort of so few rows costs two Spark jobs.
    List<Row> exampleRows = new ArrayList<>(current.withColumn("_w", col("topics").getItem(0).getField("weight"))
        .withColumn("_r", row_number().over(Window.partitionBy("topic").orderBy(col("_w").desc(), col("platform"),
            col("post_id"))))
        .filter(col("_r").leq(3)).select("topic", "_r", "post_id").collectAsList());
    exampleRows.sort(Comparator.comparingInt((Row r) -> r.getInt(0)).thenComparingInt(r -> r.getInt(1)));
    Map<Integer, List<String>> examples = new HashMap<>();
    for (Row r : exampleRows) {
      examples.computeIfAbsent(r.getInt(0), t -> new ArrayList<>()).add(r.getString(2));
    }

    List<Row> rows = new ArrayList<>(k);
    for (int t = 0; t < k; t++) {
      List<String> terms = new ArrayList<>();
      for (int term : top.get(t)) {
        terms.add(vocabulary.term(term));
      }
      List<String> topPhrases = TopicTerms.distinctivePhrases(phrasesIn.getOrDefault(t, Map.of()), phrasesOverall, 5);
      long posts = size.getOrDefault(t, 0L);
      Long before = hasPast ? previous.getOrDefault(t, 0L) : null;
      double[] s = sentiment.get(t);
      rows.add(RowFactory.create(t, TopicTerms.label(terms, topPhrases), terms.toArray(new String[0]),
          topPhrases.toArray(new String[0]), posts, total == 0 ? 0.0 : posts / (double) total, before,
          before == null ? null : (posts + 1.0) / (before + 1.0),
          top.get(t).length < 2 ? null : Npmi.coherence(termSets, java.util.Arrays.copyOf(top.get(t),
              Math.min(TOP_TERMS, top.get(t).length))),
          s == null || s[1] == 0 ? null : s[0] / s[1], s == null ? 0L : (long) s[1],
          communities.getOrDefault(t, List.of()).toArray(new Row[0]),
          platforms.getOrDefault(t, List.of()).toArray(new Row[0]),
          examples.getOrDefault(t, List.of()).toArray(new String[0]), Date.valueOf(start), ctx.runId(), day));
    }
    return rows;
  }

  /** Per topic, its ten most frequent names (most first, equal counts by name) with their share of its posts. */
  private static Map<Integer, List<Row>> shares(Map<Integer, Map<String, Long>> counts) {
    Map<Integer, List<Row>> out = new HashMap<>();
    counts.forEach((topic, perName) -> {
      long total = 0;
      for (long n : perName.values()) {
        total += n;
      }
      List<Row> list = new ArrayList<>();
      for (String name : AudienceSegments.top(perName, Utf8Order.NULLS_FIRST, 10)) {
        list.add(RowFactory.create(name, perName.get(name), perName.get(name) / (double) total));
      }
      out.put(topic, list);
    });
    return out;
  }

  private static Column topicGrain(int g, Column name) {
    return struct(lit(g).as("g"), col("current").as("current"), col("topic").as("topic"),
        (name == null ? lit(null) : name).cast(DataTypes.StringType).as("name"));
  }

  /** A post's topics: from its own words, else from its thread's. */
  static Row[] assign(TopicVocabulary vocabulary, NmfTopicModel model, Seq<String> own, Seq<String> thread) {
    double[] w = model.weights(vocabulary.vector(list(own)));
    if (strongest(w) < 0) {
      w = model.weights(vocabulary.vector(list(thread)));
    }
    int first = strongest(w);
    if (first < 0) {
      return new Row[0];
    }
    List<Integer> order = new ArrayList<>();
    for (int t = 0; t < w.length; t++) {
      order.add(t);
    }
    double[] weights = w;
    order.sort((a, b) -> weights[a] != weights[b] ? Double.compare(weights[b], weights[a]) : Integer.compare(a, b));
    List<Row> out = new ArrayList<>();
    for (int t : order) {
      if (out.size() == MAX_TOPICS_PER_POST || (!out.isEmpty() && weights[t] < MIN_TOPIC_WEIGHT)) {
        break;
      }
      out.add(RowFactory.create(t, weights[t]));
    }
    return out.toArray(new Row[0]);
  }

  private static double[] aspectSentiment(Map<Integer, Set<String>> termsOf, String title, String text,
      Seq<Row> sentences, Integer topic) {
    if (topic == null || sentences == null) {
      return new double[] {0, 0};
    }
    List<AspectSentiment.Sentence> list = new ArrayList<>();
    for (Row s : JavaConverters.seqAsJavaList(sentences)) {
      if (!s.isNullAt(0) && !s.isNullAt(1) && !s.isNullAt(3)) {
        list.add(new AspectSentiment.Sentence(s.getInt(0), s.getInt(1), s.getDouble(3)));
      }
    }
    return AspectSentiment.of(PostAnalyzer.fullText(title, text), list, termsOf.getOrDefault(topic, Set.of()));
  }

  /** The topic with the largest weight, the lowest id on a tie; -1 when every weight is zero. */
  static int strongest(double[] weights) {
    int best = -1;
    for (int t = 0; t < weights.length; t++) {
      if (weights[t] > 0 && (best < 0 || weights[t] > weights[best])) {
        best = t;
      }
    }
    return best;
  }

  private static List<String> list(Seq<String> tokens) {
    if (tokens == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>(JavaConverters.seqAsJavaList(tokens));
    out.sort(String::compareTo);
    return out;
  }

  private StageResult empty(AudiencesSettings settings, LocalDate start, Date day, Map<String, String> outputs,
      List<String> notes, String why) {
    ctx.warehouse().overwriteOnePartition(Tables.TOPICS, day,
        ctx.spark().createDataFrame(List.of(), Tables.TOPICS_SCHEMA));
    ctx.warehouse().overwriteOnePartition(Tables.POST_TOPICS, day,
        ctx.spark().createDataFrame(List.of(), Tables.POST_TOPICS_SCHEMA));
    new AudienceSegments(ctx).writeEmpty(day);
    new AudienceStreams(ctx).writeEmpty(day);
    new AudienceOpportunities(ctx).writeEmpty(day);
    notes.add(why);
    labels.label(null, null);
    return new StageResult("audiences", List.of(new TableCounts(Tables.TOPICS, 0,
        ctx.warehouse().rowsOfRun(Tables.TOPICS, List.of(day), ctx.runId()), 0, 0)), outputs, labels.millis(), notes);
  }

  private static Timestamp ts(LocalDate d) {
    return Timestamp.from(d.atStartOfDay(ZoneOffset.UTC).toInstant());
  }
}
