package io.listeningpost.alerts;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.listeningpost.core.TableCounts;
import io.listeningpost.core.config.ListeningPostConfig;
import io.listeningpost.core.config.WatchTerm;
import io.listeningpost.enrich.WatchedTerms;
import io.listeningpost.stage.StageContext;
import io.listeningpost.stage.StageResult;
import io.listeningpost.storage.Tables;
import io.listeningpost.testing.LocalSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alerts stage on a named fixture: a candidate's complaint about Acme on 18 March picked up by
 * replies and shares over three days, a spike of negative posts about Acme on the run date (20 March)
 * after two quiet weeks, and posts that must not alert (a happy candidate, a complaint about a competitor,
 * a complaint older than the lookback window).
 */
@Tag("spark")
class AlertsStepTest {
  @RegisterExtension
  static final LocalSpark SPARK = new LocalSpark();

  private static final LocalDate RUN_DATE = LocalDate.of(2026, 3, 20);
  private static final List<WatchTerm> WATCH = List.of(new WatchTerm("Acme", WatchTerm.BRAND, List.of()),
      new WatchTerm("Globex", WatchTerm.COMPETITOR, List.of()));
  private static final String COMPLAINT = "I interviewed at Acme three weeks ago and was promised feedback within a "
      + "week. Still nothing, and the recruiter stopped answering my emails. Candidates deserve better.";

  private final List<Row> posts = new ArrayList<>();
  private final List<Row> nlp = new ArrayList<>();
  private final List<Row> interactions = new ArrayList<>();
  private final List<Row> influencers = new ArrayList<>();

  private static ListeningPostConfig config(Path dir) throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    Path conf = dir.resolve("job.conf");
    Files.writeString(conf, "warehouse = \"" + dir.resolve("wh") + "\"\nreports = \"" + dir.resolve("reports")
        + "\"\nsources = [ { format = reddit, path = \"" + in + "\" } ]\nwatch = [ { name = Acme }, "
        + "{ name = Globex, kind = competitor } ]\nalerts { spike-z = 3.0, spike-min-posts = 5 }\n");
    return ListeningPostConfig.load(conf, ListeningPostConfig.Overrides.none());
  }

  private void post(String id, String author, LocalDateTime at, String text, double sentiment, String parent) {
    Timestamp ts = Timestamp.from(at.toInstant(ZoneOffset.UTC));
    Date dt = Date.valueOf(at.toLocalDate());
    posts.add(RowFactory.create("reddit", "recruiting", id, parent, parent == null ? id : parent,
        parent == null ? "submission" : "comment", author, author, ts, null, null, text, false,
        "https://reddit.example/" + id, 1L, 0L, 0L, new String[0], new String[0], new String[0], "en", false,
        "fixture", id, "ingest", dt));
    List<Row> watched = new WatchedTerms(WATCH).find(text).stream()
        .map(m -> RowFactory.create(m.term(), m.kind(), m.matched())).toList();
    String label = sentiment < -0.2 ? "negative" : sentiment > 0.2 ? "positive" : "neutral";
    Row sentence = RowFactory.create(0, text.length(), label, sentiment, null, "fixture");
    nlp.add(RowFactory.create("reddit", "recruiting", id, author, ts, "h" + id, "en", "declared", true, null, label,
        sentiment, null, "fixture", new Row[] {sentence}, new String[0], new String[0], new Row[0], false,
        new String[0], watched.toArray(new Row[0]), "fixture", "enrich", "ingest", dt));
  }

  private void interaction(String from, String kind, String postId, String target, LocalDateTime at) {
    interactions.add(RowFactory.create("reddit", from, null, kind, postId, target, "recruiting",
        Timestamp.from(at.toInstant(ZoneOffset.UTC)), "ingest", Date.valueOf(at.toLocalDate())));
  }

  private void influencer(String author, long reach, String role, LocalDate dt) {
    Object[] v = new Object[Tables.INFLUENCERS_SCHEMA.size()];
    v[0] = "reddit";
    v[1] = author;
    v[2] = author;
    v[17] = reach;
    v[5] = null;
    v[6] = role;
    v[31] = "graph";
    v[32] = Date.valueOf(dt);
    influencers.add(RowFactory.create(v));
  }

  private void write(Path wh, String table, List<Row> rows) {
    SPARK.spark().createDataFrame(rows, Tables.schemaOf(table)).write().partitionBy("dt")
        .parquet(wh.resolve(table).toString());
  }

  @Test
  void aSpreadingComplaintAndASpikeAreAlertedWithCountsThatReconcile(@TempDir Path dir) throws Exception {
    LocalDateTime noon = RUN_DATE.atTime(12, 0);
    // Two quiet weeks: a negative post about Acme every other day.
    for (int d = 14; d >= 1; d--) {
      if (d % 2 == 0) {
        post("quiet" + d, "grumbler" + d, noon.minusDays(d), "Acme's parking is a mess again today.", -0.6, null);
      }
    }
    // The run date: nine negative posts about Acme, one of them picked up.
    for (int i = 0; i < 9; i++) {
      post("storm" + i, "angry" + i, noon.plusMinutes(i), "Acme's website has been down all day, terrible.", -0.7,
          null);
    }
    interaction("angry0", "reply", "storm-reply", "storm3", noon.plusHours(2));
    // The complaint, on 18 March, with replies on the 18th and 19th, shares on the 20th, a quote on the 21st.
    post("c1", "cand", noon.minusDays(2), COMPLAINT, -0.4, null);
    interaction("r1", "reply", "c1-r1", "c1", noon.minusDays(2).plusHours(1));
    interaction("r2", "reply", "c1-r2", "c1", noon.minusDays(2).plusHours(3));
    interaction("r3", "comment", "c1-r3", "c1", noon.minusDays(1));
    interaction("s1", "share", "c1-s1", "c1", noon.minusHours(3));
    interaction("s2", "share", "c1-s2", "c1", noon.minusHours(1));
    interaction("q1", "quote", "c1-q1", "c1", noon.plusDays(1));
    // Not alerts: a happy candidate, a complaint about a competitor, a complaint before the lookback window.
    post("happy", "glad", noon.minusDays(1), "Interviewed at Acme today, friendly panel and they replied within "
        + "a day. Fingers crossed!", 0.8, null);
    post("other", "sore", noon.minusDays(1), "Globex ghosted me after the final interview. Still waiting, it's been "
        + "a month.", -0.6, null);
    post("old", "late", noon.minusDays(20), COMPLAINT, -0.4, null);
    // The graph's runs: the one of the run date counts, not the week before nor the week after.
    influencer("cand", 40, "regular", RUN_DATE.minusDays(7));
    influencer("cand", 90, "regular", RUN_DATE);
    influencer("cand", 5000, "critic", RUN_DATE.plusDays(7));
    influencer("r1", 12, "regular", RUN_DATE);
    influencer("s2", 30, "rising voice", RUN_DATE);
    Path wh = dir.resolve("wh");
    write(wh, Tables.POSTS, posts);
    write(wh, Tables.POST_NLP, nlp);
    write(wh, Tables.INTERACTIONS, interactions);
    write(wh, Tables.INFLUENCERS, influencers);

    StageResult r = new AlertsStep(StageContext.of(SPARK.spark(), config(dir), "alerts-run", RUN_DATE)).run();

    TableCounts counts = r.counts(Tables.ALERTS);
    assertThat(counts.reconciles()).as(counts.mismatch()).isTrue();
    Dataset<Row> alerts = SPARK.spark().read().parquet(wh.resolve("alerts").toString());
    assertThat(alerts.columns()).containsExactly(Tables.ALERTS_SCHEMA.fieldNames());
    assertThat(alerts.count()).isEqualTo(2).isEqualTo(counts.written());
    assertThat(alerts.filter(col("dt").equalTo(Date.valueOf(RUN_DATE)).and(col("run_id").equalTo("alerts-run"))).count())
        .isEqualTo(2);

    Row complaint = alerts.filter(col("kind").equalTo(AlertRules.CANDIDATE_EXPERIENCE)).first();
    assertThat(complaint.<String>getAs("post_id")).isEqualTo("c1");
    assertThat(complaint.<String>getAs("watched_term")).isEqualTo("Acme");
    assertThat(complaint.<String>getAs("evidence_url")).isEqualTo("https://reddit.example/c1");
    assertThat(COMPLAINT).contains(complaint.<String>getAs("evidence_excerpt"));
    assertThat(complaint.<Long>getAs("author_reach")).isEqualTo(90L);
    assertThat(complaint.<String>getAs("author_role")).isEqualTo("regular");
    // Three replies and two shares by the end of the run date; the next day's quote is not counted yet.
    long pickedUp = interactions.stream().filter(i -> "c1".equals(i.getString(5))
        && !i.getTimestamp(7).toInstant().isAfter(RUN_DATE.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)))
        .count();
    assertThat(complaint.<Long>getAs("replies") + complaint.<Long>getAs("quotes") + complaint.<Long>getAs("shares"))
        .isEqualTo(pickedUp).isEqualTo(5);
    assertThat(complaint.<Long>getAs("replies")).isEqualTo(3);
    assertThat(complaint.<Long>getAs("shares")).isEqualTo(2);
    assertThat(complaint.<Long>getAs("quotes")).isZero();
    assertThat(complaint.<Long>getAs("spread_authors")).isEqualTo(5);
    assertThat(complaint.<Long>getAs("spread_reach")).isEqualTo(12 + 30);
    // Picked up, but below alerts.high-spread and by an author of modest reach: medium.
    assertThat(complaint.<String>getAs("severity")).isEqualTo(AlertRules.MEDIUM);
    assertThat(complaint.<String>getAs("next_step")).contains("recruiting lead");
    assertThat(complaint.<String>getAs("reason")).contains("Acme");

    Row spike = alerts.filter(col("kind").equalTo(AlertRules.SPIKE)).first();
    assertThat(spike.isNullAt(spike.fieldIndex("post_id"))).isTrue();
    assertThat(spike.<String>getAs("watched_term")).isEqualTo("Acme");
    // Nine posts against the baseline's eight (seven quiet days and the complaint) in 14 days; its deviation is
    // below the floor of 1, so z = 9 - 8/14, past twice spike-z.
    assertThat(spike.<Double>getAs("score")).isCloseTo(9 - 8 / 14.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(spike.<String>getAs("severity")).isEqualTo(AlertRules.HIGH);
    assertThat(spike.<String>getAs("evidence_url")).isEqualTo("https://reddit.example/storm3");
    assertThat(spike.<Long>getAs("replies")).isEqualTo(1);
    assertThat(spike.<String>getAs("community")).isEqualTo("recruiting");
    assertThat(spike.isNullAt(spike.fieldIndex("author_reach"))).isTrue();
  }

  @Test
  void noPostsGiveAnEmptyTableWithItsSchemaAndANote(@TempDir Path dir) throws Exception {
    StageResult r = new AlertsStep(StageContext.of(SPARK.spark(), config(dir), "empty-run", RUN_DATE)).run();

    assertThat(r.counts(Tables.ALERTS)).isEqualTo(new TableCounts(Tables.ALERTS, 0, 0, 0, 0));
    assertThat(r.notes()).anyMatch(n -> n.contains("the alerts table is empty"));
    Dataset<Row> alerts = SPARK.spark().read().parquet(dir.resolve("wh/alerts").toString());
    assertThat(alerts.columns()).containsExactly(Tables.ALERTS_SCHEMA.fieldNames());
    assertThat(alerts.count()).isZero();
  }
}
