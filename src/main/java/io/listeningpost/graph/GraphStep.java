package io.listeningpost.graph;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.unix_timestamp;
import static org.apache.spark.sql.functions.when;

import io.listeningpost.core.PlatformAccounts;
import io.listeningpost.stage.JobLabels;
import io.listeningpost.stage.StageContext;
import io.listeningpost.stage.StageResult;
import io.listeningpost.stage.StageTables;
import io.listeningpost.core.TableCounts;
import io.listeningpost.core.Utf8Order;
import io.listeningpost.storage.Tables;
import io.listeningpost.core.config.GraphSettings;
import io.listeningpost.core.config.ListeningPostConfig;
import io.listeningpost.storage.Warehouse;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * The graph stage: builds the weighted, time-decayed interaction graph of the trailing window from
 * the warehouse, gathers what is known about each author (engagement, sentiment, spam signals) with
 * Spark, and scores influence, communities and roles with {@link InfluenceModel}.
 *
 * <p>Spark aggregates interactions into one weighted edge per pair of authors. Up to {@code
 * graph.local-max-edges} pairs, the graph is scored in the driver, where Leiden, HITS and betweenness
 * run in seconds on millions of edges; above it, {@link PartitionedGraph} scores it with the edges
 * kept on the executors. The run summary and {@code _runs} say which path ran.
 */
public final class GraphStep {
  /** The window's interactions, posts and their sentiment, and author profiles; writes the run date's partitions. */
  public static final StageTables TABLES = new StageTables(
      List.of(Tables.INTERACTIONS, Tables.POSTS, Tables.AUTHORS, Tables.POST_NLP),
      List.of(Tables.INFLUENCERS, Tables.COMMUNITIES), true);
  private static final int MIN_FLOOD_COPIES = 5;
  private static final int MIN_SELF_REPLIES = 10;
  private static final int MIN_RING_EACH_WAY = 5;
  private static final int MIN_LEADERSHIP_PAIRS = 5;

  private final SparkSession spark;
  private final ListeningPostConfig config;
  private final String runId;
  private final LocalDate runDate;
  private final Warehouse warehouse;
  private final JobLabels labels;

  public GraphStep(StageContext ctx) {
    this.spark = ctx.spark();
    this.config = ctx.config();
    this.runId = ctx.runId();
    this.runDate = ctx.runDate();
    this.warehouse = ctx.warehouse();
    this.labels = ctx.labels();
  }

  public StageResult run() {
    GraphSettings gs = config.graph();
    Map<String, String> outputs = new LinkedHashMap<>();
    outputs.put(Tables.INFLUENCERS, warehouse.path(Tables.INFLUENCERS));
    outputs.put(Tables.COMMUNITIES, warehouse.path(Tables.COMMUNITIES));
    LocalDate start = runDate.minusDays(gs.windowDays() - 1L);
    Timestamp from = ts(start);
    Timestamp until = ts(runDate.plusDays(1));
    Timestamp previousFrom = ts(start.minusDays(gs.windowDays()));

    labels.label("graph:edges", "Aggregate the window's interactions into weighted author pairs");
    Dataset<Row> all = warehouse.read(Tables.INTERACTIONS)
        .filter(col("src_author").isNotNull().and(col("dst_author").isNotNull()))
        .withColumn("src", concat(col("platform"), lit(String.valueOf(GraphOutput.NODE_SEPARATOR)), col("src_author")))
        .withColumn("dst", concat(col("platform"), lit(String.valueOf(GraphOutput.NODE_SEPARATOR)), col("dst_author")))
        .withColumn("w", OrderFreeSums.exact(kindWeight(gs).multiply(pow(lit(0.5),
            lit(until.getTime() / 1000.0).minus(unix_timestamp(col("created_at"))).divide(86_400.0 * gs.halfLifeDays())))));
    Dataset<Row> window = all.filter(col("created_at").geq(from).and(col("created_at").lt(until)));
    long interactions = window.count();
    long selfReplies = window.filter(col("src").equalTo(col("dst"))).count();
    // A pair whose weight is 0 (a kind weighted 0, or decayed below 2^-24) ties no one; its authors keep their rows.
    Dataset<Row> pairs = window.filter(col("src").notEqual(col("dst"))).groupBy("src", "dst")
        .agg(sum("w").as("w"), count(lit(1)).as("n")).filter(col("w").gt(0));
    // Counted, then collected or partitioned: aggregated once.
    pairs.persist(StorageLevel.MEMORY_AND_DISK());
    long pairCount = pairs.count();
    boolean onSpark = pairCount > gs.localMaxEdges();
    List<Row> edgeRows = onSpark ? List.of() : pairs.collectAsList();

    labels.label("graph:facts", "Gather engagement, sentiment and spam signals per author");
    Dataset<Row> windowPosts = warehouse.read(Tables.POSTS)
        .filter(col("author_id").isNotNull().and(col("created_at").geq(from)).and(col("created_at").lt(until)))
        .withColumn("node", concat(col("platform"), lit(String.valueOf(GraphOutput.NODE_SEPARATOR)), col("author_id")));
    // Every author the window holds, counted by Spark apart from the scoring, which must give each a row.
    // Unordered: both scoring paths number the nodes in Java's order of ids.
    List<String> nodes = window.select(col("src").as("node"))
        .union(window.filter(col("src").notEqual(col("dst"))).select(col("dst").as("node")))
        .union(windowPosts.select("node")).distinct().as(Encoders.STRING()).collectAsList();
    boolean hasPast = !all.filter(col("created_at").lt(from)).isEmpty()
        || !warehouse.read(Tables.POSTS).filter(col("created_at").lt(from)).isEmpty();
    Map<String, FactsBuilder> facts = new HashMap<>();
    gatherFacts(window, all, windowPosts, from, until, previousFrom, hasPast, facts);

    InfluenceModel.Settings settings = new InfluenceModel.Settings(gs.damping(), gs.resolution(), gs.seed(),
        gs.betweennessSamples(), gs.topMembers());
    GraphMeasures measures;
    String path;
    if (onSpark) {
      labels.label("graph:score", "Score influence and communities with Spark, the edges partitioned by author");
      String[] ids = nodes.toArray(String[]::new);
      // The driver path numbers nodes in Java's order of ids, which Spark's byte order can differ from.
      Arrays.sort(ids);
      try (PartitionedGraph partitioned = PartitionedGraph.of(spark, pairs.select("src", "dst", "w"), ids,
          pairCount)) {
        measures = partitioned.measures(settings);
        path = String.format(Locale.ROOT, "scored with Spark: %,d pairs are more than graph.local-max-edges = %,d, "
            + "so the edges stayed on the executors in %d blocks", pairCount, gs.localMaxEdges(),
            partitioned.blockCount());
      }
    } else {
      labels.label("graph:score", "Score influence, communities and roles in the driver");
      InteractionGraph.Builder b = new InteractionGraph.Builder();
      for (Row r : edgeRows) {
        b.edge(r.getString(0), r.getString(1), r.getDouble(2));
      }
      // Authors who only talk to themselves, or only posted, still get a row.
      nodes.forEach(b::node);
      measures = GraphMeasures.of(b.build(), settings);
      path = String.format(Locale.ROOT, "scored in the driver: %,d pairs, at most graph.local-max-edges = %,d",
          pairCount, gs.localMaxEdges());
    }
    pairs.unpersist(false);
    InfluenceModel.AuthorFacts[] nodeFacts = new InfluenceModel.AuthorFacts[measures.nodeCount()];
    for (int v = 0; v < nodeFacts.length; v++) {
      FactsBuilder f = facts.get(measures.ids()[v]);
      nodeFacts[v] = f == null ? InfluenceModel.AuthorFacts.none() : f.build();
    }
    InfluenceModel.Result result = InfluenceModel.score(measures, nodeFacts, settings);

    labels.label("graph:write", "Write influencers and communities");
    Map<String, String> names = new HashMap<>();
    facts.forEach((k, f) -> {
      if (f.name != null) {
        names.put(k, f.name);
      }
    });
    GraphOutput.write(spark, warehouse, result, names, Date.valueOf(start), Date.valueOf(runDate), runId);
    long influencersWritten = warehouse.rowsOfRun(Tables.INFLUENCERS, List.of(Date.valueOf(runDate)), runId);
    long communitiesWritten = warehouse.rowsOfRun(Tables.COMMUNITIES, List.of(Date.valueOf(runDate)), runId);
    labels.label(null, null);

    long flagged = result.influencers().stream().filter(i -> i.flagReason() != null).count();
    Map<String, Long> roles = new java.util.TreeMap<>();
    result.influencers().forEach(i -> roles.merge(i.role(), 1L, Long::sum));
    long communitiesFound = result.influencers().stream().mapToInt(InfluenceModel.Influencer::community).distinct()
        .count();
    List<String> notes = new ArrayList<>();
    notes.add(String.format(Locale.ROOT, "window %s..%s: %,d interactions, %,d authors, %,d weighted pairs, %,d "
            + "self-replies left out; %d communities, modularity %.3f", start, runDate, interactions,
        result.nodes(), result.edges(), selfReplies, result.communities().size(), result.modularity()));
    notes.add(path + "; seconds per measure: " + measures.millis().entrySet().stream()
        .map(e -> String.format(Locale.ROOT, "%s %.1f", e.getKey(), e.getValue() / 1000.0))
        .collect(java.util.stream.Collectors.joining(", ")));
    notes.add("roles: " + roles + (flagged > 0 ? "; " + flagged + " authors flagged by the spam guard" : ""));
    if (!hasPast) {
      notes.add("no activity before " + start + ": growth is not measured, and no one is called rising or new");
    }
    return new StageResult("graph", List.of(
        new TableCounts(Tables.INFLUENCERS, nodes.size(), influencersWritten, 0, 0),
        new TableCounts(Tables.COMMUNITIES, communitiesFound, communitiesWritten, 0, 0)),
        outputs, labels.millis(), notes);
  }

  private Column kindWeight(GraphSettings gs) {
    Column w = lit(0.0);
    for (Map.Entry<String, Double> e : gs.kindWeights().entrySet()) {
      w = when(col("kind").equalTo(e.getKey()), lit(e.getValue())).otherwise(w);
    }
    return w;
  }

  private static Timestamp ts(LocalDate d) {
    return Timestamp.from(d.atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  /** Per-author facts as they are collected from several small aggregates. */
  static final class FactsBuilder {
    String name;
    Long posts;
    Long scoreSum;
    Long repliesReceived;
    Long uniqueRepliers;
    Double sentiment;
    Double watchedSentiment;
    Long watchedPosts;
    Double leadership;
    Double previousInWeight;
    Boolean newcomer;
    String platformAccount;
    List<String> declared = List.of();
    List<String> flags = new ArrayList<>();

    InfluenceModel.AuthorFacts build() {
      return new InfluenceModel.AuthorFacts(posts, scoreSum, repliesReceived, uniqueRepliers, sentiment,
          watchedSentiment, watchedPosts, leadership, previousInWeight, newcomer, declared,
          flags.isEmpty() ? null : String.join("; ", flags), platformAccount);
    }
  }

  /**
   * Each aggregate row fills its own author's facts (the reply rings, several an author, are put in order
   * first), and weights and sentiment are summed as exact fixed-point values ({@link OrderFreeSums}), so
   * that the facts do not depend on how Spark partitioned the rows.
   */
  private void gatherFacts(Dataset<Row> window, Dataset<Row> all, Dataset<Row> posts, Timestamp from,
      Timestamp until, Timestamp previousFrom, boolean hasPast, Map<String, FactsBuilder> facts) {
    String sep = String.valueOf(GraphOutput.NODE_SEPARATOR);
    Dataset<Row> nlp = warehouse.read(Tables.POST_NLP).select(col("platform"), col("post_id"), col("text_hash"),
        col("scored"), OrderFreeSums.exact(col("sentiment_score")).as("sentiment_score"), col("watched"),
        lit(true).as("_analysed"));
    // The posts' own figures and, from the posts' analyses (one post_nlp row per post at most), their sentiment:
    // one query. An author none of whose posts has an analysis gets no sentiment figures.
    Column watchedScored = col("scored").and(size(col("watched")).gt(0));
    // Each query below gives one row per author, or per pair for the rings, and fills that author's facts
    // alone: the rows need no order, except the rings, of which an author can have several.
    for (Row r : posts.join(nlp, Warehouse.seq("platform", "post_id"), "left").groupBy("node").agg(count(lit(1)),
        sum(coalesce(col("score"), lit(0L))), collect_set("community"),
        max(struct(col("created_at"), col("author_name"))).getField("author_name"), count(col("_analysed")),
        avg(when(col("scored"), col("sentiment_score"))), avg(when(watchedScored, col("sentiment_score"))),
        count(when(watchedScored, lit(1)))).collectAsList()) {
      FactsBuilder f = facts.computeIfAbsent(r.getString(0), k -> new FactsBuilder());
      f.posts = r.getLong(1);
      f.scoreSum = r.getLong(2);
      f.declared = r.getList(3).stream().map(String::valueOf).sorted().toList();
      f.name = r.getString(4);
      if (r.getLong(5) > 0) {
        f.sentiment = r.isNullAt(6) ? null : r.getDouble(6);
        f.watchedSentiment = r.isNullAt(7) ? null : r.getDouble(7);
        f.watchedPosts = r.getLong(8);
      }
    }
    // The profile's display name when the source gave one (Stack Exchange posts carry only ids), and
    // the first activity, which tells newcomers from authors with a past.
    Dataset<Row> authors = warehouse.read(Tables.AUTHORS)
        .withColumn("node", concat(col("platform"), lit(sep), col("author_id")));
    Dataset<Row> windowAuthors = posts.select("node").union(window.select(col("src").as("node")))
        .union(window.select(col("dst").as("node"))).distinct();
    for (Row r : authors.join(windowAuthors, Warehouse.seq("node")).select("node", "name", "first_seen", "platform",
        "author_id").collectAsList()) {
      FactsBuilder f = facts.computeIfAbsent(r.getString(0), k -> new FactsBuilder());
      if (!r.isNullAt(1)) {
        f.name = r.getString(1);
      }
      if (hasPast && !r.isNullAt(2)) {
        f.newcomer = !r.getTimestamp(2).before(from);
      }
      f.platformAccount = PlatformAccounts.reason(r.getString(3), r.getString(4)).orElse(null);
    }
    Column responds = col("kind").isin("reply", "answer", "comment").and(col("src").notEqual(col("dst")));
    // Each interaction of the window, and of the previous window when there is a past, counted at both its
    // ends in one query: replies received, in weight received before the window, and the self-reply loops.
    Dataset<Row> span = hasPast ? all.filter(col("created_at").geq(previousFrom).and(col("created_at").lt(until)))
        : window;
    Column inWindow = col("created_at").geq(from);
    Column received = col("_end.incoming");
    Column sent = received.unary_$bang();
    Column repliedTo = received.and(inWindow).and(responds);
    Column receivedBefore = received.and(inWindow.unary_$bang()).and(col("src").notEqual(col("dst")));
    List<Row> ends = span.select(explode(array(
            struct(col("dst").as("node"), lit(true).as("incoming")),
            struct(col("src").as("node"), lit(false).as("incoming")))).as("_end"),
            col("kind"), col("src"), col("dst"), col("w"), col("created_at"))
        .groupBy(col("_end.node").as("node")).agg(
            count(when(repliedTo, lit(1))),
            countDistinct(when(repliedTo, col("src"))),
            count(when(receivedBefore, lit(1))),
            sum(when(receivedBefore, col("w"))),
            count(when(sent.and(inWindow).and(col("src").equalTo(col("dst"))), lit(1))),
            count(when(sent.and(inWindow), lit(1)))).collectAsList();
    for (Row r : ends) {
      if (r.getLong(1) > 0) {
        FactsBuilder f = facts.computeIfAbsent(r.getString(0), k -> new FactsBuilder());
        f.repliesReceived = r.getLong(1);
        f.uniqueRepliers = r.getLong(2);
      }
    }
    if (hasPast) {
      for (Row r : ends) {
        FactsBuilder f = r.getLong(3) > 0 ? facts.get(r.getString(0)) : null;
        if (f != null) {
          f.previousInWeight = r.getDouble(4);
        }
      }
      // An author with a past but no responses in the previous window grew from nothing; a newcomer
      // has no past to grow from.
      facts.values().forEach(f -> {
        if (f.previousInWeight == null && !Boolean.TRUE.equals(f.newcomer)
            && (f.posts != null || f.repliesReceived != null)) {
          f.previousInWeight = 0.0;
        }
      });
    }
    // Spam guard: self-reply loops and reciprocal reply rings.
    // Answering commenters under one's own question is normal; a loop is when most of what an
    // author does is replying to themselves.
    for (Row r : ends) {
      long self = r.getLong(5);
      long total = r.getLong(6);
      if (self >= MIN_SELF_REPLIES && self >= total * 0.5) {
        facts.computeIfAbsent(r.getString(0), k -> new FactsBuilder()).flags.add(String.format(Locale.ROOT,
            "self-reply loop: %d of their %d interactions answer their own posts", self, total));
      }
    }
    Dataset<Row> pairs = window.filter(col("src").notEqual(col("dst"))).groupBy("src", "dst").count();
    Dataset<Row> outTotals = window.filter(col("src").notEqual(col("dst"))).groupBy(col("src").as("t_src"))
        .agg(count(lit(1)).as("total"));
    Dataset<Row> rings = pairs.as("a").join(pairs.as("b"), col("a.src").equalTo(col("b.dst"))
            .and(col("a.dst").equalTo(col("b.src"))))
        .filter(col("a.count").geq(MIN_RING_EACH_WAY).and(col("b.count").geq(MIN_RING_EACH_WAY)))
        .join(outTotals, col("a.src").equalTo(col("t_src")))
        .filter(col("a.count").geq(col("total").multiply(0.8)))
        .select(col("a.src"), col("a.dst"), col("a.count"), col("b.count"));
    List<Row> ringRows = new ArrayList<>(rings.collectAsList());
    ringRows.sort(Comparator.comparing((Row r) -> r.getString(0), Utf8Order.NULLS_FIRST)
        .thenComparing(r -> r.getString(1), Utf8Order.NULLS_FIRST));
    for (Row r : ringRows) {
      facts.computeIfAbsent(r.getString(0), k -> new FactsBuilder()).flags.add(String.format(Locale.ROOT,
          "reciprocal reply ring with %s (%d replies one way, %d back; most of their activity)", r.getString(1),
          r.getLong(2), r.getLong(3)));
    }
    Dataset<Row> authored = posts.select("platform", "post_id", "node").join(nlp,
        Warehouse.seq("platform", "post_id"));
    // Flooding: many posts with the same normalised text.
    for (Row r : authored.groupBy("node", "text_hash").count().groupBy("node")
        .agg(max("count").as("copies"), sum("count").as("total"))
        .filter(col("copies").geq(MIN_FLOOD_COPIES).and(col("copies").geq(col("total").multiply(0.5))))
        .collectAsList()) {
      facts.computeIfAbsent(r.getString(0), k -> new FactsBuilder()).flags.add(String.format(Locale.ROOT,
          "posted the same text %d times (of %d posts)", r.getLong(1), r.getLong(2)));
    }
    // Sentiment leadership: does the tone of replies follow the tone of the post they answer?
    Dataset<Row> replyTone = nlp.filter(col("scored")).select(col("platform").as("r_platform"),
        col("post_id").as("r_post"), col("sentiment_score").as("reply_score"));
    Dataset<Row> parentTone = nlp.filter(col("scored")).select(col("platform").as("p_platform"),
        col("post_id").as("p_post"), col("sentiment_score").as("parent_score"));
    Dataset<Row> paired = window.filter(responds.and(col("dst_post_id").isNotNull()))
        .join(replyTone, col("platform").equalTo(col("r_platform")).and(col("post_id").equalTo(col("r_post"))))
        .join(parentTone, col("platform").equalTo(col("p_platform")).and(col("dst_post_id").equalTo(col("p_post"))));
    for (Row r : paired.groupBy("dst").agg(OrderFreeSums.pearson(col("parent_score"), col("reply_score")),
            count(lit(1)).as("pairs"))
        .filter(col("pairs").geq(MIN_LEADERSHIP_PAIRS)).collectAsList()) {
      FactsBuilder f = facts.get(r.getString(0));
      if (f != null && !r.isNullAt(1)) {
        f.leadership = r.getDouble(1);
      }
    }
  }
}
