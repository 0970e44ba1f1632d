package io.listeningpost.audiences;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import io.listeningpost.core.TableCounts;
import io.listeningpost.core.config.KeyTopic;
import io.listeningpost.stage.StageContext;
import io.listeningpost.storage.Tables;
import io.listeningpost.storage.Warehouse;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * What can enrich the audiences' communities ({@code opportunities}): questions nobody has answered, per
 * community and topic; topics rising against their trailing 28 days ({@link RisingTopic}); and pain
 * points, topics whose sentences stay negative through the window. Also the configured key topics'
 * share of voice and sentiment per community and day ({@code key_topics}).
 */
final class AudienceOpportunities {
  private static final int RECENT_DAYS = 7;
  private static final int BASELINE_DAYS = 28;
  private static final double PAIN_SENTIMENT = -0.2;
  private static final int PAIN_MIN_SENTENCES = 5;
  private static final int MAX_PER_TYPE = 20;

  private final StageContext ctx;

  AudienceOpportunities(StageContext ctx) {
    this.ctx = ctx;
  }

  /**
   * @param posts the window's and the previous window's English posts with current, topic, community,
   *     created_at, is_question, url, author_id, title, text, sentiment_score
   * @param topics this run's {@code topics} rows
   */
  List<TableCounts> run(Dataset<Row> posts, List<Row> topics, List<KeyTopic> keyTopics, Date windowStart, Date day,
      List<String> notes) {
    List<Row> rows = new ArrayList<>();
    rows.addAll(unanswered(posts, topics, day));
    rows.addAll(rising(posts, topics, day, notes));
    rows.addAll(painPoints(posts, topics, windowStart, day));
    ctx.warehouse().overwriteOnePartition(Tables.OPPORTUNITIES, day,
        ctx.spark().createDataFrame(rows, Tables.OPPORTUNITIES_SCHEMA));
    long written = ctx.warehouse().rowsOfRun(Tables.OPPORTUNITIES, List.of(day), ctx.runId());
    long keyRows = keyTopics(posts, keyTopics, day);
    long keyWritten = ctx.warehouse().rowsOfRun(Tables.KEY_TOPICS, List.of(day), ctx.runId());
    return List.of(new TableCounts(Tables.OPPORTUNITIES, rows.size(), written, 0, 0),
        new TableCounts(Tables.KEY_TOPICS, keyRows, keyWritten, 0, 0));
  }

  /** Questions of the window that nobody but their author has replied to, per community and topic. */
  private List<Row> unanswered(Dataset<Row> posts, List<Row> topics, Date day) {
    Dataset<Row> replied = ctx.warehouse().read(Tables.INTERACTIONS)
        .filter(col("kind").isin("reply", "answer", "comment").and(col("dst_post_id").isNotNull())
            .and(col("src_author").isNull().or(col("dst_author").isNull()).or(col("src_author").notEqual(col("dst_author")))))
        .select(col("platform").as("_r_platform"), col("dst_post_id").as("_r_post")).distinct();
    Dataset<Row> questions = posts.filter(col("current").and(col("topic").isNotNull())
            .and(coalesce(col("is_question"), lit(false))))
        .join(replied, col("platform").equalTo(col("_r_platform")).and(col("post_id").equalTo(col("_r_post"))), "left")
        .withColumn("open", col("_r_post").isNull());
    Map<List<Object>, long[]> perGroup = new HashMap<>();
    for (Row r : questions.groupBy(coalesce(col("community"), lit("(none)")).as("c"), col("topic"))
        .agg(count(lit(1)), count(when(col("open"), lit(1)))).collectAsList()) {
      perGroup.put(List.of(r.getString(0), r.getInt(1)), new long[] {r.getLong(2), r.getLong(3)});
    }
    Map<List<Object>, List<Row>> evidence = new HashMap<>();
    for (Row r : questions.filter(col("open")).orderBy(col("created_at"), col("post_id"))
        .select(coalesce(col("community"), lit("(none)")), col("topic"), col("post_id"), col("url"), col("created_at"))
        .collectAsList()) {
      List<Row> l = evidence.computeIfAbsent(List.of(r.getString(0), r.getInt(1)), g -> new ArrayList<>());
      if (l.size() < 5) {
        l.add(r);
      }
    }
    List<Row> out = new ArrayList<>();
    perGroup.entrySet().stream().filter(e -> e.getValue()[1] > 0)
        .sorted(Comparator.<Map.Entry<List<Object>, long[]>>comparingDouble(e -> -score(e.getValue()))
            .thenComparing(e -> e.getKey().toString()))
        .limit(MAX_PER_TYPE)
        .forEach(e -> {
          String community = (String) e.getKey().get(0);
          int topic = (Integer) e.getKey().get(1);
          List<Row> ev = evidence.getOrDefault(e.getKey(), List.of());
          String label = topics.get(topic).getString(1);
          out.add(RowFactory.create("unanswered questions", community, topic, label, score(e.getValue()),
              ev.stream().map(r -> r.getString(2)).toArray(String[]::new),
              ev.stream().filter(r -> !r.isNullAt(3)).map(r -> r.getString(3)).toArray(String[]::new),
              String.format(Locale.ROOT, "%d of %d questions about \"%s\" in %s have no answer yet%s: answering "
                  + "them helps the community where it asks.", e.getValue()[1], e.getValue()[0], label, community,
                  ev.isEmpty() ? "" : ", the oldest from " + ev.get(0).getTimestamp(4).toInstant().toString()
                      .substring(0, 10)), ctx.runId(), day));
        });
    return out;
  }

  /** Open questions weighted by how much of the group is open: many and mostly open first. */
  private static double score(long[] totalAndOpen) {
    return totalAndOpen[1] * (totalAndOpen[1] / (double) totalAndOpen[0]);
  }

  /** Topics whose last week's daily posts stand out against the 28 days before. */
  private List<Row> rising(Dataset<Row> posts, List<Row> topics, Date day, List<String> notes) {
    LocalDate end = day.toLocalDate();
    LocalDate recentStart = end.minusDays(RECENT_DAYS - 1L);
    LocalDate baselineStart = recentStart.minusDays(BASELINE_DAYS);
    Dataset<Row> daily = posts.filter(col("topic").isNotNull())
        .withColumn("day", to_date(col("created_at")))
        .filter(col("day").geq(lit(Date.valueOf(baselineStart))).and(col("day").leq(lit(day))));
    int windowDays = ctx.config().audiences().windowDays();
    if (2 * windowDays < RECENT_DAYS + BASELINE_DAYS) {
      notes.add(String.format(Locale.ROOT, "audiences.window-days = %d reads %d days of posts; rising topics need %d "
          + "(the last %d against the %d before) and are not measured", windowDays, 2 * windowDays,
          RECENT_DAYS + BASELINE_DAYS, RECENT_DAYS, BASELINE_DAYS));
      return List.of();
    }
    Row span = posts.agg(org.apache.spark.sql.functions.min(to_date(col("created_at")))).first();
    if (span.isNullAt(0) || span.getDate(0).toLocalDate().isAfter(baselineStart)) {
      notes.add("the posts start after " + baselineStart + ": no 28-day baseline, so rising topics are not measured");
      return List.of();
    }
    Map<Integer, Map<LocalDate, Long>> counts = new HashMap<>();
    for (Row r : daily.groupBy("topic", "day").count().collectAsList()) {
      counts.computeIfAbsent(r.getInt(0), t -> new HashMap<>()).put(r.getDate(1).toLocalDate(), r.getLong(2));
    }
    List<Row> out = new ArrayList<>();
    for (int t = 0; t < topics.size(); t++) {
      Map<LocalDate, Long> c = counts.getOrDefault(t, Map.of());
      long[] baseline = new long[BASELINE_DAYS];
      for (int d = 0; d < BASELINE_DAYS; d++) {
        baseline[d] = c.getOrDefault(baselineStart.plusDays(d), 0L);
      }
      long[] recent = new long[RECENT_DAYS];
      for (int d = 0; d < RECENT_DAYS; d++) {
        recent[d] = c.getOrDefault(recentStart.plusDays(d), 0L);
      }
      RisingTopic.Growth g = RisingTopic.of(baseline, recent);
      if (g.z() >= RisingTopic.MIN_Z) {
        Row topic = topics.get(t);
        List<Row> communities = topic.getList(11);
        String community = communities.isEmpty() ? null : communities.get(0).getString(0);
        out.add(RowFactory.create("rising topic", community, t, topic.getString(1), g.z(),
            topic.getList(13).toArray(new String[0]), new String[0],
            String.format(Locale.ROOT, "\"%s\" has %.1f posts a day this week against %.1f (± %.1f) in the 28 days "
                + "before (z = %.1f): a conversation to join while it grows.", topic.getString(1), g.recentMean(),
                g.baselineMean(), g.baselineSd(), g.z()), ctx.runId(), day));
      }
    }
    out.sort(Comparator.comparingDouble((Row r) -> -r.getDouble(4)).thenComparingInt(r -> r.getInt(2)));
    return out.subList(0, Math.min(MAX_PER_TYPE, out.size()));
  }

  /** Topics whose sentences are negative on the whole, and whose posts are negative in both halves of the window. */
  private List<Row> painPoints(Dataset<Row> posts, List<Row> topics, Date windowStart, Date day) {
    LocalDate start = windowStart.toLocalDate();
    LocalDate end = day.toLocalDate();
    Dataset<Row> current = posts.filter(col("current").and(col("topic").isNotNull()).and(col("sentiment_score").isNotNull()));
    // Days are UTC dates (to_date under the session's UTC time zone), as everywhere in the warehouse.
    Date middle = Date.valueOf(start.plusDays(Math.max(1, (end.toEpochDay() - start.toEpochDay() + 1) / 2)));
    Map<Integer, double[]> halves = new HashMap<>();
    for (Row r : current.groupBy("topic").agg(avg(when(to_date(col("created_at")).lt(lit(middle)), col("sentiment_score"))),
        avg(when(to_date(col("created_at")).geq(lit(middle)), col("sentiment_score")))).collectAsList()) {
      halves.put(r.getInt(0), new double[] {r.isNullAt(1) ? Double.NaN : r.getDouble(1),
          r.isNullAt(2) ? Double.NaN : r.getDouble(2)});
    }
    List<Row> out = new ArrayList<>();
    for (int t = 0; t < topics.size(); t++) {
      Row topic = topics.get(t);
      double[] h = halves.get(t);
      if (topic.isNullAt(9) || topic.getLong(10) < PAIN_MIN_SENTENCES || topic.getDouble(9) > PAIN_SENTIMENT
          || h == null || !(h[0] < 0) || !(h[1] < 0)) {
        continue;
      }
      double sentiment = topic.getDouble(9);
      List<Row> communities = topic.getList(11);
      out.add(RowFactory.create("pain point", communities.isEmpty() ? null : communities.get(0).getString(0), t,
          topic.getString(1), -sentiment * Math.log1p(topic.getLong(10)), topic.getList(13).toArray(new String[0]),
          new String[0], String.format(Locale.ROOT, "\"%s\" stays negative: its %d sentences average %.2f, and its "
              + "posts are negative in both halves of the window (%.2f, then %.2f): a recurring pain to address.",
              topic.getString(1), topic.getLong(10), sentiment, h[0], h[1]), ctx.runId(), day));
    }
    out.sort(Comparator.comparingDouble((Row r) -> -r.getDouble(4)).thenComparingInt(r -> r.getInt(2)));
    return out.subList(0, Math.min(MAX_PER_TYPE, out.size()));
  }

  /** Per key topic, community and day of the window: its posts, their share of the community's posts, tone. */
  private long keyTopics(Dataset<Row> posts, List<KeyTopic> keyTopics, Date day) {
    List<Row> rows = new ArrayList<>();
    Dataset<Row> current = posts.filter(col("current"))
        .withColumn("_c", coalesce(col("community"), lit("(none)")))
        .withColumn("day", to_date(col("created_at")))
        .withColumn("_text", concat_ws(" ", coalesce(col("title"), lit("")), coalesce(col("text"), lit(""))));
    Map<List<Object>, Long> totals = new HashMap<>();
    if (!keyTopics.isEmpty()) {
      for (Row r : current.groupBy("_c", "day").count().collectAsList()) {
        totals.put(List.of(r.getString(0), r.getDate(1)), r.getLong(2));
      }
    }
    for (KeyTopic k : keyTopics) {
      List<String> terms = k.terms();
      UserDefinedFunction names = udf((UDF1<String, Boolean>) text -> TargetMatch.usesKeyword(text, terms),
          DataTypes.BooleanType);
      for (Row r : current.filter(names.apply(col("_text"))).groupBy("_c", "day")
          .agg(count(lit(1)), avg("sentiment_score")).orderBy("_c", "day").collectAsList()) {
        long total = totals.getOrDefault(List.of(r.getString(0), r.getDate(1)), r.getLong(2));
        rows.add(RowFactory.create(k.name(), r.getString(0), r.getDate(1), r.getLong(2), total,
            r.getLong(2) / (double) total, r.isNullAt(3) ? null : r.getDouble(3), ctx.runId(), day));
      }
    }
    ctx.warehouse().overwriteOnePartition(Tables.KEY_TOPICS, day,
        ctx.spark().createDataFrame(rows, Tables.KEY_TOPICS_SCHEMA));
    return rows.size();
  }

  /** Opportunity tables with no rows, for a window where no topics were found. */
  void writeEmpty(Date day) {
    Warehouse w = ctx.warehouse();
    w.overwriteOnePartition(Tables.OPPORTUNITIES, day, ctx.spark().createDataFrame(List.of(), Tables.OPPORTUNITIES_SCHEMA));
    w.overwriteOnePartition(Tables.KEY_TOPICS, day, ctx.spark().createDataFrame(List.of(), Tables.KEY_TOPICS_SCHEMA));
  }
}
