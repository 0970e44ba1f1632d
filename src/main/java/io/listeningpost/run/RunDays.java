package io.listeningpost.run;

import io.listeningpost.core.Redaction;
import io.listeningpost.core.config.ListeningPostConfig;
import io.listeningpost.stage.StageContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;

/**
 * The days of one command line on one SparkSession: for each, complete any publish a stopped run left, run
 * the planned stages, record the run in {@code _runs} and print its summary. Kept apart from
 * {@link DataCommand} because picocli reads every command's method signatures, and a SparkSession in one
 * would load Spark for every command line, {@code status} included.
 */
final class RunDays {
  private final DataCommand command;
  private final SparkSession spark;
  private final ListeningPostConfig config;
  private final RunLog log;

  RunDays(DataCommand command, SparkSession spark, ListeningPostConfig config, RunLog log) {
    this.command = command;
    this.spark = spark;
    this.config = config;
    this.log = log;
  }

  /** Runs each day in turn, a backfill stopping at the first failed day; returns the exit code. */
  int run(String firstRunId, List<LocalDate> days) {
    StageHistory history = history(firstRunId, days.get(0));
    if (days.size() == 1) {
      return runDay(history, firstRunId, days.get(0)).status().exitCode();
    }
    Backfill backfill = new Backfill(days);
    for (int i = 0; i < days.size(); i++) {
      log.day(i + 1, days.size(), days.get(i));
      String runId = i == 0 ? firstRunId : RunRecorder.newRunId(command.job(), Instant.now());
      DayResult day = runDay(history, runId, days.get(i));
      backfill.add(day);
      if (day.status() == RunStatus.FAILED) {
        break;
      }
    }
    log.text(backfill.table());
    log.backfillEnd(backfill.status(), backfill.status().exitCode(), backfill.json());
    return backfill.status().exitCode();
  }

  private StageHistory history(String runId, LocalDate day) {
    if (!command.reusesUnchangedStages()) {
      return new StageHistory(List.of());
    }
    try {
      return StageHistory.load(spark, StageContext.of(spark, config, runId, day).warehouse());
    } catch (RuntimeException e) {
      log.warning("cannot read the earlier runs' stages from _runs, so every stage runs: "
          + StageRunner.rootMessage(e));
      return new StageHistory(List.of());
    }
  }

  /** One day's run, recorded in {@code _runs} under its own run id. */
  record DayResult(LocalDate day, String runId, RunStatus status, RunOutcome outcome, Duration took) {}

  private DayResult runDay(StageHistory history, String runId, LocalDate day) {
    Instant started = Instant.now();
    StagePlan plan = StagePlan.of(command.stages());
    log.runStart(command.job(), runId, day, config.origin(), plan.order().stream().map(PlannedStage::id).toList());
    StageContext ctx = StageContext.of(spark, config, runId, day);
    RunOutcome outcome = null;
    RunStatus status;
    String message = null;
    try {
      ctx.warehouse().publisher().recover().forEach(r -> log.warning("warehouse: " + r));
      Fingerprints fingerprints = new StageFingerprints(config, spark.sparkContext().hadoopConfiguration(),
          StageFingerprints.codeIdentity());
      outcome = new StageRunner(config, history, fingerprints, log, Clock.systemUTC(),
          command.reusesUnchangedStages(), command.forcedStages()).run(plan, ctx, runId, day);
      status = RunStatus.of(outcome.stages(), outcome.quarantineShare(), config.run().maxQuarantineShare());
      String failures = outcome.stages().stream()
          .filter(s -> s.status() == StageStatus.FAILED || s.status() == StageStatus.BLOCKED)
          .map(StageRun::describe).collect(Collectors.joining("\n"));
      message = failures.isEmpty() ? null : failures;
      if (status == RunStatus.PARTIAL) {
        log.warning(String.format(Locale.ROOT, "%.2f%% of the posts read were quarantined, more than "
            + "run.max-quarantine-share = %.2f%%: the run is PARTIAL", outcome.quarantineShare().getAsDouble() * 100,
            config.run().maxQuarantineShare() * 100));
      }
      ctx.warehouse().publisher().cleanUp();
    } catch (Exception e) {
      status = RunStatus.FAILED;
      message = "The run failed: " + StageRunner.rootMessage(e);
      System.err.print(Redaction.stackTrace(e));
    }
    Instant finished = Instant.now();
    Duration took = Duration.between(started, finished);
    String kept = null;
    try {
      RunRecorder.record(spark, config, runId, command.job(), day, status.name(), started, finished, outcome, message);
      String summary = RunRecorder.summary(command.job(), runId, day, status.name(), took, config, outcome, message);
      kept = RunRecorder.keep(config.reports(), runId, summary).toString();
      log.text(summary);
      log.text("  summary kept in " + kept);
    } catch (Exception e) {
      System.err.println("Could not record the run: " + Redaction.mask(StageRunner.rootMessage(e)));
      log.warning("could not record the run: " + Redaction.mask(StageRunner.rootMessage(e)));
      status = RunStatus.FAILED;
    }
    String report = report(config, day, outcome);
    log.runEnd(status, status.exitCode(), took.toMillis(), report, kept);
    if (report != null) {
      log.text("Report: " + report);
    }
    return new DayResult(day, runId, status, outcome, took);
  }

  /** The run date's report page, when the report stage made it or found it unchanged; else null. */
  private static String report(ListeningPostConfig config, LocalDate day, RunOutcome outcome) {
    if (outcome == null) {
      return null;
    }
    boolean reported = outcome.stages().stream().anyMatch(s -> s.stage().equals(PipelineStage.REPORT.id())
        && (s.status() == StageStatus.SUCCEEDED || s.status() == StageStatus.SKIPPED));
    Path page = PipelineStage.REPORT.files(config, day).get(0);
    return reported && Files.isRegularFile(page) ? page.toAbsolutePath().normalize().toString() : null;
  }
}
