package io.listeningpost.run;

import io.listeningpost.core.Pseudonyms;
import io.listeningpost.core.config.ConfigException;
import io.listeningpost.core.config.ListeningPostConfig;
import io.listeningpost.storage.WarehouseLock;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
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
  abstract List<? extends PlannedStage> stages();

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
        return new RunDays(this, spark, config, log).run(firstRunId, days);
      } finally {
        spark.stop();
      }
    }
  }
}
