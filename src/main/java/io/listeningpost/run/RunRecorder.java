package io.listeningpost.run;

import io.listeningpost.stage.StageResult;
import io.listeningpost.core.CodeVersion;
import io.listeningpost.core.Redaction;
import io.listeningpost.core.TableCounts;
import io.listeningpost.storage.AtomicFiles;
import io.listeningpost.storage.TablePublisher;
import io.listeningpost.storage.Tables;
import io.listeningpost.storage.Warehouse;
import io.listeningpost.core.config.ListeningPostConfig;
import io.listeningpost.core.config.SourceSpec;
import io.listeningpost.ingest.IngestStep;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * Records each run in the {@code _runs} table and tells the analyst, in plain words, what happened.
 * Locations are masked ({@link Redaction}) wherever they are printed or recorded: a source, warehouse or
 * master URL may carry a password or a token.
 */
public final class RunRecorder {
  private static final DateTimeFormatter RUN_ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private RunRecorder() {}

  public static String newRunId(String job, Instant started) {
    byte[] rnd = new byte[2];
    ThreadLocalRandom.current().nextBytes(rnd);
    return RUN_ID_TIME.format(started) + "-" + job + "-" + HexFormat.of().formatHex(rnd);
  }

  /** Appends the run's row to {@code _runs}. */
  public static void record(SparkSession spark, ListeningPostConfig config, String runId, String job, LocalDate date,
      String status, Instant started, Instant finished, RunOutcome outcome, String message) {
    Row row = row(config, runId, job, date, status, started, finished, outcome, message);
    spark.sparkContext().setJobGroup("run:record", "Record run " + runId + " in _runs", false);
    // One file, renamed in whole: a run stopped while recording itself leaves no row and no debris in _runs.
    new Warehouse(spark, config.warehouse(), config.rowsPerFile(), runId, TablePublisher.StepHook.NONE)
        .append(Tables.RUNS, spark.createDataFrame(List.of(row), Tables.RUNS_SCHEMA).coalesce(1));
  }

  /** The run's {@code _runs} row, its sources, master and message masked. */
  static Row row(ListeningPostConfig config, String runId, String job, LocalDate date, String status, Instant started,
      Instant finished, RunOutcome outcome, String message) {
    List<Row> counts = new ArrayList<>();
    TableCounts files = outcome == null ? null : outcome.counts(IngestStep.FILES);
    if (outcome != null) {
      for (TableCounts c : outcome.tables()) {
        counts.add(RowFactory.create(c.table(), c.read(), c.written(), c.deduplicated(), c.quarantined(),
            c.removed()));
      }
    }
    List<Row> stages = new ArrayList<>();
    if (outcome != null) {
      for (StageRun r : outcome.stages()) {
        stages.add(RowFactory.create(r.stage(), r.status().name(), r.inputs(), r.outputs(), r.reusedRunId(),
            r.millis(), Timestamp.from(r.finishedAt()), recordedMessage(r)));
      }
    }
    List<String> sources = config.sources().stream()
        .map(s -> s.format().configName() + "=" + Redaction.mask(s.path())).toList();
    return RowFactory.create(runId, job, Date.valueOf(date), status, Timestamp.from(started),
        Timestamp.from(finished), Duration.between(started, finished).toMillis(), config.hash(), CodeVersion.current(),
        (long) Tables.SCHEMA_VERSION, Redaction.mask(config.sparkMaster()), sources.toArray(new String[0]),
        files == null ? null : files.written(), files == null ? null : files.deduplicated(),
        counts.toArray(new Row[0]), Redaction.mask(message), outcome == null ? null : stages.toArray(new Row[0]));
  }

  /**
   * The closing summary printed at the end of a run and kept under the reports folder; every location in
   * it (sources, outputs, paths quoted by a message) is masked.
   */
  public static String summary(String job, String runId, LocalDate date, String status, Duration took,
      ListeningPostConfig config, RunOutcome outcome, String message) {
    return Redaction.mask(plainSummary(job, runId, date, status, took, config, outcome, message));
  }

  private static String plainSummary(String job, String runId, LocalDate date, String status, Duration took,
      ListeningPostConfig config, RunOutcome outcome, String message) {
    StringBuilder sb = new StringBuilder();
    sb.append("\nListening Post ").append(job).append(" — ").append(status).append(" in ")
        .append(String.format("%.1f s", took.toMillis() / 1000.0)).append('\n');
    sb.append("  run ").append(runId).append(", date ").append(date).append(", config ").append(config.origin());
    config.commandLineSettings().forEach(setting -> sb.append(" --conf ").append(setting));
    sb.append('\n');
    sb.append("  sources:");
    for (SourceSpec s : config.sources()) {
      sb.append(' ').append(s.name()).append('=').append(s.path());
    }
    sb.append('\n');
    if (message != null) {
      sb.append("\n  ").append(message.replace("\n", "\n  ")).append('\n');
    }
    if (outcome == null) {
      return sb.toString();
    }
    sb.append("\n  stages:\n");
    outcome.stages().forEach(r -> sb.append("    ").append(r.describe()).append('\n'));
    outcome.quarantineShare().ifPresent(share -> sb.append(String.format(Locale.ROOT,
        "  posts quarantined: %.2f%% of those read (run.max-quarantine-share = %.2f%%)%s%n", share * 100,
        config.run().maxQuarantineShare() * 100, share > config.run().maxQuarantineShare() ? ": PARTIAL" : "")));
    if (outcome.steps().isEmpty()) {
      return sb.toString();
    }
    // The removed column only for runs that removed rows (forget, retain), so other summaries read as before.
    boolean removals = outcome.tables().stream().anyMatch(c -> c.removed() != 0);
    sb.append('\n').append(String.format("  %-18s %12s %12s %13s %12s%s %s%n", "table", "read", "written",
        "deduplicated", "quarantined", removals ? String.format(" %12s", "removed") : "", "check"));
    for (TableCounts c : outcome.tables()) {
      sb.append(String.format("  %-18s %,12d %,12d %,13d %,12d%s %s%n", c.table(), c.read(), c.written(),
          c.deduplicated(), c.quarantined(), removals ? String.format(" %,12d", c.removed()) : "",
          c.reconciles() ? "ok" : "MISMATCH: " + c.unaccounted() + " unaccounted"));
    }
    sb.append(removals ? "  (read = written + deduplicated + quarantined + removed; for forget and retain, read is "
        + "what the table held and written what it holds)\n"
        : "  (read = written + deduplicated + quarantined; for _files, deduplicated counts files the format does not use)\n");
    for (StageResult step : outcome.steps()) {
      for (String note : step.notes()) {
        sb.append("\n  ").append(step.stage()).append(": ").append(note);
      }
    }
    if (!outcome.steps().isEmpty()) {
      sb.append('\n');
    }
    for (StageResult step : outcome.steps()) {
      if (step.quarantineReasons().isEmpty()) {
        continue;
      }
      long total = step.quarantineReasons().values().stream().mapToLong(Long::longValue).sum();
      sb.append(String.format("%n  %s: %,d records quarantined, by reason:%n", step.stage(), total));
      int shown = 0;
      for (Map.Entry<String, Long> e : step.quarantineReasons().entrySet()) {
        if (shown++ == 10) {
          sb.append("    …\n");
          break;
        }
        sb.append(String.format("    %,8d  %s%n", e.getValue(), e.getKey()));
      }
      sb.append("  See them with: SELECT * FROM parquet.`").append(step.outputs().get(Tables.QUARANTINE))
          .append("` WHERE run_id = '").append(runId).append("'\n");
    }
    appendTimesAndOutputs(sb, outcome);
    return sb.toString();
  }

  private static void appendTimesAndOutputs(StringBuilder sb, RunOutcome outcome) {
    Map<String, Long> millis = new java.util.LinkedHashMap<>();
    Map<String, String> outputs = new java.util.LinkedHashMap<>();
    outcome.steps().forEach(s -> {
      millis.putAll(s.stageMillis());
      outputs.putAll(s.outputs());
    });
    sb.append("\n  time per stage:");
    millis.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(e -> sb.append(String.format(" %s %.1f s;", e.getKey(), e.getValue() / 1000.0)));
    sb.append('\n');
    sb.append("\n  outputs:\n");
    outputs.forEach((t, p) -> sb.append(String.format("    %-13s %s%n", t, p)));
  }

  /** Keeps the summary as a text file under the reports folder, written whole or not at all; returns its path. */
  public static Path keep(String reports, String runId, String summary) {
    return AtomicFiles.write(Path.of(reports, "runs", runId + ".txt"), summary);
  }

  /**
   * Why a stage failed or did not run; for one that succeeded, its notes from the run summary (e.g. which
   * path scored the graph), so that they stay queryable in {@code _runs}.
   */
  private static String recordedMessage(StageRun r) {
    if (r.message() != null || r.result() == null || r.result().notes().isEmpty()) {
      return r.message();
    }
    return Redaction.mask(String.join("; ", r.result().notes()));
  }
}
