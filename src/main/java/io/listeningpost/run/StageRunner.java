package io.listeningpost.run;

import io.listeningpost.core.TableCounts;
import io.listeningpost.core.config.ListeningPostConfig;
import io.listeningpost.stage.StageContext;
import io.listeningpost.stage.StageResult;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs one day's plan, stage by stage in dependency order. A disabled stage is passed over and the stages
 * that read its tables run on what they hold; a stage whose dependency failed is not run; a stage whose
 * inputs have not changed since its latest success (for the same run date, when it works by run date),
 * and whose outputs are still as that run left them, is skipped, unless it is forced.
 */
final class StageRunner {
  private final ListeningPostConfig config;
  private final StageHistory history;
  private final Fingerprints fingerprints;
  private final RunLog log;
  private final Clock clock;
  private final boolean reuse;
  private final Set<String> forced;

  /**
   * @param reuse whether unchanged stages may be skipped (nightly); single-stage commands always run theirs
   * @param forced stages to run even when unchanged ({@code --rerun})
   */
  StageRunner(ListeningPostConfig config, StageHistory history, Fingerprints fingerprints, RunLog log, Clock clock,
      boolean reuse, Set<String> forced) {
    this.config = config;
    this.history = history;
    this.fingerprints = fingerprints;
    this.log = log;
    this.clock = clock;
    this.reuse = reuse;
    this.forced = Set.copyOf(forced);
  }

  RunOutcome run(StagePlan plan, StageContext ctx, String runId, LocalDate day) {
    Map<String, StageRun> done = new LinkedHashMap<>();
    for (PlannedStage stage : plan.order()) {
      StageRun r = runOne(plan, stage, ctx, runId, day, done);
      done.put(stage.id(), r);
      log.stageEnd(r);
    }
    return new RunOutcome(new ArrayList<>(done.values()));
  }

  private StageRun runOne(StagePlan plan, PlannedStage stage, StageContext ctx, String runId, LocalDate day,
      Map<String, StageRun> done) {
    String disabledBy = stage.disabledBy(config);
    if (disabledBy != null) {
      return new StageRun(stage.id(), StageStatus.DISABLED, null, null, null, null, 0, clock.instant(), disabledBy);
    }
    List<String> failed = plan.dependencies(stage.id()).stream().filter(done::containsKey)
        .filter(d -> done.get(d).status() == StageStatus.FAILED || done.get(d).status() == StageStatus.BLOCKED)
        .sorted().toList();
    if (!failed.isEmpty()) {
      return new StageRun(stage.id(), StageStatus.BLOCKED, null, null, null, null, 0, clock.instant(),
          "it reads what " + String.join(" and ", failed) + " writes, and " + (failed.size() == 1 ? "that" : "those")
              + " did not succeed");
    }
    String inputs = fingerprints.inputs(stage, day);
    if (reuse && !forced.contains(stage.id())) {
      StageHistory.Execution last = history.latest(stage.id(), stage.tables().byRunDate() ? day : null).orElse(null);
      if (last != null && inputs.equals(last.inputs())) {
        String outputs = fingerprints.outputs(stage, day);
        if (outputs.equals(last.outputs())) {
          return new StageRun(stage.id(), StageStatus.SKIPPED, null, inputs, outputs, last.runId(), 0,
              clock.instant(), null);
        }
      }
    }
    log.stageStart(stage.id());
    Instant started = clock.instant();
    StageResult result;
    try {
      result = stage.run(ctx);
    } catch (Exception | LinkageError e) {
      e.printStackTrace(System.err);
      Instant now = clock.instant();
      return new StageRun(stage.id(), StageStatus.FAILED, null, inputs, null, null,
          now.toEpochMilli() - started.toEpochMilli(), now, stage.failureMessage(e));
    }
    Instant finished = clock.instant();
    long millis = finished.toEpochMilli() - started.toEpochMilli();
    List<String> mismatches = result.tables().stream().filter(c -> !c.reconciles()).map(TableCounts::mismatch).toList();
    if (!mismatches.isEmpty()) {
      return new StageRun(stage.id(), StageStatus.FAILED, result, inputs, null, null, millis, finished,
          "counts do not reconcile, so rows were lost or made up: " + String.join("; ", mismatches));
    }
    String outputs = fingerprints.outputs(stage, day);
    history.add(new StageHistory.Execution(stage.id(), runId, day, inputs, outputs, finished));
    return new StageRun(stage.id(), StageStatus.SUCCEEDED, result, inputs, outputs, null, millis, finished, null);
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (cause: " + t + ")";
  }
}
