package io.listeningpost.run;

import io.listeningpost.core.Pseudonyms;
import io.listeningpost.core.TableCounts;
import io.listeningpost.core.config.ConfigException;
import io.listeningpost.core.config.ListeningPostConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import io.listeningpost.stage.StageContext;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Mixin;

/**
 * Shared life cycle of the commands that run stages: validate the config before Spark starts, run,
 * record the run in {@code _runs} whatever happened, and print a plain summary.
 */
abstract class DataCommand implements Callable<Integer> {
  static final int OK = 0;
  static final int FAILED = 1;
  static final int BAD_CONFIG = 2;

  @Mixin
  CommonOptions options;

  abstract String job();

  /** Runs the command's stages; returns what each did, for the summary and {@code _runs}. */
  abstract RunOutcome stages(StageContext ctx) throws Exception;

  @Override
  public Integer call() {
    ListeningPostConfig config;
    LocalDate date;
    try {
      config = options.load();
      date = options.runDate(config);
      // The key is read now, so that a missing one stops the run before Spark starts; ingest reads it again.
      Pseudonyms.of(config.privacy(), System.getenv());
    } catch (ConfigException e) {
      System.err.println(e.getMessage());
      return BAD_CONFIG;
    }
    Instant started = Instant.now();
    String runId = RunRecorder.newRunId(job(), started);
    SparkSession spark = SparkSessions.create(config, "listening-post " + job() + " " + runId);
    RunOutcome result = null;
    String status = "SUCCEEDED";
    String message = null;
    StageContext ctx = StageContext.of(spark, config, runId, date);
    try {
      List<String> recovered = ctx.warehouse().publisher().recover();
      recovered.forEach(r -> System.err.println("Warehouse: " + r));
      result = stages(ctx);
      List<String> mismatches = result.tables().stream().filter(c -> !c.reconciles()).map(TableCounts::mismatch)
          .toList();
      if (!mismatches.isEmpty()) {
        status = "FAILED";
        message = "Counts do not reconcile, so rows were lost or made up: " + String.join("; ", mismatches);
      }
      ctx.warehouse().publisher().cleanUp();
    } catch (Exception e) {
      status = "FAILED";
      message = failureMessage(e);
      e.printStackTrace(System.err);
    }
    Instant finished = Instant.now();
    try {
      RunRecorder.record(spark, config, runId, job(), date, status, started, finished, result, message);
      String summary = RunRecorder.summary(job(), runId, date, status, Duration.between(started, finished), config,
          result, message);
      System.out.println(summary);
      System.out.println("  summary kept in " + RunRecorder.keep(config.reports(), runId, summary));
    } catch (Exception e) {
      System.err.println("Could not record the run: " + rootMessage(e));
      status = "FAILED";
    } finally {
      spark.stop();
    }
    return "SUCCEEDED".equals(status) ? OK : FAILED;
  }

  /** What {@code _runs} and the kept summary say of a failure. */
  String failureMessage(Exception e) {
    return "The run failed: " + rootMessage(e);
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (cause: " + t + ")";
  }
}
