package io.listeningpost.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The days of a backfill as they end, and the table that closes it: each day's status, stages and time. */
final class Backfill {
  private final List<LocalDate> days;
  private final List<RunDays.DayResult> done = new ArrayList<>();

  Backfill(List<LocalDate> days) {
    this.days = List.copyOf(days);
  }

  void add(RunDays.DayResult day) {
    done.add(day);
  }

  /** The worst day's status; FAILED when a day failed and the days after it were not run. */
  RunStatus status() {
    RunStatus s = RunStatus.SUCCEEDED;
    for (RunDays.DayResult d : done) {
      s = s.worse(d.status());
    }
    return s;
  }

  String table() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%nBackfill %s..%s — %s: %d of %d days run%n", days.get(0),
        days.get(days.size() - 1), status(), done.size(), days.size()));
    sb.append(String.format(Locale.ROOT, "  %-10s  %-9s  %3s  %7s  %8s  %s%n", "date", "status", "ran", "skipped",
        "time", "run"));
    for (RunDays.DayResult d : done) {
      sb.append(String.format(Locale.ROOT, "  %-10s  %-9s  %3d  %7d  %6.1f s  %s%n", d.day(), d.status(),
          count(d, StageStatus.SUCCEEDED) + count(d, StageStatus.FAILED), count(d, StageStatus.SKIPPED),
          d.took().toMillis() / 1000.0, d.runId()));
    }
    for (LocalDate day : days.subList(done.size(), days.size())) {
      sb.append(String.format(Locale.ROOT, "  %-10s  %-9s%n", day, "not run"));
    }
    if (done.size() < days.size()) {
      sb.append("  The backfill stopped at the failed day; run the same command again to resume: the days and "
          + "stages already done are skipped.\n");
    }
    return sb.toString();
  }

  List<ObjectNode> json() {
    List<ObjectNode> out = new ArrayList<>();
    for (RunDays.DayResult d : done) {
      ObjectNode o = RunLog.object();
      o.put("run_date", d.day().toString());
      o.put("run_id", d.runId());
      o.put("status", d.status().name());
      o.put("stages_run", count(d, StageStatus.SUCCEEDED) + count(d, StageStatus.FAILED));
      o.put("stages_skipped", count(d, StageStatus.SKIPPED));
      o.put("duration_ms", d.took().toMillis());
      out.add(o);
    }
    return out;
  }

  private static int count(RunDays.DayResult d, StageStatus status) {
    return d.outcome() == null ? 0 : (int) d.outcome().stages().stream().filter(s -> s.status() == status).count();
  }
}
