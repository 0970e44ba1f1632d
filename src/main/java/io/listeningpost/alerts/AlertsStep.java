package io.listeningpost.alerts;

import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import io.listeningpost.alerts.CandidateComplaintDetector.SentenceTone;
import io.listeningpost.core.TableCounts;
import io.listeningpost.core.config.AlertsSettings;
import io.listeningpost.core.config.WatchTerm;
import io.listeningpost.enrich.PostAnalyzer;
import io.listeningpost.enrich.WatchedTerms;
import io.listeningpost.stage.JobLabels;
import io.listeningpost.stage.StageContext;
import io.listeningpost.stage.StageResult;
import io.listeningpost.stage.StageTables;
import io.listeningpost.storage.Tables;
import io.listeningpost.storage.Warehouse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.collection.JavaConverters;
import scala.collection.Seq;

/**
 * The alerts stage: risks to answer before they spread, in the {@code alerts} table (partition dt = the
 * run date).
 *
 * <ul>
 *   <li>Candidate experience: each post of the last {@code alerts.lookback-days} that
 *       {@link CandidateComplaintDetector} judges a complaint about a candidate's or new hire's experience
 *       with a watched brand, from its text, the enrich stage's watched-name matches and its sentences'
 *       sentiment.
 *   <li>Spike: a watched term whose negative posts on the last {@code alerts.spike-days} stand out against
 *       the {@code alerts.baseline-days} before as a z-score ({@link NegativeVolumeSpike}).
 * </ul>
 *
 * Each alert counts the replies, quotes and shares that picked its posts up by the end of the run date,
 * the distinct authors who did and their reach (influencers.reach_2hop of the graph's latest run up to
 * the run date), and takes its severity and next step from {@link AlertRules}.
 */
public final class AlertsStep {
  /** The lookback's posts, their NLP rows and replies, and the authors' reach up to the run date. */
  public static final StageTables TABLES = new StageTables(
      List.of(Tables.POSTS, Tables.POST_NLP, Tables.INTERACTIONS, Tables.INFLUENCERS), List.of(Tables.ALERTS), true);
  private static final int EXCERPT_CHARS = 280;
  private static final List<String> REPLY_KINDS = List.of("reply", "comment", "answer");

  private static final StructType VERDICT = new StructType()
      .add("alert", DataTypes.BooleanType).add("score", DataTypes.DoubleType).add("brand", DataTypes.StringType)
      .add("cues", DataTypes.createArrayType(DataTypes.StringType)).add("excerpt", DataTypes.StringType);

  /** What picked up a post or a term's posts: replies, quotes, shares, their distinct authors and reach. */
  record Spread(long replies, long quotes, long shares, long authors, long reach) {
    static final Spread NONE = new Spread(0, 0, 0, 0, 0);

    long total() {
      return replies + quotes + shares;
    }
  }

  private final StageContext ctx;
  private final JobLabels labels;

  public AlertsStep(StageContext ctx) {
    this.ctx = ctx;
    this.labels = ctx.labels();
  }

  public StageResult run() {
    AlertsSettings settings = ctx.config().alerts();
    List<WatchTerm> watch = ctx.config().enrich().watch();
    AlertRules rules = new AlertRules(settings);
    Warehouse warehouse = ctx.warehouse();
    LocalDate runDate = ctx.runDate();
    Date day = Date.valueOf(runDate);
    LocalDate lookbackStart = runDate.minusDays(settings.lookbackDays() - 1L);
    LocalDate spikeStart = runDate.minusDays(settings.spikeDays() - 1L);
    LocalDate baselineStart = spikeStart.minusDays(settings.baselineDays());
    LocalDate earliest = lookbackStart.isBefore(baselineStart) ? lookbackStart : baselineStart;
    Timestamp until = ts(runDate.plusDays(1));
    Timestamp createdAt = Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS));
    Map<String, String> outputs = Map.of(Tables.ALERTS, warehouse.path(Tables.ALERTS));
    List<String> notes = new ArrayList<>();

    labels.label("alerts:judge", "Judge the lookback window's posts naming a watched brand");
    Dataset<Row> nlp = warehouse.read(Tables.POST_NLP)
        .filter(col("dt").geq(lit(Date.valueOf(earliest))).and(col("dt").leq(lit(day))));
    // A share repeats another post's words: it is that post's spread, not a complaint of its own.
    Dataset<Row> posts = warehouse.read(Tables.POSTS)
        .filter(col("created_at").geq(ts(lookbackStart)).and(col("created_at").lt(until))
            .and(col("kind").isNull().or(col("kind").notEqual("share"))))
        .select("platform", "post_id", "community", "author_id", "created_at", "title", "text", "url");
    long windowPosts = posts.count();
    Dataset<Row> analysed = posts.join(nlp.select(col("platform").as("_n_platform"), col("post_id").as("_n_post"),
            col("watched"), col("sentences")),
        col("platform").equalTo(col("_n_platform")).and(col("post_id").equalTo(col("_n_post"))))
        .drop("_n_platform", "_n_post");
    long analysedPosts = analysed.count();
    if (windowPosts > analysedPosts) {
      notes.add(String.format(Locale.ROOT, "%,d of the %,d posts between %s and %s have no post_nlp row (run enrich) "
          + "and were not judged", windowPosts - analysedPosts, windowPosts, lookbackStart, runDate));
    }
    if (watch.stream().noneMatch(t -> WatchTerm.BRAND.equals(t.kind()))) {
      notes.add("the watch list names no brand (watch, kind = brand): no candidate-experience alerts");
    }
    CandidateComplaintDetector detector = new CandidateComplaintDetector(watch);
    UserDefinedFunction judge = udf((UDF4<String, String, Seq<Row>, Seq<Row>, Row>) (title, text, watched, sentences)
        -> verdict(detector, title, text, watched, sentences), VERDICT);
    Dataset<Row> naming = analysed.filter(expr("exists(watched, w -> w.kind = '" + WatchTerm.BRAND + "')"));
    List<Row> complaints = naming
        .withColumn("v", judge.apply(col("title"), col("text"), col("watched"), col("sentences")))
        .filter(col("v.alert"))
        .select("platform", "post_id", "community", "author_id", "created_at", "url", "v")
        .orderBy("platform", "post_id").collectAsList();
    long brandPosts = naming.count();
    notes.add(String.format(Locale.ROOT, "%,d of the %,d analysed posts between %s and %s name a watched brand; "
        + "%,d are candidate-experience complaints", brandPosts, analysedPosts, lookbackStart, runDate,
        complaints.size()));

    labels.label("alerts:spikes", "Negative posts per watched term and day against the baseline");
    Dataset<Row> negative = nlp.filter(col("scored").and(col("sentiment_label").equalTo("negative")))
        .select(col("platform"), col("post_id"), col("community"), col("dt"),
            explode(array_distinct(col("watched.term"))).as("term"));
    Map<String, long[]> daily = new TreeMap<>();
    int days = settings.baselineDays() + settings.spikeDays();
    watch.forEach(t -> daily.put(t.name(), new long[days]));
    for (Row r : negative.groupBy("term", "dt").count().collectAsList()) {
      int index = (int) ChronoUnit.DAYS.between(baselineStart, r.getDate(1).toLocalDate());
      daily.computeIfAbsent(r.getString(0), t -> new long[days])[index] += r.getLong(2);
    }
    Map<String, NegativeVolumeSpike.Result> spikes = new TreeMap<>();
    daily.forEach((term, counts) -> {
      NegativeVolumeSpike.Result s = NegativeVolumeSpike.of(counts, settings.spikeDays());
      if (s.z() >= settings.spikeZ() && s.recentPosts() >= settings.spikeMinPosts()) {
        spikes.put(term, s);
      }
    });

    labels.label("alerts:spread", "Replies, quotes and shares of the alerted posts, their authors and reach");
    Dataset<Row> reach = latestInfluencers(day);
    Dataset<Row> complaintKeys = ctx.spark().createDataFrame(complaints.stream()
        .map(r -> RowFactory.create(key(r.getString(0), r.getString(1)), r.getString(0), r.getString(1))).toList(),
        KEYS);
    Dataset<Row> spikePosts = negative.filter(col("term").isin(spikes.keySet().toArray())
        .and(col("dt").geq(lit(Date.valueOf(spikeStart)))));
    Dataset<Row> interactions = warehouse.read(Tables.INTERACTIONS)
        .filter(col("dt").geq(lit(Date.valueOf(earliest))).and(col("dt").leq(lit(day)))
            .and(col("created_at").lt(until)).and(col("dst_post_id").isNotNull())
            .and(col("kind").isin("reply", "comment", "answer", "quote", "share")));
    Map<String, Spread> complaintSpread = spread(complaintKeys, interactions, reach);
    Map<String, Spread> spikeSpread = spread(spikePosts.select(col("term").as("key"), col("platform"), col("post_id")),
        interactions, reach);
    Map<String, Row> authors = new HashMap<>();
    for (Row r : reach.join(broadcast(ctx.spark().createDataFrame(complaints.stream().filter(c -> !c.isNullAt(3))
            .map(c -> RowFactory.create(c.getString(0), c.getString(3))).distinct().toList(), AUTHOR_KEYS)),
            Warehouse.seq("platform", "author_id")).collectAsList()) {
      authors.put(key(r.getString(0), r.getString(1)), r);
    }

    List<Row> rows = new ArrayList<>();
    for (Row c : complaints) {
      String platform = c.getString(0);
      String postId = c.getString(1);
      Row v = c.getStruct(6);
      Spread spread = complaintSpread.getOrDefault(key(platform, postId), Spread.NONE);
      Row author = c.isNullAt(3) ? null : authors.get(key(platform, c.getString(3)));
      Long authorReach = author == null || author.isNullAt(2) ? null : author.getLong(2);
      String role = author == null ? null : author.getString(3);
      String severity = rules.complaintSeverity(spread.total(), authorReach, role);
      String brand = v.getString(2);
      String reason = String.format(Locale.ROOT, "Complaint about a candidate's or new hire's experience with %s "
          + "(model probability %.2f, alert at %.2f): %s", brand, v.getDouble(1), detector.threshold(),
          String.join(", ", v.<String>getList(3)));
      rows.add(RowFactory.create(alertId(AlertRules.CANDIDATE_EXPERIENCE, platform, postId),
          AlertRules.CANDIDATE_EXPERIENCE, postId, brand, c.getString(2), platform, severity, v.getDouble(1), reason,
          c.getString(5), v.getString(4), c.getString(3), authorReach, role, spread.replies(), spread.quotes(),
          spread.shares(), spread.authors(), spread.reach(), AlertRules.complaintNextStep(severity, brand, role),
          c.getTimestamp(4), createdAt, ctx.runId(), day));
    }
    rows.addAll(spikeRows(spikes, spikePosts, spikeSpread, rules, settings, spikeStart, createdAt, day));
    rows.sort(Comparator.<Row, Integer>comparing(r -> severityOrder(r.getString(6)))
        .thenComparing(r -> r.getString(1)).thenComparing(r -> -r.getDouble(7)).thenComparing(r -> r.getString(0)));
    notes.add(String.format(Locale.ROOT, "%d spikes of negative posts on a watched term (z >= %.1f, at least %d posts "
        + "on the last %d days against the %d before)", spikes.size(), settings.spikeZ(), settings.spikeMinPosts(),
        settings.spikeDays(), settings.baselineDays()));
    if (windowPosts == 0 && spikes.isEmpty()) {
      notes.add("no posts between " + lookbackStart + " and " + runDate + ": the alerts table is empty");
    }

    labels.label("alerts:write", "Write the alerts");
    warehouse.overwriteOnePartition(Tables.ALERTS, day, ctx.spark().createDataFrame(rows, Tables.ALERTS_SCHEMA));
    long written = warehouse.rowsOfRun(Tables.ALERTS, List.of(day), ctx.runId());
    labels.label(null, null);
    return new StageResult("alerts", List.of(new TableCounts(Tables.ALERTS, rows.size(), written, 0, 0)), outputs,
        labels.millis(), notes);
  }

  private static final StructType KEYS = new StructType().add("key", DataTypes.StringType)
      .add("platform", DataTypes.StringType).add("post_id", DataTypes.StringType);
  private static final StructType AUTHOR_KEYS = new StructType().add("platform", DataTypes.StringType)
      .add("author_id", DataTypes.StringType);

  private List<Row> spikeRows(Map<String, NegativeVolumeSpike.Result> spikes, Dataset<Row> spikePosts,
      Map<String, Spread> spread, AlertRules rules, AlertsSettings settings, LocalDate spikeStart,
      Timestamp createdAt, Date day) {
    if (spikes.isEmpty()) {
      return List.of();
    }
    Map<String, Map<String, Long>> communities = new HashMap<>();
    Map<String, Map<String, Long>> platforms = new HashMap<>();
    for (Row r : spikePosts.groupBy("term", "platform", "community").count().collectAsList()) {
      communities.computeIfAbsent(r.getString(0), t -> new HashMap<>())
          .merge(r.isNullAt(2) ? "(none)" : r.getString(2), r.getLong(3), Long::sum);
      platforms.computeIfAbsent(r.getString(0), t -> new HashMap<>()).merge(r.getString(1), r.getLong(3), Long::sum);
    }
    // The evidence is the term's most picked-up negative post of the spike days, the earliest on a tie; what
    // happened after the run date does not count, so that a date's alerts do not change with later days.
    Dataset<Row> picked = ctx.warehouse().read(Tables.INTERACTIONS)
        .filter(col("dt").geq(lit(Date.valueOf(spikeStart))).and(col("dt").leq(lit(day)))
            .and(col("dst_post_id").isNotNull()))
        .groupBy(col("platform").as("_i_platform"), col("dst_post_id")).count();
    Map<String, Row> evidence = new HashMap<>();
    for (Row r : spikePosts.join(ctx.warehouse().read(Tables.POSTS)
            .filter(col("dt").geq(lit(Date.valueOf(spikeStart))).and(col("dt").leq(lit(day))))
            .select(col("platform").as("_p_platform"), col("post_id").as("_p_post"), col("url"), col("title"),
                col("text"), col("created_at")),
            col("platform").equalTo(col("_p_platform")).and(col("post_id").equalTo(col("_p_post"))))
        .join(picked, col("platform").equalTo(col("_i_platform")).and(col("post_id").equalTo(col("dst_post_id"))),
            "left")
        .withColumn("_rank", expr("row_number() over (partition by term order by coalesce(`count`, 0) desc, "
            + "created_at, platform, post_id)"))
        .filter(col("_rank").equalTo(1)).select("term", "platform", "post_id", "url", "title", "text")
        .collectAsList()) {
      evidence.put(r.getString(0), r);
    }
    List<Row> out = new ArrayList<>();
    spikes.forEach((term, s) -> {
      String severity = rules.spikeSeverity(s.z());
      Row e = evidence.get(term);
      Spread sp = spread.getOrDefault(term, Spread.NONE);
      String reason = String.format(Locale.ROOT, "%d negative posts naming %s on the last %s against %.1f a day over "
          + "the %d days before (z = %.1f)", s.recentPosts(), term, settings.spikeDays() == 1 ? "day"
          : settings.spikeDays() + " days", s.baselineMean(), settings.baselineDays(), s.z());
      out.add(RowFactory.create(alertId(AlertRules.SPIKE, term, spikeStart.toString()), AlertRules.SPIKE, null, term,
          top(communities.get(term)), top(platforms.get(term)), severity, s.z(), reason,
          e == null ? null : e.getString(3),
          e == null ? null : excerpt(PostAnalyzer.fullText(e.getString(4), e.getString(5))), null, null, null,
          sp.replies(), sp.quotes(), sp.shares(), sp.authors(), sp.reach(),
          AlertRules.spikeNextStep(term, s.recentPosts(), settings.spikeDays()), null, createdAt, ctx.runId(), day));
    });
    return out;
  }

  /** The graph's latest influencers up to the run date: platform, author_id, reach_2hop, role. */
  private Dataset<Row> latestInfluencers(Date day) {
    Dataset<Row> influencers = ctx.warehouse().read(Tables.INFLUENCERS).filter(col("dt").leq(lit(day)));
    Row latest = influencers.agg(max("dt")).first();
    if (latest.isNullAt(0)) {
      return influencers.select("platform", "author_id", "reach_2hop", "role");
    }
    return influencers.filter(col("dt").equalTo(lit(latest.getDate(0))))
        .select("platform", "author_id", "reach_2hop", "role");
  }

  /** Per key, what picked up its posts (key, platform, post_id) in {@code interactions}. */
  private static Map<String, Spread> spread(Dataset<Row> keys, Dataset<Row> interactions, Dataset<Row> reach) {
    Dataset<Row> hits = interactions.select(col("platform").as("_i_platform"), col("dst_post_id"), col("kind"),
            col("src_author"))
        .join(keys, col("_i_platform").equalTo(col("platform")).and(col("dst_post_id").equalTo(col("post_id"))))
        .select("key", "platform", "kind", "src_author");
    Dataset<Row> counts = hits.groupBy("key").agg(
        sum(when(col("kind").isin(REPLY_KINDS.toArray()), 1L).otherwise(0L)).as("replies"),
        sum(when(col("kind").equalTo("quote"), 1L).otherwise(0L)).as("quotes"),
        sum(when(col("kind").equalTo("share"), 1L).otherwise(0L)).as("shares"),
        countDistinct("platform", "src_author").as("authors"));
    Dataset<Row> reached = hits.filter(col("src_author").isNotNull()).select("key", "platform", "src_author").distinct()
        .join(reach.select(col("platform").as("_r_platform"), col("author_id"), col("reach_2hop")),
            col("platform").equalTo(col("_r_platform")).and(col("src_author").equalTo(col("author_id"))), "left")
        .groupBy("key").agg(sum(coalesce(col("reach_2hop"), lit(0L))).as("reach"));
    Map<String, Spread> out = new HashMap<>();
    for (Row r : counts.join(reached, Warehouse.seq("key"), "left").collectAsList()) {
      out.put(r.getString(0), new Spread(r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4),
          r.isNullAt(5) ? 0 : r.getLong(5)));
    }
    return out;
  }

  static Row verdict(CandidateComplaintDetector detector, String title, String text, Seq<Row> watched,
      Seq<Row> sentences) {
    List<WatchedTerms.Match> matches = new ArrayList<>();
    if (watched != null) {
      for (Row w : JavaConverters.seqAsJavaList(watched)) {
        matches.add(new WatchedTerms.Match(w.getString(0), w.getString(1), w.getString(2)));
      }
    }
    List<SentenceTone> tones = new ArrayList<>();
    if (sentences != null) {
      for (Row s : JavaConverters.seqAsJavaList(sentences)) {
        if (!s.isNullAt(0) && !s.isNullAt(1) && !s.isNullAt(3)) {
          tones.add(new SentenceTone(s.getInt(0), s.getInt(1), s.getDouble(3)));
        }
      }
    }
    CandidateComplaintDetector.Verdict v = detector.judge(PostAnalyzer.fullText(title, text), matches, tones);
    return RowFactory.create(v.alert(), v.score(), v.brand(), v.cues().toArray(new String[0]), v.excerpt());
  }

  private static String top(Map<String, Long> counts) {
    if (counts == null) {
      return null;
    }
    return new TreeSet<>(counts.keySet()).stream()
        .max(Comparator.<String, Long>comparing(counts::get).thenComparing(Comparator.<String>reverseOrder()))
        .orElse(null);
  }

  /** An alert's evidence excerpt of a post's title and text (erasure recognises its own posts' by it). */
  public static String excerpt(String text) {
    String s = text.strip().replaceAll("\\s+", " ");
    return s.length() <= EXCERPT_CHARS ? s : s.substring(0, EXCERPT_CHARS - 1) + "…";
  }

  private static int severityOrder(String severity) {
    return switch (severity) {
      case AlertRules.HIGH -> 0;
      case AlertRules.MEDIUM -> 1;
      default -> 2;
    };
  }

  private static String key(String platform, String id) {
    return platform + "\u0001" + id;
  }

  /** Stable across runs, so that the same complaint or spike keeps its id while it is open. */
  static String alertId(String... parts) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(String.join("\u0001", parts).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Timestamp ts(LocalDate d) {
    return Timestamp.from(d.atStartOfDay(ZoneOffset.UTC).toInstant());
  }
}
