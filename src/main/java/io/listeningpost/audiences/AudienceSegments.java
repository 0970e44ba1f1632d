package io.listeningpost.audiences;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.udf;

import io.listeningpost.core.TableCounts;
import io.listeningpost.core.config.TargetAudience;
import io.listeningpost.core.Pseudonyms;
import io.listeningpost.core.Utf8Order;
import io.listeningpost.stage.StageContext;
import io.listeningpost.storage.Tables;
import io.listeningpost.storage.Warehouse;
import java.sql.Date;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
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
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
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
        // The clustering takes the authors in this order; one partition sorted within costs no sampling job.
        .repartition(1)
        .sortWithinPartitions("platform", "author_id")
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
        List<Integer> segmentIds = new ArrayList<>(members.select("segment_id").distinct()
            .as(org.apache.spark.sql.Encoders.INT()).collectAsList());
        segmentIds.sort(Comparator.naturalOrder());
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
        .drop("_m_platform", "_m_author");
    long windowPosts = 0;
    long pastPosts = 0;
    for (Row r : posts.groupBy("current").count().collectAsList()) {
      if (!r.isNullAt(0)) {
        if (r.getBoolean(0)) {
          windowPosts = r.getLong(1);
        } else {
          pastPosts = r.getLong(1);
        }
      }
    }
    boolean hasPast = pastPosts > 0;
    SegmentPostCounts counted = SegmentPostCounts.of(segPosts, targets);
    Map<Integer, Long> memberCounts = new HashMap<>();
    for (Row r : members.groupBy("segment_id").count().collectAsList()) {
      memberCounts.put(r.getInt(0), r.getLong(1));
    }
    Map<Integer, List<String>> voices = new HashMap<>();
    List<Row> leading = new ArrayList<>(members.filter(col("influence_score").isNotNull())
        .withColumn("_v", row_number().over(Window.partitionBy("segment_id")
            .orderBy(col("influence_score").desc(), col("platform"), col("author_id"))))
        .filter(col("_v").leq(5))
        .select("segment_id", "author_name", "author_id", "_v").collectAsList());
    leading.sort(Comparator.comparingInt((Row r) -> r.getInt(0)).thenComparingInt(r -> r.getInt(3)));
    for (Row r : leading) {
      voices.computeIfAbsent(r.getInt(0), s -> new ArrayList<>()).add(r.isNullAt(1) ? r.getString(2) : r.getString(1));
    }
    Map<Integer, Map<String, TargetMatch.Evidence>> evidence = targetEvidence(counted, members, targets);

    List<Row> rows = new ArrayList<>();
    Map<String, List<Integer>> segmentsOfTarget = new HashMap<>();
    for (int s : segmentIds) {
      long now = counted.postsNow(s);
      long memberCount = memberCounts.getOrDefault(s, 0L);
      TargetMatch.Match match = TargetMatch.best(targets, evidence.getOrDefault(s, Map.of()));
      if (match != null) {
        segmentsOfTarget.computeIfAbsent(match.target(), t -> new ArrayList<>()).add(s);
      }
      Long before = hasPast ? counted.postsBefore(s) : null;
      List<Row> topTopics = shares(counted.topics(s), Comparator.naturalOrder(), topicLabels::get, 3);
      List<Row> communities = shares(counted.communities(s), Utf8Order.NULLS_FIRST, c -> c, 5);
      Double sentiment = counted.sentiment(s);
      List<String> segmentVoices = voices.getOrDefault(s, List.of());
      rows.add(RowFactory.create(s, describe(memberCount, now, topTopics, communities, sentiment, segmentVoices, match),
          memberCount, now, windowPosts == 0 ? 0.0 : now / (double) windowPosts, before,
          before == null ? null : (now + 1.0) / (before + 1.0), sentiment,
          topTopics.toArray(new Row[0]), communities.toArray(new Row[0]), segmentVoices.toArray(new String[0]),
          match == null ? null : match.target(), match == null ? null : match.score(),
          match == null ? null : match.reason(), windowStart, runId, day));
    }
    ctx.warehouse().overwriteOnePartition(Tables.SEGMENTS, day,
        ctx.spark().createDataFrame(rows, Tables.SEGMENTS_SCHEMA));
    long segmentsWritten = ctx.warehouse().rowsOfRun(Tables.SEGMENTS, List.of(day), runId);
    long presence = writePresence(counted, hasPast, day);
    long presenceWritten = ctx.warehouse().rowsOfRun(Tables.AUDIENCE_PRESENCE, List.of(day), runId);
    long targetRows = new TargetCommunities(ctx).write(posts.filter(col("current").and(col("topic").isNotNull())),
        counted, targets, segmentsOfTarget, day);
    long targetWritten = ctx.warehouse().rowsOfRun(Tables.TARGET_COMMUNITIES, List.of(day), runId);
    return List.of(new TableCounts(Tables.SEGMENT_MEMBERS, authorCount, membersWritten, 0, 0),
        new TableCounts(Tables.SEGMENTS, segmentIds.size(), segmentsWritten, 0, 0),
        new TableCounts(Tables.TARGET_COMMUNITIES, targetRows, targetWritten, 0, 0),
        new TableCounts(Tables.AUDIENCE_PRESENCE, presence, presenceWritten, 0, 0));
  }

  /**
   * Per segment × community × platform: volume, growth, when they post, who leads the community.
   *
   * @return the rows due: the places where a segment posted this window, with communities as the posts
   *     name them (so a missing community and one named {@code (none)} count twice, and the rows built,
   *     where they are one place, fall short of it)
   */
  private long writePresence(SegmentPostCounts counted, boolean hasPast, Date day) {
    Map<String, List<String>> leaders = new HashMap<>();
    List<Row> makers = new ArrayList<>(ctx.warehouse().read(Tables.INFLUENCERS).filter(col("dt").equalTo(lit(day))
            .and(col("role").equalTo("opinion maker")))
        .select(col("influence_rank"), coalesce(col("author_name"), col("author_id")),
            org.apache.spark.sql.functions.explode(col("declared_communities"))).collectAsList());
    makers.sort(Comparator.comparing((Row r) -> r.isNullAt(0) ? null : r.getInt(0),
        Comparator.nullsFirst(Comparator.naturalOrder())));
    for (Row r : makers) {
      List<String> l = leaders.computeIfAbsent(r.getString(2), c -> new ArrayList<>());
      if (l.size() < 3) {
        l.add(r.getString(1));
      }
    }
    long due = 0;
    Map<SegmentPostCounts.Place, long[]> byPlace = new TreeMap<>(Comparator
        .comparingInt(SegmentPostCounts.Place::segment)
        .thenComparing(SegmentPostCounts.Place::community, Utf8Order.NULLS_FIRST)
        .thenComparing(SegmentPostCounts.Place::platform, Utf8Order.NULLS_FIRST));
    for (SegmentPostCounts.PlaceCount c : counted.places()) {
      SegmentPostCounts.Place named = c.place();
      SegmentPostCounts.Place place = named.community() != null ? named
          : new SegmentPostCounts.Place(named.segment(), SegmentPostCounts.NO_COMMUNITY, named.platform());
      byPlace.computeIfAbsent(place, p -> new long[2])[c.current() ? 0 : 1] += c.posts();
      if (c.current()) {
        due++;
      }
    }
    List<Row> rows = new ArrayList<>();
    byPlace.forEach((place, n) -> {
      if (n[0] == 0) {
        return;
      }
      long posts = n[0];
      Long before = hasPast ? n[1] : null;
      long segmentPosts = counted.postsNow(place.segment());
      rows.add(RowFactory.create(place.segment(), place.community(), place.platform(), posts,
          posts / (double) (segmentPosts == 0 ? 1 : segmentPosts), before,
          before == null ? null : (posts + 1.0) / (before + 1.0),
          top(counted.hours(place), Comparator.nullsFirst(Comparator.<Integer>naturalOrder()), 3)
              .toArray(new Integer[0]),
          top(counted.weekdays(place), Utf8Order.NULLS_FIRST, 3).toArray(new String[0]),
          leaders.getOrDefault(place.community(), List.of()).toArray(new String[0]), ctx.runId(), day));
    });
    ctx.warehouse().overwriteOnePartition(Tables.AUDIENCE_PRESENCE, day,
        ctx.spark().createDataFrame(rows, Tables.AUDIENCE_PRESENCE_SCHEMA));
    return due;
  }

  /** The {@code n} most frequent values, most first, equal counts in {@code order}. */
  static <V> List<V> top(Map<V, Long> counts, Comparator<V> order, int n) {
    List<Map.Entry<V, Long>> entries = new ArrayList<>(counts.entrySet());
    entries.sort(Map.Entry.<V, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey(order)));
    List<V> out = new ArrayList<>();
    for (int i = 0; i < Math.min(n, entries.size()); i++) {
      out.add(entries.get(i).getKey());
    }
    return out;
  }

  /** Per segment and target: the share of its posts with the keywords, in the communities, and of examples. */
  private Map<Integer, Map<String, TargetMatch.Evidence>> targetEvidence(SegmentPostCounts counted,
      Dataset<Row> members, List<TargetAudience> targets) {
    Map<Integer, Map<String, TargetMatch.Evidence>> out = new HashMap<>();
    for (int i = 0; i < targets.size(); i++) {
      TargetAudience t = targets.get(i);
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
      for (Map.Entry<Integer, List<SegmentPostCounts.Evidence>> e : counted.evidence().entrySet()) {
        SegmentPostCounts.Evidence found = e.getValue().get(i);
        double total = found.posts();
        out.computeIfAbsent(e.getKey(), s -> new LinkedHashMap<>()).put(t.name(), new TargetMatch.Evidence(
            found.withWords() / total, found.inCommunities() / total,
            t.authors().isEmpty() ? 0 : examples.getOrDefault(e.getKey(), 0L) / (double) t.authors().size()));
      }
    }
    return out;
  }

  /** Posts per value, most first (equal counts in {@code order}), the first {@code n} with their share. */
  private static <K> List<Row> shares(Map<K, Long> counts, Comparator<K> order, Function<K, String> name, int n) {
    long total = 0;
    for (long c : counts.values()) {
      total += c;
    }
    List<Row> out = new ArrayList<>();
    for (K key : top(counts, order, n)) {
      long c = counts.get(key);
      out.add(RowFactory.create(name.apply(key), c, c / (double) total));
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
