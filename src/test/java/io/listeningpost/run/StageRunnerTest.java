package io.listeningpost.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.listeningpost.core.TableCounts;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Which stages a run runs, skips or leaves out: on a pretend warehouse whose tables get a new version each
 * time a stage writes them, and fingerprints made of those versions, the settings and the run date. No Spark.
 */
class StageRunnerTest {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 29);

  private final Map<String, Integer> warehouse = new HashMap<>();
  private final Map<String, String> settings = new HashMap<>();
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final RunLog log = new RunLog(RunLog.Format.TEXT, new PrintStream(printed, true, StandardCharsets.UTF_8),
      Clock.fixed(Instant.parse("2026-11-30T02:00:00Z"), ZoneOffset.UTC));
  private final StageHistory history = new StageHistory(List.of());

  private final FakeStage ingest = stage(FakeStage.of("ingest", List.of("posts"), List.of("posts")));
  private final FakeStage enrich = stage(FakeStage.of("enrich", List.of("posts", "nlp"), List.of("nlp")));
  private final FakeStage graph = stage(FakeStage.byDate("graph", List.of("posts", "nlp"), List.of("influencers")));
  private final FakeStage topics = stage(FakeStage.byDate("topics", List.of("posts", "nlp"), List.of("topics")));
  private final FakeStage report = stage(FakeStage.byDate("report", List.of("influencers", "topics"),
      List.of("answers")));
  private final List<FakeStage> all = List.of(ingest, enrich, graph, topics, report);
  private final StagePlan plan = StagePlan.of(all);
  private int runs;

  private FakeStage stage(FakeStage s) {
    s.warehouse = warehouse;
    return s;
  }

  /** Inputs: settings, run date for stages that work by date, and the versions of the input tables. */
  private final Fingerprints fingerprints = new Fingerprints() {
    @Override
    public String inputs(PlannedStage stage, LocalDate day) {
      return settings.getOrDefault(stage.id(), "") + (stage.tables().byRunDate() ? day : "")
          + stage.tables().inputs().stream().map(t -> t + "@" + warehouse.getOrDefault(t, 0))
              .collect(Collectors.joining(","));
    }

    @Override
    public String outputs(PlannedStage stage, LocalDate day) {
      return stage.tables().writes().stream().map(t -> t + "@" + warehouse.getOrDefault(t, 0))
          .collect(Collectors.joining(","));
    }
  };

  private RunOutcome night(LocalDate day, boolean reuse, Set<String> forced) {
    runs++;
    return new StageRunner(null, history, fingerprints, log, Clock.systemUTC(), reuse, forced)
        .run(plan, null, "run-" + runs, day);
  }

  private static Map<String, StageStatus> statuses(RunOutcome o) {
    Map<String, StageStatus> m = new java.util.LinkedHashMap<>();
    o.stages().forEach(s -> m.put(s.stage(), s.status()));
    return m;
  }

  private String printed() {
    return printed.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aSecondNightWithNothingNewSkipsEveryStageNamingTheRunWhoseResultStands() {
    RunOutcome first = night(DAY, true, Set.of());
    RunOutcome second = night(DAY, true, Set.of());

    assertThat(statuses(first)).containsOnlyKeys("ingest", "enrich", "graph", "topics", "report")
        .allSatisfy((k, v) -> assertThat(v).isEqualTo(StageStatus.SUCCEEDED));
    assertThat(statuses(second).values()).containsOnly(StageStatus.SKIPPED);
    assertThat(second.stages()).extracting(StageRun::reusedRunId).containsOnly("run-1");
    assertThat(ingest.runs).hasSize(1);
    assertThat(printed()).contains("graph: started", "graph: done in",
        "graph: skipped, inputs unchanged since run run-1", "report: skipped, inputs unchanged since run run-1");
    assertThat(RunStatus.of(second.stages(), second.quarantineShare(), 0.05)).isEqualTo(RunStatus.SUCCEEDED);
  }

  @Test
  void newSourceFilesRerunIngestAndEveryStageDownstreamOfIt() {
    night(DAY, true, Set.of());
    settings.put("ingest", "one more file in the sources");

    RunOutcome second = night(DAY, true, Set.of());

    assertThat(statuses(second).values()).containsOnly(StageStatus.SUCCEEDED);
  }

  @Test
  void aChangedSettingRerunsItsStageAndWhatReadsItsTables() {
    night(DAY, true, Set.of());
    settings.put("topics", "topics=12");

    RunOutcome second = night(DAY, true, Set.of());

    assertThat(statuses(second)).containsEntry("graph", StageStatus.SKIPPED)
        .containsEntry("topics", StageStatus.SUCCEEDED).containsEntry("report", StageStatus.SUCCEEDED);
  }

  @Test
  void rerunForcesTheStageAndTheStagesReadingWhatItRewroteFollow() {
    night(DAY, true, Set.of());

    RunOutcome second = night(DAY, true, Set.of("graph"));

    assertThat(statuses(second)).containsExactly(Map.entry("ingest", StageStatus.SKIPPED),
        Map.entry("enrich", StageStatus.SKIPPED), Map.entry("graph", StageStatus.SUCCEEDED),
        Map.entry("topics", StageStatus.SKIPPED), Map.entry("report", StageStatus.SUCCEEDED));
    assertThat(graph.runs).hasSize(2);
  }

  @Test
  void aStageByRunDateRunsForEachNewDateWhileStagesOfWholeTablesDoNot() {
    night(DAY, true, Set.of());

    RunOutcome nextDay = night(DAY.plusDays(1), true, Set.of());
    RunOutcome firstDayAgain = night(DAY, true, Set.of());

    assertThat(statuses(nextDay)).containsExactly(Map.entry("ingest", StageStatus.SKIPPED),
        Map.entry("enrich", StageStatus.SKIPPED), Map.entry("graph", StageStatus.SUCCEEDED),
        Map.entry("topics", StageStatus.SUCCEEDED), Map.entry("report", StageStatus.SUCCEEDED));
    // The pretend tables are not partitioned, so the next day's writes count as changed outputs of the first.
    assertThat(statuses(firstDayAgain)).containsEntry("ingest", StageStatus.SKIPPED)
        .containsEntry("graph", StageStatus.SUCCEEDED);
  }

  @Test
  void aStageWhoseOutputsChangedSinceItsRunRunsAgain() {
    night(DAY, true, Set.of());
    warehouse.merge("influencers", 1, Integer::sum); // rewritten or deleted behind the run's back

    RunOutcome second = night(DAY, true, Set.of());

    assertThat(statuses(second)).containsEntry("graph", StageStatus.SUCCEEDED)
        .containsEntry("topics", StageStatus.SKIPPED).containsEntry("report", StageStatus.SUCCEEDED);
  }

  @Test
  void commandsThatDoNotReuseRunEveryStageButRecordThemForTheNextNight() {
    night(DAY, false, Set.of());
    RunOutcome again = night(DAY, false, Set.of());
    RunOutcome nightly = night(DAY, true, Set.of());

    assertThat(statuses(again).values()).containsOnly(StageStatus.SUCCEEDED);
    assertThat(statuses(nightly).values()).containsOnly(StageStatus.SKIPPED);
    assertThat(nightly.stages()).extracting(StageRun::reusedRunId).containsOnly("run-2");
  }

  @Test
  void aDisabledStageIsPassedOverAndTheStagesReadingItsTablesRunOnWhatTheyHold() {
    enrich.disabledBy = "enrich.enabled = false";

    RunOutcome o = night(DAY, true, Set.of());

    assertThat(statuses(o)).containsExactly(Map.entry("ingest", StageStatus.SUCCEEDED),
        Map.entry("enrich", StageStatus.DISABLED), Map.entry("graph", StageStatus.SUCCEEDED),
        Map.entry("topics", StageStatus.SUCCEEDED), Map.entry("report", StageStatus.SUCCEEDED));
    assertThat(printed()).contains("enrich: disabled (enrich.enabled = false)");
    assertThat(RunStatus.of(o.stages(), OptionalDouble.empty(), 0.05)).isEqualTo(RunStatus.SUCCEEDED);
  }

  @Test
  void aFailedStageBlocksWhatReadsItsTablesAndTheRestStillRuns() {
    graph.failure = new IllegalStateException("out of edges");

    RunOutcome o = night(DAY, true, Set.of());

    assertThat(statuses(o)).containsExactly(Map.entry("ingest", StageStatus.SUCCEEDED),
        Map.entry("enrich", StageStatus.SUCCEEDED), Map.entry("graph", StageStatus.FAILED),
        Map.entry("topics", StageStatus.SUCCEEDED), Map.entry("report", StageStatus.BLOCKED));
    assertThat(o.stages().get(2).message()).isEqualTo("out of edges");
    assertThat(o.stages().get(4).describe())
        .isEqualTo("report: not run, it reads what graph writes, and that did not succeed");
    assertThat(RunStatus.of(o.stages(), OptionalDouble.empty(), 0.05)).isEqualTo(RunStatus.FAILED);

    graph.failure = null;
    RunOutcome retry = night(DAY, true, Set.of());
    assertThat(statuses(retry)).containsExactly(Map.entry("ingest", StageStatus.SKIPPED),
        Map.entry("enrich", StageStatus.SKIPPED), Map.entry("graph", StageStatus.SUCCEEDED),
        Map.entry("topics", StageStatus.SKIPPED), Map.entry("report", StageStatus.SUCCEEDED));
  }

  @Test
  void countsThatDoNotReconcileFailTheStageSoTheNextRunDoesNotTrustIt() {
    ingest.counts = new TableCounts("posts", 10, 7, 1, 1);

    RunOutcome o = night(DAY, true, Set.of());
    ingest.counts = new TableCounts("posts", 10, 8, 1, 1);
    RunOutcome next = night(DAY, true, Set.of());

    assertThat(statuses(o)).containsEntry("ingest", StageStatus.FAILED).containsEntry("enrich", StageStatus.BLOCKED);
    assertThat(o.stages().get(0).message()).contains("posts: 1 rows missing");
    assertThat(statuses(next)).containsEntry("ingest", StageStatus.SUCCEEDED);
  }
}
