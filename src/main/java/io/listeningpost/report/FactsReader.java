package io.listeningpost.report;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log1p;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.listeningpost.core.Utf8Order;
import io.listeningpost.report.ReportFacts.Alert;
import io.listeningpost.report.ReportFacts.Community;
import io.listeningpost.report.ReportFacts.CommunityLink;
import io.listeningpost.report.ReportFacts.DaySentiment;
import io.listeningpost.report.ReportFacts.Opportunity;
import io.listeningpost.report.ReportFacts.Segment;
import io.listeningpost.report.ReportFacts.Share;
import io.listeningpost.report.ReportFacts.Stream;
import io.listeningpost.report.ReportFacts.TargetFit;
import io.listeningpost.report.ReportFacts.Theme;
import io.listeningpost.report.ReportFacts.Topic;
import io.listeningpost.report.ReportFacts.TrustedPost;
import io.listeningpost.report.ReportFacts.Voice;
import io.listeningpost.report.ReportFacts.Volume;
import io.listeningpost.stage.StageContext;
import io.listeningpost.storage.Tables;
import io.listeningpost.storage.Warehouse;
import java.sql.Date;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Reads the facts of one run date from the warehouse: the run date's partitions of the graph and audiences
 * tables, and a few aggregates over the window's posts (volume, sentiment per day, posts whose replies are
 * positive, cross-community interactions). Everything it collects is bounded, so the driver holds little.
 */
final class FactsReader {
  static final int MAX_COMMUNITIES = 12;
  static final int VOICES_PER_COMMUNITY = 5;
  static final int TOP_VOICES = 30;
  static final int MAX_CONNECTORS = 10;
  static final int MAX_LABELLED_COMMUNITIES = 500;
  static final int TRUSTED_POSTS = 3;
  static final int MIN_TRUSTED_REPLIES = 2;
  static final double MIN_TRUSTED_SENTIMENT = 0.2;
  static final int EXCERPT_CHARS = 160;
  private static final Set<String> UNRANKED_ROLES = Set.of("platform account");

  private final StageContext ctx;
  private final Warehouse warehouse;
  private final Date day;
  private final Date windowStart;
  private final Date graphStart;
  private final Set<String> missing = new LinkedHashSet<>();
  private final OwnAccounts own;

  FactsReader(StageContext ctx) {
    this.ctx = ctx;
    this.warehouse = ctx.warehouse();
    this.day = Date.valueOf(ctx.runDate());
    this.windowStart = Date.valueOf(ctx.runDate().minusDays(ctx.config().audiences().windowDays() - 1L));
    this.graphStart = Date.valueOf(ctx.runDate().minusDays(ctx.config().graph().windowDays() - 1L));
    this.own = new OwnAccounts(ctx.config().enrich().watch());
  }

  ReportFacts read() {
    ctx.labels().label("report:read", "read the run date's tables for the report");
    Map<Integer, Community> communities = communities();
    List<Community> shown = communities.values().stream().limit(MAX_COMMUNITIES).toList();
    List<Voice> voices = voices(communities, shown);
    Dataset<Row> windowPosts = windowPosts();
    Dataset<Row> nlp = warehouse.read(Tables.POST_NLP).filter(col("dt").between(windowStart, day));
    return new ReportFacts(ctx.runDate(), windowStart.toLocalDate(), volume(windowPosts), voices, roleCounts(),
        shown, links(shown), topics(nlp), segments(), streams(), themes(), opportunities(), targetFits(), alerts(),
        sentimentByDay(nlp), trustedPosts(windowPosts, nlp), missing);
  }

  private Dataset<Row> ofDay(String table) {
    return warehouse.read(table).filter(col("dt").equalTo(day));
  }

  private List<Row> collectOfDay(String table, Column... order) {
    List<Row> rows = sortedInOneTask(ofDay(table), order);
    if (rows.isEmpty()) {
      missing.add(table);
    }
    return rows;
  }

  /**
   * A small result in the given order. Sorted in one task, since a global sort of rows this few costs a job
   * to sample the sort keys and another for the shuffle, each more than the sort itself. Only for rows read
   * straight from a table's day or made by an aggregate: {@code coalesce(1)} runs everything back to the last
   * shuffle in that one task.
   */
  private static List<Row> sortedInOneTask(Dataset<Row> rows, Column... order) {
    return rows.coalesce(1).sortWithinPartitions(order).collectAsList();
  }

  private Dataset<Row> windowPosts() {
    return warehouse.read(Tables.POSTS).filter(col("dt").between(windowStart, day));
  }

  private Volume volume(Dataset<Row> posts) {
    Row totals = posts.agg(count(lit(1)), countDistinct(col("platform"), col("author_id"))).first();
    long total = totals.getLong(0);
    return new Volume(total, totals.getLong(1), shares(posts, "platform", total, 10));
  }

  private static List<Share> shares(Dataset<Row> posts, String column, long total, int limit) {
    List<Share> out = new ArrayList<>();
    for (Row r : posts.filter(col(column).isNotNull()).groupBy(column).agg(count(lit(1)).as("n"))
        .orderBy(col("n").desc(), col(column)).limit(limit).collectAsList()) {
      out.add(new Share(r.getString(0), r.getLong(1), total == 0 ? 0 : (double) r.getLong(1) / total));
    }
    return out;
  }

  /** Detected communities, largest first, labelled by the declared communities their members post in. */
  private Map<Integer, Community> communities() {
    Map<Integer, Community> out = new java.util.LinkedHashMap<>();
    List<Row> rows = ofDay(Tables.COMMUNITIES).orderBy(col("size").desc(), col("community_id"))
        .limit(MAX_LABELLED_COMMUNITIES).collectAsList();
    if (rows.isEmpty()) {
      missing.add(Tables.COMMUNITIES);
    }
    for (Row r : rows) {
      int id = r.getInt(r.fieldIndex("community_id"));
      List<Share> declared = new ArrayList<>();
      int size = r.isNullAt(r.fieldIndex("size")) ? 0 : r.getInt(r.fieldIndex("size"));
      List<Row> overlap = r.isNullAt(r.fieldIndex("declared_overlap")) ? List.of()
          : r.getList(r.fieldIndex("declared_overlap"));
      for (Row o : overlap) {
        long members = o.isNullAt(1) ? 0 : o.getLong(1);
        if (o.getString(0) != null) {
          declared.add(new Share(o.getString(0), members, size == 0 ? 0 : (double) members / size));
        }
      }
      out.put(id, new Community(id, CommunityLabel.of(id, declared), size, declared));
    }
    return out;
  }

  /** The top voices overall, the top few of every shown community and the top connectors, by influence rank. */
  private List<Voice> voices(Map<Integer, Community> communities, List<Community> shown) {
    Dataset<Row> ranked = rankedVoices();
    Object[] shownIds = shown.stream().map(Community::id).toArray();
    Dataset<Row> withinCommunity = ranked.filter(col("community_id").isin(shownIds)).withColumn("_pos", row_number()
        .over(Window.partitionBy("community_id").orderBy(col("influence_rank"), col("platform"), col("author_id"))));
    Dataset<Row> connectors = ranked.filter(col("role").equalTo("connector"))
        .orderBy(col("influence_rank"), col("platform"), col("author_id")).limit(MAX_CONNECTORS);
    Map<String, Row> rows = new java.util.TreeMap<>();
    List<Row> picked = new ArrayList<>(withinCommunity.filter(col("_pos").leq(VOICES_PER_COMMUNITY)).drop("_pos")
        .collectAsList());
    picked.addAll(ranked.filter(col("influence_rank").leq(TOP_VOICES)).collectAsList());
    picked.addAll(connectors.collectAsList());
    for (Row r : picked) {
      rows.put(String.format("%010d", r.getInt(r.fieldIndex("influence_rank"))) + r.getString(r.fieldIndex("platform"))
          + ":" + r.getString(r.fieldIndex("author_id")), r);
    }
    if (rows.isEmpty()) {
      missing.add(Tables.INFLUENCERS);
    }
    List<Voice> out = new ArrayList<>();
    for (Row r : rows.values()) {
      Integer cid = r.isNullAt(r.fieldIndex("community_id")) ? null : r.getInt(r.fieldIndex("community_id"));
      Community c = cid == null ? null : communities.get(cid);
      String name = r.getString(r.fieldIndex("author_name"));
      String authorId = r.getString(r.fieldIndex("author_id"));
      out.add(new Voice(r.getString(r.fieldIndex("platform")), authorId,
          name == null || name.isBlank() ? authorId : name,
          cid == null ? -1 : cid, c == null ? CommunityLabel.of(cid == null ? -1 : cid, List.of()) : c.label(),
          r.getInt(r.fieldIndex("influence_rank")), dbl(r, "influence_score"), r.getString(r.fieldIndex("role")),
          r.getString(r.fieldIndex("role_reason")), lng(r, "reach_2hop"), lng(r, "posts"), dbl(r, "sentiment"),
          strings(r, "declared_communities"), own.isOwn(authorId, name)));
    }
    return out;
  }

  /** The run date's ranked authors: not flagged, not a platform's own account. */
  private Dataset<Row> rankedVoices() {
    return ofDay(Tables.INFLUENCERS)
        .filter(col("influence_rank").isNotNull().and(coalesce(col("flagged"), lit(false)).equalTo(false))
            .and(col("role").isin(UNRANKED_ROLES.toArray()).equalTo(false)));
  }

  /** How many ranked authors hold each role, all of them, not only those the report names. */
  private Map<String, Long> roleCounts() {
    Map<String, Long> out = new java.util.TreeMap<>();
    for (Row r : rankedVoices().groupBy("role").agg(count(lit(1))).collectAsList()) {
      if (r.getString(0) != null) {
        out.put(r.getString(0), r.getLong(1));
      }
    }
    return out;
  }

  /** Interactions of the graph window between authors of two different shown communities. */
  private List<CommunityLink> links(List<Community> shown) {
    if (shown.isEmpty()) {
      return List.of();
    }
    Object[] ids = shown.stream().map(Community::id).toArray();
    Dataset<Row> members = ofDay(Tables.INFLUENCERS).filter(col("community_id").isin(ids))
        .select(col("platform").as("_m_platform"), col("author_id").as("_m_author"), col("community_id"));
    Dataset<Row> interactions = warehouse.read(Tables.INTERACTIONS).filter(col("dt").between(graphStart, day));
    Dataset<Row> both = interactions
        .join(members.withColumnRenamed("community_id", "_src_c"),
            col("platform").equalTo(col("_m_platform")).and(col("src_author").equalTo(col("_m_author"))))
        .drop("_m_platform", "_m_author")
        .join(members.withColumnRenamed("community_id", "_dst_c"),
            col("platform").equalTo(col("_m_platform")).and(col("dst_author").equalTo(col("_m_author"))))
        .filter(col("_src_c").notEqual(col("_dst_c")));
    List<CommunityLink> out = new ArrayList<>();
    for (Row r : sortedInOneTask(both.groupBy(least(col("_src_c"), col("_dst_c")).as("a"),
        greatest(col("_src_c"), col("_dst_c")).as("b")).agg(count(lit(1)).as("n")), col("n").desc(), col("a"),
        col("b"))) {
      out.add(new CommunityLink(r.getInt(0), r.getInt(1), r.getLong(2)));
    }
    return out;
  }

  private List<Topic> topics(Dataset<Row> nlp) {
    Dataset<Row> brand = nlp.filter(expr("exists(watched, w -> w.kind = 'brand')"))
        .select(col("platform").as("_b_platform"), col("post_id").as("_b_post"), col("sentiment_score"));
    Dataset<Row> mainTopic = ofDay(Tables.POST_TOPICS).filter(col("topic_rank").equalTo(1));
    Map<Integer, Row> brandByTopic = new HashMap<>();
    for (Row r : mainTopic
        .join(brand, col("platform").equalTo(col("_b_platform")).and(col("post_id").equalTo(col("_b_post"))))
        .groupBy("topic_id").agg(count(lit(1)), avg("sentiment_score")).collectAsList()) {
      brandByTopic.put(r.getInt(0), r);
    }
    Dataset<Row> alerted = ofDay(Tables.ALERTS).filter(col("post_id").isNotNull())
        .select(col("platform").as("_a_platform"), col("post_id").as("_a_post")).distinct();
    Map<Integer, Long> alertsByTopic = new HashMap<>();
    for (Row r : mainTopic
        .join(alerted, col("platform").equalTo(col("_a_platform")).and(col("post_id").equalTo(col("_a_post"))))
        .groupBy("topic_id").agg(count(lit(1))).collectAsList()) {
      alertsByTopic.put(r.getInt(0), r.getLong(1));
    }
    List<Topic> out = new ArrayList<>();
    for (Row r : collectOfDay(Tables.TOPICS, col("posts").desc(), col("topic_id"))) {
      int id = r.getInt(r.fieldIndex("topic_id"));
      Row b = brandByTopic.get(id);
      out.add(new Topic(id, r.getString(r.fieldIndex("label")), lng(r, "posts"), dbl(r, "share"),
          change(nullableDbl(r, "growth")), nullableDbl(r, "sentiment"), shareList(r, "communities"),
          b == null ? 0 : b.getLong(1), b == null || b.isNullAt(2) ? null : b.getDouble(2),
          alertsByTopic.getOrDefault(id, 0L), strings(r, "example_posts")));
    }
    return out;
  }

  private List<Segment> segments() {
    List<Segment> out = new ArrayList<>();
    for (Row r : collectOfDay(Tables.SEGMENTS, col("posts").desc(), col("segment_id"))) {
      out.add(new Segment(r.getInt(r.fieldIndex("segment_id")), r.getString(r.fieldIndex("description")),
          lng(r, "members"), lng(r, "posts"), change(nullableDbl(r, "growth")), nullableDbl(r, "sentiment"),
          shareList(r, "top_topics"), shareList(r, "communities"), strings(r, "top_voices"),
          r.getString(r.fieldIndex("target_audience")), nullableDbl(r, "target_score"),
          r.getString(r.fieldIndex("target_reason"))));
    }
    return out;
  }

  private List<Stream> streams() {
    List<Stream> out = new ArrayList<>();
    for (Row r : collectOfDay(Tables.STREAMS, col("stream"))) {
      out.add(new Stream(r.getString(r.fieldIndex("stream")), lng(r, "posts"), dbl(r, "share"),
          nullableDbl(r, "sentiment"), shareList(r, "top_topics")));
    }
    return out;
  }

  private List<Theme> themes() {
    List<Theme> out = new ArrayList<>();
    for (Row r : sortedInOneTask(ofDay(Tables.STREAM_THEMES),
        col("recruitment_posts").plus(col("marketing_posts")).desc(), col("topic_id"))) {
      out.add(new Theme(r.getInt(r.fieldIndex("topic_id")), r.getString(r.fieldIndex("label")),
          lng(r, "recruitment_posts"), dbl(r, "recruitment_share"), lng(r, "marketing_posts"),
          dbl(r, "marketing_share")));
    }
    return out;
  }

  private List<Opportunity> opportunities() {
    List<Opportunity> out = new ArrayList<>();
    for (Row r : collectOfDay(Tables.OPPORTUNITIES, col("type"), col("score").desc(), col("community"),
        col("topic_id"), col("evidence_posts").getItem(0))) {
      out.add(new Opportunity(r.getString(r.fieldIndex("type")), r.getString(r.fieldIndex("community")),
          r.getString(r.fieldIndex("topic_label")), dbl(r, "score"), strings(r, "evidence_posts"),
          strings(r, "evidence_links"), r.getString(r.fieldIndex("reason"))));
    }
    return out;
  }

  private List<TargetFit> targetFits() {
    List<TargetFit> out = new ArrayList<>();
    for (Row r : collectOfDay(Tables.TARGET_COMMUNITIES, col("target_audience"), col("rank"))) {
      out.add(new TargetFit(r.getString(r.fieldIndex("target_audience")), r.getInt(r.fieldIndex("rank")),
          r.getString(r.fieldIndex("community")), dbl(r, "fit"), lng(r, "posts"), r.getString(r.fieldIndex("reason"))));
    }
    return out;
  }

  /** The run date's alerts, most severe first, with the author's name from the post. */
  private List<Alert> alerts() {
    Dataset<Row> names = warehouse.read(Tables.AUTHORS).select(col("platform").as("_p_platform"),
        col("author_id").as("_p_author"), col("name").as("author_name"));
    List<Row> rows = new ArrayList<>(ofDay(Tables.ALERTS)
        .join(names, col("platform").equalTo(col("_p_platform")).and(col("author_id").equalTo(col("_p_author"))), "left")
        .collectAsList());
    // One day's alerts: ordered on the driver, as a global sort would cost a sampling job and a shuffle.
    rows.sort(ALERT_ORDER);
    if (rows.isEmpty()) {
      missing.add(Tables.ALERTS);
    }
    List<Alert> out = new ArrayList<>();
    for (Row r : rows) {
      String author = r.getString(r.fieldIndex("author_name"));
      out.add(new Alert(r.getString(r.fieldIndex("alert_id")), r.getString(r.fieldIndex("kind")),
          r.getString(r.fieldIndex("severity")), dbl(r, "score"), r.getString(r.fieldIndex("post_id")),
          r.getString(r.fieldIndex("watched_term")), r.getString(r.fieldIndex("community")),
          r.getString(r.fieldIndex("platform")), r.getString(r.fieldIndex("evidence_url")),
          r.getString(r.fieldIndex("evidence_excerpt")), author == null ? r.getString(r.fieldIndex("author_id")) : author,
          r.getString(r.fieldIndex("author_role")),
          r.isNullAt(r.fieldIndex("author_reach")) ? null : r.getLong(r.fieldIndex("author_reach")),
          lng(r, "replies") + lng(r, "quotes") + lng(r, "shares"), r.getString(r.fieldIndex("next_step"))));
    }
    return out;
  }

  /**
   * Most severe first (high, medium, then any other), then by kind, highest score first and alert id, with
   * Spark's orders: strings by UTF-8 bytes, nulls first ascending and last descending, -0.0 equal to 0.0.
   */
  private static final Comparator<Row> ALERT_ORDER = Comparator
      .comparingInt((Row r) -> switch (String.valueOf(r.getString(r.fieldIndex("severity")))) {
        case "high" -> 0;
        case "medium" -> 1;
        default -> 2;
      })
      .thenComparing(r -> r.getString(r.fieldIndex("kind")), Utf8Order.NULLS_FIRST)
      .thenComparing(r -> nullableDbl(r, "score") == null ? null : nullableDbl(r, "score") + 0.0,
          Comparator.nullsLast(Comparator.<Double>reverseOrder()))
      .thenComparing(r -> r.getString(r.fieldIndex("alert_id")), Utf8Order.NULLS_FIRST);

  /** Every day of the window, days without a scored post included (zero posts, no mean). */
  private List<DaySentiment> sentimentByDay(Dataset<Row> nlp) {
    Column label = col("sentiment_label");
    Map<java.time.LocalDate, Row> byDay = new HashMap<>();
    for (Row r : nlp.filter(coalesce(col("scored"), lit(false))).groupBy("dt")
        .agg(sum(when(label.equalTo("positive"), 1).otherwise(0)).as("pos"),
            sum(when(label.equalTo("neutral"), 1).otherwise(0)).as("neu"),
            sum(when(label.equalTo("negative"), 1).otherwise(0)).as("neg"),
            avg("sentiment_score").as("mean"))
        .collectAsList()) {
      byDay.put(r.getDate(0).toLocalDate(), r);
    }
    List<DaySentiment> out = new ArrayList<>();
    for (java.time.LocalDate d = windowStart.toLocalDate(); !d.isAfter(ctx.runDate()); d = d.plusDays(1)) {
      Row r = byDay.get(d);
      out.add(r == null ? new DaySentiment(d, 0, 0, 0, null)
          : new DaySentiment(d, r.getLong(1), r.getLong(2), r.getLong(3), r.isNullAt(4) ? null : r.getDouble(4)));
    }
    return out;
  }

  /** Posts of the window whose replies are clearly positive: what earns an audience's goodwill. */
  private List<TrustedPost> trustedPosts(Dataset<Row> posts, Dataset<Row> nlp) {
    Dataset<Row> replySentiment = posts.filter(col("parent_id").isNotNull())
        .join(nlp.filter(coalesce(col("scored"), lit(false))).select(col("platform").as("_n_platform"),
            col("post_id").as("_n_post"), col("sentiment_score")),
            col("platform").equalTo(col("_n_platform")).and(col("post_id").equalTo(col("_n_post"))))
        .groupBy(col("platform").as("_r_platform"), col("parent_id").as("_r_parent"))
        .agg(count(lit(1)).as("replies"), avg("sentiment_score").as("reply_sentiment"));
    Dataset<Row> topic = ofDay(Tables.POST_TOPICS).filter(col("topic_rank").equalTo(1))
        .join(ofDay(Tables.TOPICS).select(col("topic_id").as("_t_id"), col("label")), col("topic_id").equalTo(col("_t_id")))
        .select(col("platform").as("_t_platform"), col("post_id").as("_t_post"), col("label"));
    List<Row> rows = posts.join(replySentiment,
            col("platform").equalTo(col("_r_platform")).and(col("post_id").equalTo(col("_r_parent"))))
        .filter(col("replies").geq(MIN_TRUSTED_REPLIES).and(col("reply_sentiment").geq(MIN_TRUSTED_SENTIMENT)))
        .join(topic, col("platform").equalTo(col("_t_platform")).and(col("post_id").equalTo(col("_t_post"))), "left")
        .withColumn("_rank", col("reply_sentiment").multiply(log1p(col("replies"))))
        .orderBy(col("_rank").desc(), col("platform"), col("post_id")).limit(TRUSTED_POSTS).collectAsList();
    List<TrustedPost> out = new ArrayList<>();
    for (Row r : rows) {
      String text = r.getString(r.fieldIndex("text"));
      String title = r.getString(r.fieldIndex("title"));
      String name = r.getString(r.fieldIndex("author_name"));
      out.add(new TrustedPost(r.getString(r.fieldIndex("post_id")),
          name == null ? r.getString(r.fieldIndex("author_id")) : name, r.getString(r.fieldIndex("community")),
          r.getString(r.fieldIndex("url")), Wording.excerpt(title == null ? text : title + " — " + text, EXCERPT_CHARS),
          r.getString(r.fieldIndex("label")), r.getLong(r.fieldIndex("replies")),
          r.getDouble(r.fieldIndex("reply_sentiment")),
          lng(r, "score") + lng(r, "reply_count") + lng(r, "share_count")));
    }
    return out;
  }

  /** The tables' growth, (posts + 1) / (previous + 1), as the relative change a reader expects: 0 is flat. */
  private static Double change(Double growth) {
    return growth == null ? null : growth - 1;
  }

  private static List<Share> shareList(Row r, String field) {
    int i = r.fieldIndex(field);
    if (r.isNullAt(i)) {
      return List.of();
    }
    List<Share> out = new ArrayList<>();
    for (Row s : r.<Row>getList(i)) {
      out.add(new Share(s.getString(0), s.isNullAt(1) ? 0 : s.getLong(1), s.isNullAt(2) ? 0 : s.getDouble(2)));
    }
    return out;
  }

  private static List<String> strings(Row r, String field) {
    int i = r.fieldIndex(field);
    return r.isNullAt(i) ? List.of() : List.copyOf(r.<String>getList(i).stream().filter(s -> s != null).toList());
  }

  private static long lng(Row r, String field) {
    int i = r.fieldIndex(field);
    return r.isNullAt(i) ? 0 : ((Number) r.get(i)).longValue();
  }

  private static double dbl(Row r, String field) {
    int i = r.fieldIndex(field);
    return r.isNullAt(i) ? 0 : ((Number) r.get(i)).doubleValue();
  }

  private static Double nullableDbl(Row r, String field) {
    int i = r.fieldIndex(field);
    return r.isNullAt(i) ? null : ((Number) r.get(i)).doubleValue();
  }
}
