package io.listeningpost.run;

import io.listeningpost.core.Pseudonyms;
import io.listeningpost.core.Redaction;
import io.listeningpost.core.config.ConfigException;
import io.listeningpost.core.config.ListeningPostConfig;
import io.listeningpost.stage.StageContext;
import io.listeningpost.storage.WarehouseLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Shared life cycle of the commands that run stages: validate the config and the command line before
 * anything starts, lock the warehouse, start Spark, and for each run date complete any publish a stopped run
 * left, run the planned stages (skipping unchanged ones where the command allows), record the run in
 * {@code _runs} whatever happened, and print a plain summary; then release the lock.
 */
@Command(exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILED_LINE,
    ExitCodes.USAGE_LINE, ExitCodes.PARTIAL_LINE, ExitCodes.LOCKED_LINE})
abstract class DataCommand implements Callable<Integer> {
  static final int OK = ExitCodes.OK;
  static final int FAILED = ExitCodes.FAILED;
  static final int BAD_CONFIG = ExitCodes.USAGE;

  @Mixin
  CommonOptions options;

  @Mixin
  LogOptions logOptions;

  abstract String job();

  /** The stages the command runs; they are ordered by what they read and write. */
  abstract List<PipelineStage> stages();

  /** Whether a stage whose inputs have not changed since it last succeeded is skipped; the nightly's choice. */
  boolean reusesUnchangedStages() {
    return false;
  }

  /** Stages to run even when unchanged. */
  Set<String> forcedStages() {
    return Set.of();
  }

  /** The run dates, checked before anything starts: one by default; a backfill's days for the nightly. */
  List<LocalDate> runDates(ListeningPostConfig config) {
    return List.of(options.runDate(config));
  }

  @Override
  public Integer call() {
    RunLog log = new RunLog(logOptions.format, System.out, Clock.systemUTC());
    ListeningPostConfig config;
    List<LocalDate> days;
    try {
      config = options.load();
      days = runDates(config);
      // The key is read now, so that a missing one stops the run before Spark starts; ingest reads it again.
      Pseudonyms.of(config.privacy(), System.getenv());
    } catch (ConfigException e) {
      System.err.println(e.getMessage());
      return ExitCodes.USAGE;
    }
    String firstRunId = RunRecorder.newRunId(job(), Instant.now());
    String what = job() + " " + days.get(0) + (days.size() > 1 ? ".." + days.get(days.size() - 1) : "");
    WarehouseLock lock;
    try {
      lock = WarehouseLock.acquire(config.warehouse(), new Configuration(), firstRunId, what,
          config.run().lockStaleAfter());
    } catch (WarehouseLock.LockedException e) {
      System.err.println(e.getMessage());
      if (log.format() == RunLog.Format.JSON) {
        log.warning(e.getMessage());
      }
      return ExitCodes.LOCKED;
    }
    try (lock) {
      lock.takeOverNote().ifPresent(n -> log.warning("warehouse " + config.warehouse() + ": " + n));
      SparkSession spark = SparkSessions.create(config, "listening-post " + job() + " " + firstRunId);
      try {
        StageHistory history = history(spark, config, firstRunId, days.get(0), log);
        return runDays(spark, config, history, firstRunId, days, log);
      } finally {
        spark.stop();
      }
    }
  }

  private int runDays(SparkSession spark, ListeningPostConfig config, StageHistory history, String firstRunId,
      List<LocalDate> days, RunLog log) {
    if (days.size() == 1) {
      return runDay(spark, config, history, firstRunId, days.get(0), log).status().exitCode();
    }
    Backfill backfill = new Backfill(days);
    for (int i = 0; i < days.size(); i++) {
      log.day(i + 1, days.size(), days.get(i));
      String runId = i == 0 ? firstRunId : RunRecorder.newRunId(job(), Instant.now());
      DayResult day = runDay(spark, config, history, runId, days.get(i), log);
      backfill.add(day);
      if (day.status() == RunStatus.FAILED) {
        break;
      }
    }
    log.text(backfill.table());
    log.backfillEnd(backfill.status(), backfill.status().exitCode(), backfill.json());
    return backfill.status().exitCode();
  }

  private StageHistory history(SparkSession spark, ListeningPostConfig config, String runId, LocalDate day,
      RunLog log) {
    if (!reusesUnchangedStages()) {
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

  private DayResult runDay(SparkSession spark, ListeningPostConfig config, StageHistory history, String runId,
      LocalDate day, RunLog log) {
    Instant started = Instant.now();
    StagePlan plan = StagePlan.of(stages());
    log.runStart(job(), runId, day, config.origin(), plan.order().stream().map(PlannedStage::id).toList());
    StageContext ctx = StageContext.of(spark, config, runId, day);
    RunOutcome outcome = null;
    RunStatus status;
    String message = null;
    try {
      ctx.warehouse().publisher().recover().forEach(r -> log.warning("warehouse: " + r));
      Fingerprints fingerprints = new StageFingerprints(config, spark.sparkContext().hadoopConfiguration(),
          StageFingerprints.codeIdentity());
      outcome = new StageRunner(config, history, fingerprints, log, Clock.systemUTC(), reusesUnchangedStages(),
          forcedStages()).run(plan, ctx, runId, day);
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
      RunRecorder.record(spark, config, runId, job(), day, status.name(), started, finished, outcome, message);
      String summary = RunRecorder.summary(job(), runId, day, status.name(), took, config, outcome, message);
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
