package io.listeningpost.audiences;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import io.listeningpost.core.TableCounts;
import io.listeningpost.core.Utf8Order;
import io.listeningpost.core.config.KeyTopic;
import io.listeningpost.stage.StageContext;
import io.listeningpost.storage.Tables;
import io.listeningpost.storage.Warehouse;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import scala.collection.JavaConverters;
import scala.collection.Seq;

/**
 * What can enrich the audiences' communities ({@code opportunities}): questions nobody has answered, and
 * questions answered poorly ({@link AnswerQuality}), per community and topic; topics rising against their trailing 28 days ({@link RisingTopic}); and pain
 * points, topics whose sentences stay negative through the window. Also the configured key topics'
 * share of voice and sentiment per community and day ({@code key_topics}).
 */
final class AudienceOpportunities {
  private static final int RECENT_DAYS = 7;
  private static final int BASELINE_DAYS = 28;
  private static final double PAIN_SENTIMENT = -0.2;
  private static final int PAIN_MIN_SENTENCES = 5;
  private static final int MAX_PER_TYPE = 20;
  static final String UNANSWERED = "unanswered questions";
  static final String POORLY_ANSWERED = "poorly answered questions";

  private static final StructType ASSESSMENT = new StructType().add("verdict", DataTypes.StringType)
      .add("from_others", DataTypes.IntegerType).add("too_short", DataTypes.IntegerType)
      .add("voted_down", DataTypes.IntegerType);
  private static final StructType GROWTH = new StructType().add("recent_mean", DataTypes.DoubleType)
      .add("baseline_mean", DataTypes.DoubleType).add("baseline_sd", DataTypes.DoubleType)
      .add("z", DataTypes.DoubleType);

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
    Dataset<Row> assessed = assessedQuestions(posts, day).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      List<Row> rows = new ArrayList<>();
      rows.addAll(questions(assessed, topics, day));
      Candidates rising = rising(posts, topics, day, notes);
      Candidates pain = painPoints(posts, windowStart, day);
      rows.addAll(rising.rows());
      rows.addAll(pain.rows());
      ctx.warehouse().overwriteOnePartition(Tables.OPPORTUNITIES, day,
          ctx.spark().createDataFrame(rows, Tables.OPPORTUNITIES_SCHEMA));
      // Counted apart from the rows built above: question groups by a Spark count of their own, rising topics
      // and pain points by the number of topics that met their rule, each capped as the rows are.
      Map<String, Long> groups = groupsPerVerdict(assessed);
      long read = Math.min(MAX_PER_TYPE, groups.getOrDefault(AnswerQuality.Verdict.UNANSWERED.name(), 0L))
          + Math.min(MAX_PER_TYPE, groups.getOrDefault(AnswerQuality.Verdict.POORLY_ANSWERED.name(), 0L))
          + Math.min(MAX_PER_TYPE, rising.met()) + Math.min(MAX_PER_TYPE, pain.met());
      long written = ctx.warehouse().rowsOfRun(Tables.OPPORTUNITIES, List.of(day), ctx.runId());
      long keyRead = keyTopics(posts, keyTopics, day);
      long keyWritten = ctx.warehouse().rowsOfRun(Tables.KEY_TOPICS, List.of(day), ctx.runId());
      return List.of(new TableCounts(Tables.OPPORTUNITIES, read, written, 0, 0),
          new TableCounts(Tables.KEY_TOPICS, keyRead, keyWritten, 0, 0));
    } finally {
      assessed.unpersist();
    }
  }

  /** Rows of one opportunity type, and how many topics met its rule before the cap. */
  private record Candidates(List<Row> rows, long met) {}

  /** The verdicts that make question opportunities, in the order their rows are written. */
  private static final List<AnswerQuality.Verdict> QUESTION_VERDICTS =
      List.of(AnswerQuality.Verdict.UNANSWERED, AnswerQuality.Verdict.POORLY_ANSWERED);

  /** Whether an assessed question's verdict is one of {@link #QUESTION_VERDICTS}. */
  private static Column ofQuestionVerdicts() {
    return col("verdict").isin(QUESTION_VERDICTS.stream().map(Enum::name).toArray());
  }

  /** The number of community and topic groups with questions of each verdict, in one Spark query. */
  private static Map<String, Long> groupsPerVerdict(Dataset<Row> assessed) {
    Map<String, Long> out = new HashMap<>();
    for (Row r : assessed.filter(ofQuestionVerdicts())
        .groupBy("verdict").agg(countDistinct("c", "topic")).collectAsList()) {
      out.put(r.getString(0), r.getLong(1));
    }
    return out;
  }

  /**
   * Every question of the window with a topic, and its {@link AnswerQuality} from its direct replies
   * (answers, comments, replies) up to the run date's end: columns c (community), topic, post_id, url,
   * created_at, verdict, from_others, too_short, voted_down.
   */
  private Dataset<Row> assessedQuestions(Dataset<Row> posts, Date day) {
    Timestamp until = Timestamp.from(day.toLocalDate().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    UserDefinedFunction words = udf((UDF2<String, String, Integer>) AnswerQuality::words, DataTypes.IntegerType);
    Dataset<Row> sentiment = ctx.warehouse().read(Tables.POST_NLP).filter(col("scored"))
        .select(col("platform").as("_s_platform"), col("post_id").as("_s_post"), col("sentiment_score"));
    Dataset<Row> replies = ctx.warehouse().read(Tables.POSTS)
        .filter(col("parent_id").isNotNull().and(col("kind").isin("answer", "comment", "reply"))
            .and(col("created_at").lt(until)))
        .join(sentiment, col("platform").equalTo(col("_s_platform")).and(col("post_id").equalTo(col("_s_post"))),
            "left")
        .groupBy(col("platform").as("_r_platform"), col("parent_id").as("_r_post"))
        .agg(collect_list(struct(col("author_id"), col("score"), words.apply(col("title"), col("text")),
            col("sentiment_score"))).as("replies"));
    UserDefinedFunction assess = udf((UDF3<String, String, Seq<Row>, Row>) (asker, platform, rows) -> {
      List<AnswerQuality.Reply> list = new ArrayList<>();
      if (rows != null) {
        for (Row r : JavaConverters.seqAsJavaList(rows)) {
          list.add(new AnswerQuality.Reply(r.getString(0), r.isNullAt(1) ? null : r.getLong(1), r.getInt(2),
              r.isNullAt(3) ? null : r.getDouble(3)));
        }
      }
      AnswerQuality.Assessment a = AnswerQuality.assess(asker, platform, list);
      return RowFactory.create(a.verdict().name(), a.fromOthers(), a.tooShort(), a.votedDown());
    }, ASSESSMENT);
    return posts.filter(col("current").and(col("topic").isNotNull()).and(coalesce(col("is_question"), lit(false))))
        .join(replies, col("platform").equalTo(col("_r_platform")).and(col("post_id").equalTo(col("_r_post"))), "left")
        .withColumn("_a", assess.apply(col("author_id"), col("platform"), col("replies")))
        .select(coalesce(col("community"), lit("(none)")).as("c"), col("topic"), col("post_id"), col("url"),
            col("created_at"), col("_a.verdict").as("verdict"), col("_a.from_others").as("from_others"),
            col("_a.too_short").as("too_short"), col("_a.voted_down").as("voted_down"));
  }

  /**
   * Per verdict of {@link #QUESTION_VERDICTS}, per community and topic with questions of that verdict: those
   * questions, weighted by their share of the group's questions; the top {@link #MAX_PER_TYPE}, with the
   * oldest five as evidence. The groups' counts of every verdict come from one query, their evidence from another.
   */
  private List<Row> questions(Dataset<Row> assessed, List<Row> topics, Date day) {
    List<Column> counts = new ArrayList<>();
    for (AnswerQuality.Verdict v : QUESTION_VERDICTS) {
      Column mine = col("verdict").equalTo(v.name());
      counts.add(count(when(mine, lit(1))));
      counts.add(sum(when(mine, col("from_others"))));
      counts.add(sum(when(mine, col("too_short"))));
      counts.add(sum(when(mine, col("voted_down"))));
    }
    Map<AnswerQuality.Verdict, Map<List<Object>, long[]>> perGroup = new EnumMap<>(AnswerQuality.Verdict.class);
    for (Row r : assessed.groupBy("c", "topic").agg(count(lit(1)), counts.toArray(new Column[0])).collectAsList()) {
      for (int i = 0; i < QUESTION_VERDICTS.size(); i++) {
        int at = 3 + 4 * i;
        if (r.getLong(at) > 0) {
          perGroup.computeIfAbsent(QUESTION_VERDICTS.get(i), v -> new HashMap<>()).put(
              List.of(r.getString(0), r.getInt(1)),
              new long[] {r.getLong(2), r.getLong(at), r.getLong(at + 1), r.getLong(at + 2), r.getLong(at + 3)});
        }
      }
    }
    Map<List<Object>, List<Row>> evidence = new HashMap<>();
    for (Row r : assessed.filter(ofQuestionVerdicts())
        .withColumn("_n", row_number().over(Window.partitionBy("verdict", "c", "topic")
            .orderBy("created_at", "post_id")))
        .filter(col("_n").leq(5))
        .select("verdict", "c", "topic", "post_id", "url", "created_at", "_n").collectAsList()) {
      evidence.computeIfAbsent(List.of(r.getString(0), r.getString(1), r.getInt(2)), g -> new ArrayList<>())
          .add(r);
    }
    // At most five rows a group: ordered on the driver, as a global sort would cost a sampling job and a shuffle.
    evidence.values().forEach(ev -> ev.sort(Comparator.comparingInt(r -> r.getInt(6))));
    List<Row> out = new ArrayList<>();
    for (AnswerQuality.Verdict verdict : QUESTION_VERDICTS) {
      perGroup.getOrDefault(verdict, Map.of()).entrySet().stream()
          .sorted(Comparator.<Map.Entry<List<Object>, long[]>>comparingDouble(e -> -score(e.getValue()))
              .thenComparing(e -> e.getKey().toString()))
          .limit(MAX_PER_TYPE)
          .forEach(e -> {
            String community = (String) e.getKey().get(0);
            int topic = (Integer) e.getKey().get(1);
            long[] n = e.getValue();
            List<Row> ev = evidence.getOrDefault(List.of(verdict.name(), community, topic), List.of());
            String label = topics.get(topic).getString(1);
            String oldest = ev.isEmpty() ? "" : ", the oldest from " + ev.get(0).getTimestamp(5).toInstant().toString()
                .substring(0, 10);
            String why = verdict == AnswerQuality.Verdict.UNANSWERED
                ? String.format(Locale.ROOT, "%d of %d questions about \"%s\" in %s have no answer yet%s: answering "
                    + "them helps the community where it asks.", n[1], n[0], label, community, oldest)
                : String.format(Locale.ROOT, "%d of %d questions about \"%s\" in %s got replies but no good answer%s: "
                    + "none of their %d replies from others is both %d words or more and voted up (or, without votes, "
                    + "not negative); %d were too short, %d voted down. A clear answer is still wanted there.", n[1], n[0], label, community, oldest, n[2],
                    AnswerQuality.MIN_ANSWER_WORDS, n[3], n[4]);
            out.add(RowFactory.create(verdict == AnswerQuality.Verdict.UNANSWERED ? UNANSWERED : POORLY_ANSWERED,
                community, topic, label, score(n), ev.stream().map(r -> r.getString(3)).toArray(String[]::new),
                ev.stream().filter(r -> !r.isNullAt(4)).map(r -> r.getString(4)).toArray(String[]::new), why,
                ctx.runId(), day));
          });
    }
    return out;
  }

  /** Questions of the verdict weighted by how much of the group they are: many and mostly so first. */
  private static double score(long[] totalAndMatching) {
    return totalAndMatching[1] * (totalAndMatching[1] / (double) totalAndMatching[0]);
  }

  /** Topics whose last week's daily posts stand out against the 28 days before. */
  private Candidates rising(Dataset<Row> posts, List<Row> topics, Date day, List<String> notes) {
    LocalDate end = day.toLocalDate();
    LocalDate recentStart = end.minusDays(RECENT_DAYS - 1L);
    LocalDate baselineStart = recentStart.minusDays(BASELINE_DAYS);
    int windowDays = ctx.config().audiences().windowDays();
    if (2 * windowDays < RECENT_DAYS + BASELINE_DAYS) {
      notes.add(String.format(Locale.ROOT, "audiences.window-days = %d reads %d days of posts; rising topics need %d "
          + "(the last %d against the %d before) and are not measured", windowDays, 2 * windowDays,
          RECENT_DAYS + BASELINE_DAYS, RECENT_DAYS, BASELINE_DAYS));
      return new Candidates(List.of(), 0);
    }
    Row span = posts.agg(org.apache.spark.sql.functions.min(to_date(col("created_at")))).first();
    if (span.isNullAt(0) || span.getDate(0).toLocalDate().isAfter(baselineStart)) {
      notes.add("the posts start after " + baselineStart + ": no 28-day baseline, so rising topics are not measured");
      return new Candidates(List.of(), 0);
    }
    UserDefinedFunction growthOf = udf((UDF1<Seq<Row>, Row>) AudienceOpportunities::growth, GROWTH);
    // A topic without posts in these 35 days has z = 0 and is left out with them.
    Dataset<Row> risen = posts.filter(col("topic").isNotNull())
        .withColumn("_d", datediff(to_date(col("created_at")), lit(Date.valueOf(baselineStart))))
        .filter(col("_d").geq(0).and(col("_d").lt(BASELINE_DAYS + RECENT_DAYS)))
        .groupBy("topic", "_d").count()
        .groupBy("topic").agg(collect_list(struct(col("_d"), col("count"))).as("_days"))
        .select(col("topic"), growthOf.apply(col("_days")).as("g"))
        .filter(col("g.z").geq(RisingTopic.MIN_Z));
    long met = risen.count();
    List<Row> out = new ArrayList<>();
    for (Row r : risen.select("topic", "g.recent_mean", "g.baseline_mean", "g.baseline_sd", "g.z").collectAsList()) {
      int t = r.getInt(0);
      Row topic = topics.get(t);
      List<Row> communities = topic.getList(11);
      String community = communities.isEmpty() ? null : communities.get(0).getString(0);
      out.add(RowFactory.create("rising topic", community, t, topic.getString(1), r.getDouble(4),
          topic.getList(13).toArray(new String[0]), new String[0],
          String.format(Locale.ROOT, "\"%s\" has %.1f posts a day this week against %.1f (± %.1f) in the 28 days "
              + "before (z = %.1f): a conversation to join while it grows.", topic.getString(1), r.getDouble(1),
              r.getDouble(2), r.getDouble(3), r.getDouble(4)), ctx.runId(), day));
    }
    out.sort(Comparator.comparingDouble((Row r) -> -r.getDouble(4)).thenComparingInt(r -> r.getInt(2)));
    return new Candidates(out.subList(0, Math.min(MAX_PER_TYPE, out.size())), met);
  }

  /** A topic's growth from its posts per day, given as (day from the baseline's first, posts); absent days had none. */
  private static Row growth(Seq<Row> days) {
    long[] baseline = new long[BASELINE_DAYS];
    long[] recent = new long[RECENT_DAYS];
    for (Row r : JavaConverters.seqAsJavaList(days)) {
      int d = r.getInt(0);
      if (d < BASELINE_DAYS) {
        baseline[d] = r.getLong(1);
      } else {
        recent[d - BASELINE_DAYS] = r.getLong(1);
      }
    }
    RisingTopic.Growth g = RisingTopic.of(baseline, recent);
    return RowFactory.create(g.recentMean(), g.baselineMean(), g.baselineSd(), g.z());
  }

  /** Topics whose sentences are negative on the whole, and whose posts are negative in both halves of the window. */
  private Candidates painPoints(Dataset<Row> posts, Date windowStart, Date day) {
    LocalDate start = windowStart.toLocalDate();
    LocalDate end = day.toLocalDate();
    Dataset<Row> current = posts.filter(col("current").and(col("topic").isNotNull()).and(col("sentiment_score").isNotNull()));
    // Days are UTC dates (to_date under the session's UTC time zone), as everywhere in the warehouse.
    Date middle = Date.valueOf(start.plusDays(Math.max(1, (end.toEpochDay() - start.toEpochDay() + 1) / 2)));
    Dataset<Row> halves = current.groupBy(col("topic").as("_h_topic"))
        .agg(avg(when(to_date(col("created_at")).lt(lit(middle)), col("sentiment_score"))).as("first_half"),
            avg(when(to_date(col("created_at")).geq(lit(middle)), col("sentiment_score"))).as("second_half"));
    UserDefinedFunction painful = udf((UDF4<Double, Long, Double, Double, Boolean>)
        AudienceOpportunities::isPainPoint, DataTypes.BooleanType);
    Dataset<Row> found = ctx.warehouse().read(Tables.TOPICS)
        .filter(col("dt").equalTo(lit(day)).and(col(Tables.RUN_ID).equalTo(ctx.runId())))
        .join(halves, col("topic_id").equalTo(col("_h_topic")))
        .filter(painful.apply(col("sentiment"), col("sentiment_sentences"), col("first_half"), col("second_half")));
    long met = found.count();
    List<Row> out = new ArrayList<>();
    for (Row r : found.select(col("topic_id"), col("label"), col("sentiment"), col("sentiment_sentences"),
        col("communities"), col("example_posts"), col("first_half"), col("second_half")).collectAsList()) {
      double sentiment = r.getDouble(2);
      long sentences = r.getLong(3);
      List<Row> communities = r.getList(4);
      out.add(RowFactory.create("pain point", communities.isEmpty() ? null : communities.get(0).getString(0),
          r.getInt(0), r.getString(1), -sentiment * Math.log1p(sentences), r.getList(5).toArray(new String[0]),
          new String[0], String.format(Locale.ROOT, "\"%s\" stays negative: its %d sentences average %.2f, and its "
              + "posts are negative in both halves of the window (%.2f, then %.2f): a recurring pain to address.",
              r.getString(1), sentences, sentiment, r.getDouble(6), r.getDouble(7)), ctx.runId(), day));
    }
    out.sort(Comparator.comparingDouble((Row r) -> -r.getDouble(4)).thenComparingInt(r -> r.getInt(2)));
    return new Candidates(out.subList(0, Math.min(MAX_PER_TYPE, out.size())), met);
  }

  /**
   * A pain point: the sentences about the topic average {@link #PAIN_SENTIMENT} or lower over at least
   * {@link #PAIN_MIN_SENTENCES}, and its posts average below zero in both halves of the window.
   */
  static boolean isPainPoint(Double sentiment, Long sentences, Double firstHalf, Double secondHalf) {
    return sentiment != null && sentences != null && sentences >= PAIN_MIN_SENTENCES && sentiment <= PAIN_SENTIMENT
        && firstHalf != null && firstHalf < 0 && secondHalf != null && secondHalf < 0;
  }

  /**
   * Per key topic, community and day of the window: its posts, their share of the community's posts, tone.
   *
   * @return the rows due: per key topic, the community days where it is named, counted by Spark apart from the
   *     rows built
   */
  private long keyTopics(Dataset<Row> posts, List<KeyTopic> keyTopics, Date day) {
    List<Row> rows = new ArrayList<>();
    Dataset<Row> current = posts.filter(col("current"))
        .withColumn("_c", coalesce(col("community"), lit("(none)")))
        .withColumn("day", to_date(col("created_at")))
        .withColumn("_text", concat_ws(" ", coalesce(col("title"), lit("")), coalesce(col("text"), lit(""))));
    long due = 0;
    if (!keyTopics.isEmpty()) {
      Map<List<Object>, Long> totals = new HashMap<>();
      for (Row r : current.groupBy("_c", "day").count().collectAsList()) {
        totals.put(List.of(r.getString(0), r.getDate(1)), r.getLong(2));
      }
      // Each key topic's terms in TargetMatch.words form, so that a post's text is put in that form once.
      List<List<String>> terms = keyTopics.stream()
          .map(k -> k.terms().stream().map(TargetMatch::words).toList()).toList();
      UserDefinedFunction named = udf((UDF1<String, List<Integer>>) text -> {
        List<Integer> keys = new ArrayList<>();
        String words = text == null ? null : TargetMatch.words(text);
        for (int k = 0; words != null && k < terms.size(); k++) {
          if (terms.get(k).stream().anyMatch(term -> TargetMatch.contains(words, term))) {
            keys.add(k);
          }
        }
        return keys;
      }, DataTypes.createArrayType(DataTypes.IntegerType));
      // A post once for each key topic it names, so that one query counts them all.
      Dataset<Row> naming = current.withColumn("_k", explode(named.apply(col("_text"))));
      due = naming.select("_k", "_c", "day").distinct().count();
      List<Row> groups = new ArrayList<>(naming.groupBy("_k", "_c", "day")
          .agg(count(lit(1)), avg("sentiment_score")).collectAsList());
      groups.sort(Comparator.comparingInt((Row r) -> r.getInt(0))
          .thenComparing(r -> r.getString(1), Utf8Order.NULLS_FIRST)
          .thenComparing(r -> r.getDate(2), Comparator.nullsFirst(Comparator.naturalOrder())));
      for (Row r : groups) {
        long total = totals.getOrDefault(List.of(r.getString(1), r.getDate(2)), r.getLong(3));
        rows.add(RowFactory.create(keyTopics.get(r.getInt(0)).name(), r.getString(1), r.getDate(2), r.getLong(3),
            total, r.getLong(3) / (double) total, r.isNullAt(4) ? null : r.getDouble(4), ctx.runId(), day));
      }
    }
    ctx.warehouse().overwriteOnePartition(Tables.KEY_TOPICS, day,
        ctx.spark().createDataFrame(rows, Tables.KEY_TOPICS_SCHEMA));
    return due;
  }

  /** Opportunity tables with no rows, for a window where no topics were found. */
  void writeEmpty(Date day) {
    Warehouse w = ctx.warehouse();
    w.overwriteOnePartition(Tables.OPPORTUNITIES, day, ctx.spark().createDataFrame(List.of(), Tables.OPPORTUNITIES_SCHEMA));
    w.overwriteOnePartition(Tables.KEY_TOPICS, day, ctx.spark().createDataFrame(List.of(), Tables.KEY_TOPICS_SCHEMA));
  }
}
