package io.listeningpost.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.listeningpost.core.TableCounts;
import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A run's progress as it happens: a line when the run starts, when each stage starts and ends (with its
 * time and main counts) or is skipped, for each warning, and when the run ends (status, exit code, report).
 * As text for a terminal or a scheduler's log, or with {@code --log-format json} one JSON object per line
 * for a log collector, where the closing summary is kept in its file instead of printed.
 */
final class RunLog {
  /** The two ways of writing events. */
  enum Format {
    TEXT, JSON
  }

  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Format format;
  private final PrintStream out;
  private final Clock clock;
  private String job;
  private String runId;
  private LocalDate date;

  RunLog(Format format, PrintStream out, Clock clock) {
    this.format = format;
    this.out = out;
    this.clock = clock;
  }

  Format format() {
    return format;
  }

  /** A new run of {@code job} for {@code day} starts: later events carry its id and date. */
  void runStart(String job, String runId, LocalDate day, String config, List<String> stages) {
    this.job = job;
    this.runId = runId;
    this.date = day;
    ObjectNode e = event("run_start");
    e.put("config", config);
    e.set("stages", strings(stages));
    emit(e, "run " + runId + " started: " + String.join(" → ", stages));
  }

  void stageStart(String stage) {
    ObjectNode e = event("stage_start");
    e.put("stage", stage);
    emit(e, stage + ": started");
  }

  /** A stage ran (status SUCCEEDED or FAILED) or was skipped, disabled or blocked. */
  void stageEnd(StageRun run) {
    boolean ran = run.status() == StageStatus.SUCCEEDED || run.status() == StageStatus.FAILED;
    ObjectNode e = event(ran ? "stage_end" : "stage_skip");
    e.put("stage", run.stage());
    e.put("status", run.status().name());
    if (ran) {
      e.put("duration_ms", run.millis());
    }
    if (run.reusedRunId() != null) {
      e.put("unchanged_since_run", run.reusedRunId());
    }
    if (run.message() != null) {
      e.put("message", run.message());
    }
    String text = run.describe();
    if (run.result() != null) {
      ArrayNode tables = e.putArray("tables");
      List<String> counts = new ArrayList<>();
      for (TableCounts c : run.result().tables()) {
        ObjectNode t = tables.addObject();
        t.put("table", c.table());
        t.put("read", c.read());
        t.put("written", c.written());
        t.put("deduplicated", c.deduplicated());
        t.put("quarantined", c.quarantined());
        counts.add(counts(c));
      }
      e.set("notes", strings(run.result().notes()));
      if (!counts.isEmpty()) {
        text += " — " + String.join("; ", counts);
      }
    }
    emit(e, text);
  }

  void warning(String message) {
    ObjectNode e = event("warning");
    e.put("message", message);
    emit(e, "warning: " + message);
  }

  void runEnd(RunStatus status, int exitCode, long millis, String report, String summaryFile) {
    ObjectNode e = event("run_end");
    e.put("status", status.name());
    e.put("exit_code", exitCode);
    e.put("duration_ms", millis);
    e.put("report", report);
    e.put("summary", summaryFile);
    emit(e, String.format(Locale.ROOT, "run %s ended %s in %.1f s (exit code %d)", runId, status, millis / 1000.0,
        exitCode));
  }

  /** A backfill starts day {@code index} of {@code days}. */
  void day(int index, int days, LocalDate day) {
    ObjectNode e = JSON.createObjectNode();
    e.put("ts", clock.instant().toString());
    e.put("event", "day_start");
    e.put("run_date", day.toString());
    e.put("day", index);
    e.put("days", days);
    out.println(format == Format.JSON ? e.toString() : "── day " + index + " of " + days + ": " + day);
  }

  /** Text meant for a person (the closing summary, a backfill's table): printed as it is, never as JSON. */
  void text(String block) {
    if (format == Format.TEXT) {
      out.println(block);
    }
  }

  /** A backfill ended: its days as a JSON event; the text table goes through {@link #text}. */
  void backfillEnd(RunStatus status, int exitCode, List<ObjectNode> days) {
    ObjectNode e = JSON.createObjectNode();
    e.put("ts", clock.instant().toString());
    e.put("event", "backfill_end");
    e.put("status", status.name());
    e.put("exit_code", exitCode);
    ArrayNode list = e.putArray("days");
    days.forEach(list::add);
    if (format == Format.JSON) {
      out.println(e);
    }
  }

  static ObjectNode object() {
    return JSON.createObjectNode();
  }

  private ObjectNode event(String name) {
    ObjectNode e = JSON.createObjectNode();
    e.put("ts", clock.instant().toString());
    e.put("event", name);
    e.put("job", job);
    e.put("run_id", runId);
    e.put("run_date", date == null ? null : date.toString());
    return e;
  }

  private void emit(ObjectNode json, String text) {
    if (format == Format.JSON) {
      try {
        out.println(JSON.writeValueAsString(json));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    } else {
      out.println(CLOCK.format(clock.instant().atZone(ZoneId.systemDefault()))
          + (job == null ? "" : " " + job + " " + date) + "  " + text);
    }
  }

  private static ArrayNode strings(List<String> values) {
    ArrayNode a = JSON.createArrayNode();
    values.forEach(a::add);
    return a;
  }

  private static String counts(TableCounts c) {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s %,d written", c.table(), c.written()));
    if (c.read() != c.written()) {
      sb.append(String.format(Locale.ROOT, " of %,d read", c.read()));
    }
    if (c.deduplicated() > 0) {
      sb.append(String.format(Locale.ROOT, ", %,d deduplicated", c.deduplicated()));
    }
    if (c.quarantined() > 0) {
      sb.append(String.format(Locale.ROOT, ", %,d quarantined", c.quarantined()));
    }
    return sb.toString();
  }
}
