package io.listeningpost.graph;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.listeningpost.core.config.ListeningPostConfig;
import io.listeningpost.ingest.IngestStep;
import io.listeningpost.stage.StageContext;
import io.listeningpost.stage.StageResult;
import io.listeningpost.storage.Tables;
import io.listeningpost.testing.LocalSpark;
import io.listeningpost.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the influencers table says about real Stack Exchange dumps (se-quantumcomputing and
 * se-conlang-meta): names a strategist can read, the site's system account out of the rankings,
 * and growth only where there is a past to grow from.
 */
@Tag("spark")
class GraphOnRealDumpsTest {
  @RegisterExtension
  static final LocalSpark SPARK = new LocalSpark();

  private static ListeningPostConfig config(Path dir, int windowDays, String... dumps) throws Exception {
    Path conf = dir.resolve("job-" + windowDays + ".conf");
    StringBuilder sources = new StringBuilder();
    for (String d : dumps) {
      sources.append("{ format = stackexchange, path = \"").append(SharedData.dataset(d)).append("\" }\n");
    }
    Files.writeString(conf, "warehouse = \"" + dir.resolve("wh") + "\"\nreports = \"" + dir.resolve("reports")
        + "\"\ngraph { window-days = " + windowDays + ", half-life-days = 3650 }\nsources = [\n" + sources + "]\n");
    return ListeningPostConfig.load(conf, ListeningPostConfig.Overrides.none());
  }

  @Test
  void influencersCarryNamesLeaveTheSystemAccountUnrankedAndCallNoOneRisingWithoutAPast(@TempDir Path dir)
      throws Exception {
    // Both dumps in one window that starts before either (quantum computing 2018-03..09, the conlang
    // meta site 2018-02..2020-08, where the system account asked a question).
    LocalDate end = LocalDate.of(2020, 8, 26);
    ListeningPostConfig whole = config(dir, 1000, "se-quantumcomputing", "se-conlang-meta");
    new IngestStep(StageContext.of(SPARK.spark(), whole, "ingest", end)).run();
    StageResult r = new GraphStep(StageContext.of(SPARK.spark(), whole, "graph-whole", end)).run();
    assertThat(r.tables()).allSatisfy(c -> assertThat(c.reconciles()).as(c.mismatch()).isTrue());
    Dataset<Row> infl = SPARK.spark().read().parquet(dir.resolve("wh/influencers").toString());
    Dataset<Row> authors = SPARK.spark().read().parquet(dir.resolve("wh/authors").toString());

    // Every author with a profile name shows that name.
    Dataset<Row> named = infl.join(authors.select(col("author_id"), col("name").as("profile_name")), "author_id")
        .filter(col("profile_name").isNotNull());
    assertThat(named.count()).isGreaterThan(450);
    assertThat(named.filter(col("author_name").isNull().or(col("author_name").notEqual(col("profile_name"))))
        .count()).isZero();

    Row community = infl.filter(col("author_id").equalTo("se-conlang-meta:-1")).first();
    assertThat(community.<String>getAs("author_name")).isEqualTo("Community");
    assertThat(community.<String>getAs("role")).isEqualTo("platform account");
    assertThat(community.<Object>getAs("influence_rank")).isNull();
    assertThat(community.<Boolean>getAs("flagged")).isFalse();
    assertThat(infl.filter(col("role").equalTo("platform account")).select("author_id")
        .as(org.apache.spark.sql.Encoders.STRING()).collectAsList())
        .containsExactlyInAnyOrder("se-conlang-meta:-1", "se-quantumcomputing:-1");

    // The window starts before the dump: there is no past, so no growth and no rising or new voices.
    assertThat(infl.filter(col("growth").isNotNull()).count()).isZero();
    assertThat(infl.filter(col("role").isin("rising voice", "new voice")).count()).isZero();
  }

  @Test
  void aWindowWithAPastTellsRisingVoicesFromNewcomers(@TempDir Path dir) throws Exception {
    LocalDate end = LocalDate.of(2018, 8, 31);
    ListeningPostConfig last60 = config(dir, 60, "se-quantumcomputing");
    new IngestStep(StageContext.of(SPARK.spark(), last60, "ingest", end)).run();
    new GraphStep(StageContext.of(SPARK.spark(), last60, "graph", end)).run();
    Timestamp windowStart = Timestamp.from(end.minusDays(59).atStartOfDay(ZoneOffset.UTC).toInstant());
    Dataset<Row> roles = SPARK.spark().read().parquet(dir.resolve("wh/influencers").toString())
        .join(SPARK.spark().read().parquet(dir.resolve("wh/authors").toString()).select("author_id", "first_seen"),
            "author_id");
    assertThat(roles.filter(col("growth").isNotNull()).count()).isGreaterThan(50);
    // Growth is measured only for authors active before the window; newcomers have none.
    assertThat(roles.filter(col("growth").isNotNull().and(col("first_seen").geq(windowStart))).count()).isZero();
    assertThat(roles.filter(col("role").equalTo("new voice").and(col("first_seen").lt(windowStart))).count()).isZero();
    assertThat(roles.filter(col("role").equalTo("rising voice").and(col("first_seen").geq(windowStart))).count())
        .isZero();
    assertThat(roles.filter(col("role").isin("rising voice", "new voice")).count()).isPositive();
  }
}
