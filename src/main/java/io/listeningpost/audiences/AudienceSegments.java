package io.listeningpost.audiences;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.hour;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import io.listeningpost.core.TableCounts;
import io.listeningpost.core.config.TargetAudience;
import io.listeningpost.core.Pseudonyms;
import io.listeningpost.stage.StageContext;
import io.listeningpost.storage.Tables;
import io.listeningpost.storage.Warehouse;
import java.sql.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;
import scala.collection.JavaConverters;
import scala.collection.Seq;

/**
 * Audience segments: the window's authors clustered ({@link SegmentClustering}: k-means on the driver) by
 * their topic mix and their behaviour ({@link SegmentFeatures}), each segment described in words, matched
 * to the closest configured target audience ({@link TargetMatch}), and located per community and platform
 * ({@code audience_presence}) with its active hours and the community's opinion makers.
 */
final class AudienceSegments {
  private static final int MIN_AUTHORS = 6;
  private static final int MIN_SEGMENTS = 3;
  private static final int MAX_SEGMENTS = 8;

  private final StageContext ctx;

  AudienceSegments(StageContext ctx) {
    this.ctx = ctx;
  }

  record Outcome(List<TableCounts> counts, List<String> notes) {}

  /**
   * @param posts the window's and the previous window's English posts with {@code topic} (strongest,
   *     or null), {@code current}, author, community, platform, created_at, title, text, sentiment_score
   * @param topicLabels label of each topic id
   */
  Outcome run(Dataset<Row> posts, List<String> topicLabels, List<TargetAudience> targets, Date windowStart, Date day) {
    List<String> notes = new ArrayList<>();
    int k = topicLabels.size();
    Dataset<Row> current = posts.filter(col("current").and(col("topic").isNotNull()).and(col("author_id").isNotNull()));
    Dataset<Row> roles = ctx.warehouse().read(Tables.INFLUENCERS).filter(col("dt").equalTo(lit(day)))
        .select(col("platform").as("_i_platform"), col("author_id").as("_i_author"), col("role"),
            col("replies_received"), col("influence_score"), col("author_name").as("_i_name"));
    UserDefinedFunction features = udf((UDF3<Seq<Row>, Row, String, Vector>) (topicCounts, behaviour, role) ->
        featureVector(k, topicCounts, behaviour, role), SQLDataTypes.VectorType());
    Dataset<Row> authors = current.groupBy("platform", "author_id", "topic").count()
        .groupBy("platform", "author_id").agg(collect_list(struct(col("topic"), col("count"))).as("topic_counts"))
        .join(current.groupBy("platform", "author_id").agg(count(lit(1)).as("posts"),
            countDistinct("community").as("communities"), avg("sentiment_score").as("sentiment"),
            max(struct(col("created_at"), col("author_name"))).getField("author_name").as("post_name")),
            Warehouse.seq("platform", "author_id"))
        .join(roles, col("platform").equalTo(col("_i_platform")).and(col("author_id").equalTo(col("_i_author"))), "left")
        .withColumn("features", features.apply(col("topic_counts"), struct(col("posts"),
            coalesce(col("replies_received"), lit(0L)), col("communities"), col("sentiment")), col("role")))
        .withColumn("author_name", coalesce(col("_i_name"), col("post_name")))
        .select("platform", "author_id", "author_name", "posts", "role", "influence_score", "features")
        .orderBy("platform", "author_id")
        .coalesce(1)
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      long authorCount = authors.count();
      if (authorCount < MIN_AUTHORS) {
        notes.add(String.format(Locale.ROOT, "%d authors with topics in the window: too few to segment (%d needed)",
            authorCount, MIN_AUTHORS));
        return new Outcome(writeEmpty(day), notes);
      }
      List<double[]> points = new ArrayList<>();
      for (Row r : authors.select("features").collectAsList()) {
        points.add(((Vector) r.get(0)).toArray());
      }
      int maxK = Math.max(MIN_SEGMENTS, (int) Math.min(MAX_SEGMENTS, authorCount / 3));
      SegmentClustering.Segments chosen = SegmentClustering.best(points, MIN_SEGMENTS, maxK,
          ctx.config().audiences().seed());
      if (chosen == null) {
        notes.add("the window's authors are too alike to split into segments: no segments");
        return new Outcome(writeEmpty(day), notes);
      }
      notes.add(String.format(Locale.ROOT, "%d audience segments (silhouette %.3f among %d to %d)", chosen.k(),
          chosen.silhouette(), MIN_SEGMENTS, maxK));
      Broadcast<SegmentClustering.Segments> segments =
          JavaSparkContext.fromSparkContext(ctx.spark().sparkContext()).broadcast(chosen);
      UserDefinedFunction nearest = udf((UDF1<Vector, Integer>) f -> segments.value().nearest(f.toArray()),
          DataTypes.IntegerType);
      Dataset<Row> members = authors.withColumn("segment_id", nearest.apply(col("features")))
          .persist(StorageLevel.MEMORY_AND_DISK());
      try {
        List<Integer> segmentIds = members.select("segment_id").distinct().orderBy("segment_id")
            .as(org.apache.spark.sql.Encoders.INT()).collectAsList();
        return new Outcome(write(posts, members, segmentIds, topicLabels, targets, windowStart, day), notes);
      } finally {
        members.unpersist();
      }
    } finally {
      authors.unpersist();
    }
  }

  private List<TableCounts> write(Dataset<Row> posts, Dataset<Row> members, List<Integer> segmentIds,
      List<String> topicLabels, List<TargetAudience> targets, Date windowStart, Date day) {
    String runId = ctx.runId();
    long authorCount = members.count();
    ctx.warehouse().overwritePartitions(Tables.SEGMENT_MEMBERS, members.select(col("platform"), col("author_id"),
            col("author_name"), col("segment_id"), col("posts"), lit(runId).as(Tables.RUN_ID), lit(day).as("dt")),
        new String[] {"segment_id", "platform", "author_id"});
    long membersWritten = ctx.warehouse().rowsOfRun(Tables.SEGMENT_MEMBERS, List.of(day), runId);

    Dataset<Row> segmentOf = members.select(col("platform").as("_m_platform"), col("author_id").as("_m_author"),
        col("segment_id"));
    Dataset<Row> segPosts = posts.filter(col("author_id").isNotNull().and(col("topic").isNotNull()))
        .join(segmentOf, col("platform").equalTo(col("_m_platform")).and(col("author_id").equalTo(col("_m_author"))))
        .drop("_m_platform", "_m_author")
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      boolean hasPast = posts.filter(col("current").unary_$bang()).limit(1).count() > 0;
      Dataset<Row> now = segPosts.filter(col("current"));
      long windowPosts = posts.filter(col("current")).count();
      Map<Integer, long[]> volume = new HashMap<>();
      for (Row r : segPosts.groupBy("segment_id").agg(count(when(col("current"), lit(1))),
          count(when(col("current").unary_$bang(), lit(1)))).collectAsList()) {
        volume.put(r.getInt(0), new long[] {r.getLong(1), r.getLong(2)});
      }
      Map<Integer, Long> memberCounts = new HashMap<>();
      for (Row r : members.groupBy("segment_id").count().collectAsList()) {
        memberCounts.put(r.getInt(0), r.getLong(1));
      }
      Map<Integer, Double> sentiment = new HashMap<>();
      for (Row r : now.groupBy("segment_id").agg(avg("sentiment_score")).collectAsList()) {
        sentiment.put(r.getInt(0), r.isNullAt(1) ? null : r.getDouble(1));
      }
      Map<Integer, List<Row>> topTopics = shares(now.filter(col("topic").isNotNull()).withColumn("name",
          col("topic")), topicLabels, 3);
      Map<Integer, List<Row>> communities = shares(now.withColumn("name", coalesce(col("community"), lit("(none)"))),
          null, 5);
      Map<Integer, List<String>> voices = new HashMap<>();
      for (Row r : members.filter(col("influence_score").isNotNull())
          .orderBy(col("segment_id"), col("influence_score").desc(), col("platform"), col("author_id"))
          .select("segment_id", "author_name", "author_id").collectAsList()) {
        List<String> v = voices.computeIfAbsent(r.getInt(0), s -> new ArrayList<>());
        if (v.size() < 5) {
          v.add(r.isNullAt(1) ? r.getString(2) : r.getString(1));
        }
      }
      Map<Integer, Map<String, TargetMatch.Evidence>> evidence = targetEvidence(now, members, targets);

      List<Row> rows = new ArrayList<>();
      Map<String, List<Integer>> segmentsOfTarget = new HashMap<>();
      for (int s : segmentIds) {
        long[] v = volume.getOrDefault(s, new long[2]);
        long memberCount = memberCounts.getOrDefault(s, 0L);
        TargetMatch.Match match = TargetMatch.best(targets, evidence.getOrDefault(s, Map.of()));
        if (match != null) {
          segmentsOfTarget.computeIfAbsent(match.target(), t -> new ArrayList<>()).add(s);
        }
        Long before = hasPast ? v[1] : null;
        rows.add(RowFactory.create(s, describe(memberCount, v[0], topTopics.getOrDefault(s, List.of()),
                communities.getOrDefault(s, List.of()), sentiment.get(s), voices.getOrDefault(s, List.of()), match),
            memberCount, v[0], windowPosts == 0 ? 0.0 : v[0] / (double) windowPosts, before,
            before == null ? null : (v[0] + 1.0) / (before + 1.0), sentiment.get(s),
            topTopics.getOrDefault(s, List.of()).toArray(new Row[0]),
            communities.getOrDefault(s, List.of()).toArray(new Row[0]),
            voices.getOrDefault(s, List.of()).toArray(new String[0]), match == null ? null : match.target(),
            match == null ? null : match.score(), match == null ? null : match.reason(), windowStart, runId, day));
      }
      ctx.warehouse().overwriteOnePartition(Tables.SEGMENTS, day,
          ctx.spark().createDataFrame(rows, Tables.SEGMENTS_SCHEMA));
      long segmentsWritten = ctx.warehouse().rowsOfRun(Tables.SEGMENTS, List.of(day), runId);
      writePresence(segPosts, hasPast, day);
      long targetRows = new TargetCommunities(ctx).write(posts.filter(col("current").and(col("topic").isNotNull())),
          segPosts.filter(col("current")),
          targets, segmentsOfTarget, day);
      long targetWritten = ctx.warehouse().rowsOfRun(Tables.TARGET_COMMUNITIES, List.of(day), runId);
      long presence = now.select("segment_id", "community", "platform").distinct().count();
      long presenceWritten = ctx.warehouse().rowsOfRun(Tables.AUDIENCE_PRESENCE, List.of(day), runId);
      return List.of(new TableCounts(Tables.SEGMENT_MEMBERS, authorCount, membersWritten, 0, 0),
          new TableCounts(Tables.SEGMENTS, segmentIds.size(), segmentsWritten, 0, 0),
          new TableCounts(Tables.TARGET_COMMUNITIES, targetRows, targetWritten, 0, 0),
          new TableCounts(Tables.AUDIENCE_PRESENCE, presence, presenceWritten, 0, 0));
    } finally {
      segPosts.unpersist();
    }
  }

  /** Per segment × community × platform: volume, growth, when they post, who leads the community. */
  private void writePresence(Dataset<Row> segPosts, boolean hasPast, Date day) {
    Dataset<Row> keyed = segPosts.withColumn("community", coalesce(col("community"), lit("(none)")));
    Dataset<Row> now = keyed.filter(col("current"));
    Map<Integer, Long> segmentTotals = new HashMap<>();
    for (Row r : now.groupBy("segment_id").count().collectAsList()) {
      segmentTotals.put(r.getInt(0), r.getLong(1));
    }
    Map<List<Object>, List<Integer>> hours = topValues(now.withColumn("v", hour(col("created_at"))), 3);
    Map<List<Object>, List<String>> weekdays = topValues(now.withColumn("v", date_format(col("created_at"), "EEEE")), 3);
    Map<String, List<String>> leaders = new HashMap<>();
    for (Row r : ctx.warehouse().read(Tables.INFLUENCERS).filter(col("dt").equalTo(lit(day))
            .and(col("role").equalTo("opinion maker")))
        .select(col("influence_rank"), coalesce(col("author_name"), col("author_id")),
            org.apache.spark.sql.functions.explode(col("declared_communities")))
        .orderBy(col("influence_rank")).collectAsList()) {
      List<String> l = leaders.computeIfAbsent(r.getString(2), c -> new ArrayList<>());
      if (l.size() < 3) {
        l.add(r.getString(1));
      }
    }
    List<Row> rows = new ArrayList<>();
    for (Row r : keyed.groupBy("segment_id", "community", "platform").agg(count(when(col("current"), lit(1))).as("now"),
            count(when(col("current").unary_$bang(), lit(1))).as("before"))
        .filter(col("now").gt(0))
        .orderBy("segment_id", "community", "platform").collectAsList()) {
      int segment = r.getInt(0);
      long posts = r.getLong(3);
      Long before = hasPast ? r.getLong(4) : null;
      List<Object> key = List.of(segment, r.getString(1), r.getString(2));
      rows.add(RowFactory.create(segment, r.getString(1), r.getString(2), posts,
          posts / (double) segmentTotals.getOrDefault(segment, 1L), before,
          before == null ? null : (posts + 1.0) / (before + 1.0),
          hours.getOrDefault(key, List.of()).toArray(new Integer[0]),
          weekdays.getOrDefault(key, List.of()).toArray(new String[0]),
          leaders.getOrDefault(r.getString(1), List.of()).toArray(new String[0]), ctx.runId(), day));
    }
    ctx.warehouse().overwriteOnePartition(Tables.AUDIENCE_PRESENCE, day,
        ctx.spark().createDataFrame(rows, Tables.AUDIENCE_PRESENCE_SCHEMA));
  }

  /** The most frequent values of column {@code v} per segment × community × platform, most first. */
  @SuppressWarnings("unchecked")
  private static <T> Map<List<Object>, List<T>> topValues(Dataset<Row> rows, int n) {
    Map<List<Object>, List<T>> out = new HashMap<>();
    for (Row r : rows.groupBy("segment_id", "community", "platform", "v").count()
        .orderBy(col("segment_id"), col("community"), col("platform"), col("count").desc(), col("v")).collectAsList()) {
      List<T> l = out.computeIfAbsent(List.of(r.get(0), r.get(1), r.get(2)), key -> new ArrayList<>());
      if (l.size() < n) {
        l.add((T) r.get(3));
      }
    }
    return out;
  }

  /** Per segment and target: the share of its posts with the keywords, in the communities, and of examples. */
  private Map<Integer, Map<String, TargetMatch.Evidence>> targetEvidence(Dataset<Row> now, Dataset<Row> members,
      List<TargetAudience> targets) {
    Map<Integer, Map<String, TargetMatch.Evidence>> out = new HashMap<>();
    if (targets.isEmpty()) {
      return out;
    }
    for (TargetAudience t : targets) {
      List<String> keywords = t.keywords();
      UserDefinedFunction uses = udf((UDF2<String, String, Boolean>) (title, text) ->
          TargetMatch.usesKeyword((title == null ? "" : title + " ") + (text == null ? "" : text), keywords),
          org.apache.spark.sql.types.DataTypes.BooleanType);
      Dataset<Row> flagged = now.withColumn("_kw", uses.apply(col("title"), col("text")))
          .withColumn("_in", t.communities().isEmpty() ? lit(false)
              : org.apache.spark.sql.functions.lower(col("community")).isin(t.communities().stream()
                  .map(c -> c.toLowerCase(Locale.ROOT)).toArray()));
      Map<Integer, Long> examples = new HashMap<>();
      if (!t.authors().isEmpty()) {
        // Under privacy.pseudonymise the table holds pseudonyms, so the configured ids are looked up as theirs.
        Pseudonyms pseudonyms = Pseudonyms.of(ctx.config().privacy(), System.getenv());
        Object[] authors = t.authors().stream().map(a -> pseudonyms == null ? a : pseudonyms.of(a)).toArray();
        for (Row r : members.filter(col("author_id").isin(authors)).groupBy("segment_id").count()
            .collectAsList()) {
          examples.put(r.getInt(0), r.getLong(1));
        }
      }
      for (Row r : flagged.groupBy("segment_id").agg(count(lit(1)), count(when(col("_kw"), lit(1))),
          count(when(col("_in"), lit(1)))).collectAsList()) {
        double total = r.getLong(1);
        out.computeIfAbsent(r.getInt(0), s -> new LinkedHashMap<>()).put(t.name(), new TargetMatch.Evidence(
            r.getLong(2) / total, r.getLong(3) / total,
            t.authors().isEmpty() ? 0 : examples.getOrDefault(r.getInt(0), 0L) / (double) t.authors().size()));
      }
    }
    return out;
  }

  /** Per segment, posts per value of column {@code name}, most first, with their share; topic ids become labels. */
  private static Map<Integer, List<Row>> shares(Dataset<Row> rows, List<String> labels, int n) {
    Map<Integer, List<Row>> out = new HashMap<>();
    Map<Integer, Long> totals = new HashMap<>();
    List<Row> counted = rows.groupBy(col("segment_id"), col("name")).count()
        .orderBy(col("segment_id"), col("count").desc(), col("name")).collectAsList();
    counted.forEach(r -> totals.merge(r.getInt(0), r.getLong(2), Long::sum));
    for (Row r : counted) {
      List<Row> l = out.computeIfAbsent(r.getInt(0), s -> new ArrayList<>());
      if (l.size() < n) {
        String name = labels == null ? String.valueOf(r.get(1)) : labels.get(((Number) r.get(1)).intValue());
        l.add(RowFactory.create(name, r.getLong(2), r.getLong(2) / (double) totals.get(r.getInt(0))));
      }
    }
    return out;
  }

  /** The segment in one sentence a strategist reads. */
  static String describe(long members, long posts, List<Row> topics, List<Row> communities, Double sentiment,
      List<String> voices, TargetMatch.Match match) {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%,d authors (%,d posts)", members, posts));
    if (!topics.isEmpty()) {
      sb.append(String.format(Locale.ROOT, " who talk most about \"%s\" (%.0f%% of their posts)",
          topics.get(0).getString(0), 100 * topics.get(0).getDouble(2)));
    }
    if (!communities.isEmpty()) {
      sb.append(String.format(Locale.ROOT, ", mostly in %s (%.0f%%)", communities.get(0).getString(0),
          100 * communities.get(0).getDouble(2)));
    }
    if (sentiment != null) {
      sb.append(String.format(Locale.ROOT, "; tone %s (%.2f)",
          sentiment > 0.1 ? "positive" : sentiment < -0.1 ? "negative" : "neutral", sentiment));
    }
    if (!voices.isEmpty()) {
      sb.append("; voices: ").append(String.join(", ", voices.subList(0, Math.min(3, voices.size()))));
    }
    if (match != null) {
      sb.append(String.format(Locale.ROOT, ". Closest target audience: %s (%.2f)", match.target(), match.score()));
    }
    return sb.append('.').toString();
  }

  private static Vector featureVector(int k, Seq<Row> topicCounts, Row behaviour, String role) {
    long[] perTopic = new long[k];
    for (Row r : JavaConverters.seqAsJavaList(topicCounts)) {
      perTopic[r.getInt(0)] = r.getLong(1);
    }
    Double sentiment = behaviour.isNullAt(3) ? null : behaviour.getDouble(3);
    return Vectors.dense(SegmentFeatures.of(perTopic, behaviour.getLong(0), behaviour.getLong(1),
        (int) behaviour.getLong(2), sentiment, role));
  }

  /** Segment tables with no rows, for a window where no topics were found. */
  List<TableCounts> writeEmpty(Date day) {
    ctx.warehouse().overwriteOnePartition(Tables.SEGMENTS, day,
        ctx.spark().createDataFrame(List.of(), Tables.SEGMENTS_SCHEMA));
    ctx.warehouse().overwriteOnePartition(Tables.AUDIENCE_PRESENCE, day,
        ctx.spark().createDataFrame(List.of(), Tables.AUDIENCE_PRESENCE_SCHEMA));
    ctx.warehouse().overwriteOnePartition(Tables.SEGMENT_MEMBERS, day,
        ctx.spark().createDataFrame(List.of(), Tables.SEGMENT_MEMBERS_SCHEMA));
    ctx.warehouse().overwriteOnePartition(Tables.TARGET_COMMUNITIES, day,
        ctx.spark().createDataFrame(List.of(), Tables.TARGET_COMMUNITIES_SCHEMA));
    return List.of(new TableCounts(Tables.SEGMENTS, 0,
        ctx.warehouse().rowsOfRun(Tables.SEGMENTS, List.of(day), ctx.runId()), 0, 0));
  }
}
