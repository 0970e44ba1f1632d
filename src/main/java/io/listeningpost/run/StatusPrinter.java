package io.listeningpost.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.listeningpost.storage.ParquetRow;
import io.listeningpost.storage.WarehouseSnapshot;
import io.listeningpost.storage.WarehouseSnapshot.TableFacts;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Prints a {@link WarehouseSnapshot} for the {@code status} command: as text for a person, or as one
 * JSON object that keeps every column of the runs and alerts, including columns this build does not
 * know, so scripts and monitors read what newer runs record.
 */
final class StatusPrinter {
  /** Alerts listed in the text; the rest are counted and the query that lists them is given. */
  private static final int ALERTS_SHOWN = 20;
  private static final int REASON_CHARS = 200;
  private static final List<String> SEVERITIES = List.of("high", "medium", "low");

  private final WarehouseSnapshot snapshot;
  private final ReportsFolder reports;

  StatusPrinter(WarehouseSnapshot snapshot, String reports) {
    this.snapshot = snapshot;
    this.reports = new ReportsFolder(reports);
  }

  void text(PrintStream out) {
    String root = snapshot.root();
    switch (snapshot.state()) {
      case MISSING -> {
        out.println("Warehouse " + root + ": no runs yet (the folder does not exist). "
            + "jobs/listening-post nightly creates it.");
        return;
      }
      case EMPTY -> {
        out.println("Warehouse " + root + ": no runs yet (the folder is empty). "
            + "jobs/listening-post nightly fills it.");
        return;
      }
      case NOT_A_WAREHOUSE -> {
        return;
      }
      case WAREHOUSE -> out.println("Warehouse " + root);
    }
    runsText(out);
    alertsText(out);
    filesText(out);
    tablesText(out);
    publishesText(out);
  }

  private void runsText(PrintStream out) {
    List<ParquetRow> runs = snapshot.runs();
    out.println();
    if (runs.isEmpty()) {
      out.println("Runs: no runs yet (_runs holds no row).");
      return;
    }
    out.printf("Runs: %,d recorded; the last %d, newest first%n", snapshot.runsRecorded(), runs.size());
    out.printf("  %-34s %-10s %-10s %-10s %9s %8s %12s%n", "run", "job", "date", "status", "took", "tables",
        "quarantined");
    for (ParquetRow run : runs) {
      List<ParquetRow> counts = run.rows("table_counts");
      long quarantined = counts.stream().mapToLong(c -> orZero(c.number("rows_quarantined"))).sum();
      out.printf("  %-34s %-10s %-10s %-10s %9s %8d %,12d%n", text(run.string("run_id")), text(run.string("job")),
          text(run.string("run_date")), text(run.string("status")), duration(run.number("duration_ms")),
          counts.size(), quarantined);
      String message = run.string("message");
      if (message != null && !message.isBlank()) {
        out.println("      " + message.strip().replace("\n", "\n      "));
      }
    }
    ParquetRow latest = runs.get(0);
    List<ParquetRow> counts = latest.rows("table_counts");
    if (!counts.isEmpty()) {
      out.println();
      out.println("Counts of the latest run " + latest.string("run_id") + " (read = written + deduplicated + "
          + "quarantined):");
      out.printf("  %-20s %12s %12s %13s %12s%n", "table", "read", "written", "deduplicated", "quarantined");
      for (ParquetRow c : counts) {
        out.printf("  %-20s %12s %12s %13s %12s%n", text(c.string("table_name")), count(c.number("rows_read")),
            count(c.number("rows_written")), count(c.number("rows_deduplicated")),
            count(c.number("rows_quarantined")));
      }
    }
  }

  private void alertsText(PrintStream out) {
    out.println();
    Optional<WarehouseSnapshot.OpenAlerts> open = snapshot.alerts();
    if (open.isEmpty()) {
      out.println("Alerts: no alerts table yet (the alerts stage has not run).");
      return;
    }
    List<ParquetRow> alerts = open.get().rows();
    String partition = open.get().partition();
    out.printf("Open alerts of %s: %d (%s)%n", partition, alerts.size(), severityCounts(alerts));
    for (ParquetRow a : alerts.subList(0, Math.min(ALERTS_SHOWN, alerts.size()))) {
      StringBuilder head = new StringBuilder("  ").append(String.format("%-7s", text(a.string("severity"))))
          .append(' ').append(text(a.string("kind")));
      if (a.string("watched_term") != null) {
        head.append(" · ").append(a.string("watched_term"));
      }
      head.append(" · ").append(text(a.string("community")));
      if (a.string("platform") != null) {
        head.append(" (").append(a.string("platform")).append(')');
      }
      long pickedUp = orZero(a.number("replies")) + orZero(a.number("quotes")) + orZero(a.number("shares"));
      if (pickedUp > 0) {
        head.append(" · picked up ").append(pickedUp).append(pickedUp == 1 ? " time" : " times");
      }
      if (a.string("author_role") != null) {
        head.append(" · author: ").append(a.string("author_role"));
      }
      out.println(head);
      if (a.string("reason") != null) {
        out.println("          " + shorten(a.string("reason")));
      }
      if (a.string("evidence_url") != null) {
        out.println("          " + a.string("evidence_url"));
      }
    }
    if (alerts.size() > ALERTS_SHOWN) {
      out.printf("  … %d more: jobs/listening-post sql \"SELECT * FROM alerts WHERE dt = '%s'\"%n",
          alerts.size() - ALERTS_SHOWN, partition.substring(partition.indexOf('=') + 1));
    }
  }

  private void filesText(PrintStream out) {
    out.println();
    Optional<Path> report = reports.latestReport();
    out.println("Latest report:       " + report.map(Path::toString).orElse("none under " + reports.root()));
    if (!snapshot.runs().isEmpty()) {
      String runId = snapshot.runs().get(0).string("run_id");
      out.println("Latest run summary:  " + reports.runSummary(runId).map(Path::toString)
          .orElse("none kept for " + runId + " under " + Path.of(reports.root(), "runs")));
    }
  }

  private void tablesText(PrintStream out) {
    out.println();
    out.println("Tables (from the Parquet footers; versions of the newest file):");
    out.printf("  %-20s %10s %6s %12s  %-34s %6s  %s%n", "table", "partitions", "files", "rows", "newest run",
        "schema", "code");
    for (TableFacts t : snapshot.tables()) {
      out.printf("  %-20s %10s %6d %,12d  %-34s %6s  %s%n", t.name(),
          t.latestPartition() == null ? "-" : Integer.toString(t.partitions()), t.files(), t.rows(),
          text(t.newestRunId()), text(t.schemaVersion()), text(t.codeVersion()));
      for (String u : t.unreadableFiles()) {
        out.println("      unreadable: " + u);
      }
    }
  }

  private void publishesText(PrintStream out) {
    out.println();
    List<String> unfinished = snapshot.unfinishedPublishes();
    if (unfinished.isEmpty()) {
      out.println("Publishes: none left half done.");
      return;
    }
    out.println("Publishes left half done (or the staging of a run going now):");
    unfinished.forEach(u -> out.println("  " + u));
    out.println("Unless a run is going now, complete them with: jobs/listening-post repair --warehouse "
        + snapshot.root());
  }

  void json(PrintStream out) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("warehouse", snapshot.root());
    o.put("state", snapshot.state().name().toLowerCase(Locale.ROOT));
    List<ParquetRow> runs = snapshot.runs();
    o.put("runs_recorded", snapshot.runsRecorded());
    o.put("runs", runs.stream().map(r -> plain(r)).toList());
    Map<String, Object> alerts = null;
    if (snapshot.alerts().isPresent()) {
      List<ParquetRow> rows = snapshot.alerts().get().rows();
      alerts = new LinkedHashMap<>();
      alerts.put("partition", snapshot.alerts().get().partition());
      alerts.put("open", rows.size());
      alerts.put("by_severity", bySeverity(rows));
      alerts.put("alerts", rows.stream().map(r -> plain(r)).toList());
    }
    o.put("alerts", alerts);
    boolean warehouse = snapshot.state() == WarehouseSnapshot.State.WAREHOUSE;
    o.put("latest_report", warehouse ? reports.latestReport().map(Path::toString).orElse(null) : null);
    o.put("latest_run_summary", runs.isEmpty() ? null
        : reports.runSummary(runs.get(0).string("run_id")).map(Path::toString).orElse(null));
    List<Map<String, Object>> tables = new ArrayList<>();
    for (TableFacts t : snapshot.tables()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("table", t.name());
      m.put("partitions", t.partitions());
      m.put("latest_partition", t.latestPartition());
      m.put("files", t.files());
      m.put("rows", t.rows());
      m.put("newest_run_id", t.newestRunId());
      m.put("schema_version", t.schemaVersion());
      m.put("code_version", t.codeVersion());
      m.put("unreadable_files", t.unreadableFiles());
      tables.add(m);
    }
    o.put("tables", tables);
    o.put("unfinished_publishes", snapshot.unfinishedPublishes());
    try {
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(o));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The count per severity, high to low, then any other severity a newer build writes. */
  private static Map<String, Long> bySeverity(List<ParquetRow> alerts) {
    Map<String, Long> counts = new LinkedHashMap<>();
    SEVERITIES.forEach(s -> counts.put(s, 0L));
    for (ParquetRow a : alerts) {
      counts.merge(String.valueOf(a.string("severity")), 1L, Long::sum);
    }
    return counts;
  }

  private static String severityCounts(List<ParquetRow> alerts) {
    List<String> parts = new ArrayList<>();
    bySeverity(alerts).forEach((s, n) -> parts.add(n + " " + s));
    return String.join(", ", parts);
  }

  /** A row as JSON-ready values: dates and times as ISO text, structs as objects. */
  private static Object plain(Object v) {
    if (v instanceof ParquetRow r) {
      Map<String, Object> m = new LinkedHashMap<>();
      r.columns().forEach((k, x) -> m.put(k, plain(x)));
      return m;
    }
    if (v instanceof List<?> list) {
      return list.stream().map(StatusPrinter::plain).toList();
    }
    if (v instanceof java.time.temporal.Temporal t) {
      return t.toString();
    }
    return v;
  }

  private static String shorten(String reason) {
    String oneLine = reason.strip().replaceAll("\\s+", " ");
    return oneLine.length() <= REASON_CHARS ? oneLine : oneLine.substring(0, REASON_CHARS - 1) + "…";
  }

  static String duration(Long millis) {
    if (millis == null) {
      return "-";
    }
    long s = millis / 1000;
    if (s < 60) {
      return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%d m %02d s", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%d h %02d m", s / 3600, s % 3600 / 60);
  }

  private static String count(Long n) {
    return n == null ? "-" : String.format("%,d", n);
  }

  private static long orZero(Long n) {
    return n == null ? 0 : n;
  }

  private static String text(String s) {
    return s == null ? "-" : s;
  }
}
