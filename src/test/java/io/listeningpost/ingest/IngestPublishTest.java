package io.listeningpost.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.listeningpost.core.TableCounts;
import io.listeningpost.core.config.ListeningPostConfig;
import io.listeningpost.stage.StageContext;
import io.listeningpost.stage.StageResult;
import io.listeningpost.storage.Tables;
import io.listeningpost.storage.TablePublisher;
import io.listeningpost.testing.LocalSpark;
import io.listeningpost.testing.SampleJobs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A crash during an ingest's publish loses nothing, and a row lost on the way fails the run's counts. */
@Tag("spark")
class IngestPublishTest {
  @RegisterExtension
  static final LocalSpark SPARK = new LocalSpark();

  private static final LocalDate DATE = LocalDate.of(2026, 11, 21);
  private static final List<String> TABLES = List.of(Tables.POSTS, Tables.INTERACTIONS, Tables.AUTHORS,
      Tables.QUARANTINE);

  private static ListeningPostConfig nightly(Path warehouse) {
    return SampleJobs.perFormatSamples(warehouse);
  }

  private static final class Crash extends IOException {
    Crash(String step) {
      super("crashed at " + step);
    }
  }

  @ParameterizedTest(name = "crash at \"{0}\"")
  @ValueSource(strings = {"recorded posts", "moved aside dt=2026-11-20", "moved in dt=2026-11-19", "recorded authors"})
  void aCrashAnywhereInThePublishIsRecoveredAndTheRerunMatchesAnUninterruptedRun(String step, @TempDir Path dir)
      throws Exception {
    // The warehouse holds the samples; ingesting them again crashes part-way through publishing.
    Path clean = cleanWarehouse();
    Path crashed = dir.resolve("crashed");
    new IngestStep(StageContext.of(SPARK.spark(), nightly(crashed), "run-1", DATE)).run();

    TablePublisher.StepHook crash = reached -> {
      if (reached.equals(step)) {
        throw new Crash(reached);
      }
    };
    assertThatThrownBy(() -> new IngestStep(StageContext.of(SPARK.spark(), nightly(crashed), "run-2", DATE, crash))
        .run()).hasRootCauseInstanceOf(Crash.class);
    // Whatever was published is readable as it stands, before any recovery.
    for (String t : TABLES) {
      if (Files.isDirectory(crashed.resolve(t))) {
        SPARK.spark().read().parquet(crashed.resolve(t).toString()).count();
      }
    }
    StageContext next = StageContext.of(SPARK.spark(), nightly(crashed), "run-3", DATE);
    next.warehouse().publisher().recover();
    StageResult rerun = new IngestStep(next).run();

    assertThat(rerun.tables()).allSatisfy(c -> assertThat(c.reconciles()).as(c.mismatch()).isTrue());
    for (String t : TABLES) {
      LocalSpark.assertSameRows(withoutRunId(clean, t), withoutRunId(crashed, t));
    }
    assertThat(crashed.resolve("_commits").toFile().list()).isNullOrEmpty();
  }

  @Test
  void aStagedFileLostBeforePublishFailsThePostsCountsByTheRowsItHeld(@TempDir Path dir) throws Exception {
    Path wh = dir.resolve("wh");
    long[] lost = {0};
    StageContext[] ctx = new StageContext[1];
    TablePublisher.StepHook loseAFile = reached -> {
      if (reached.equals("staged posts")) {
        Path staged = Path.of(ctx[0].warehouse().publisher().stagingOf(Tables.POSTS).toUri().getPath());
        Path file;
        try (Stream<Path> files = Files.walk(staged)) {
          file = files.filter(f -> f.getFileName().toString().endsWith(".parquet")).sorted().findFirst().orElseThrow();
        }
        lost[0] = SPARK.spark().read().parquet(file.toString()).count();
        Files.delete(file);
      }
    };
    ctx[0] = StageContext.of(SPARK.spark(), nightly(wh), "run-1", DATE, loseAFile);
    StageResult r = new IngestStep(ctx[0]).run();

    TableCounts posts = r.counts(Tables.POSTS);
    assertThat(lost[0]).isPositive();
    assertThat(posts.reconciles()).isFalse();
    assertThat(posts.unaccounted()).isEqualTo(lost[0]);
    assertThat(posts.mismatch()).startsWith("posts: " + lost[0] + " rows missing");
    assertThat(r.counts(Tables.INTERACTIONS).reconciles()).isTrue();
  }

  @TempDir
  static Path shared;
  private static Path clean;

  /** The samples ingested twice without a stop: what every crashed warehouse must end up as. */
  private static synchronized Path cleanWarehouse() throws Exception {
    if (clean == null) {
      Path wh = shared.resolve("clean");
      new IngestStep(StageContext.of(SPARK.spark(), nightly(wh), "run-1", DATE)).run();
      new IngestStep(StageContext.of(SPARK.spark(), nightly(wh), "run-2", DATE)).run();
      clean = wh;
    }
    return clean;
  }

  private static Dataset<Row> withoutRunId(Path warehouse, String table) {
    return SPARK.spark().read().parquet(warehouse.resolve(table).toString()).drop(Tables.RUN_ID);
  }
}
