package io.listeningpost.run;

import io.listeningpost.stage.StageResult;
import java.time.Instant;
import java.util.Locale;

/**
 * One stage of one run: its status, what it did when it ran, and the fingerprints of its inputs and
 * outputs that a later run compares to tell whether the stage needs to run again.
 *
 * @param result what the stage did; null when it did not run or threw
 * @param inputs fingerprint of the stage's inputs (code, settings, run date when it matters, input tables or
 *     source files); null when the stage was disabled or blocked
 * @param outputs fingerprint of what the stage's outputs held once it finished or was skipped; null when unknown
 * @param reusedRunId for a skipped stage, the run whose result still stands
 * @param message why it failed, was disabled or blocked; null otherwise
 */
record StageRun(String stage, StageStatus status, StageResult result, String inputs, String outputs,
    String reusedRunId, long millis, Instant finishedAt, String message) {

  /** The stage's line in progress output and the summary, e.g. "graph: skipped, inputs unchanged since run …". */
  String describe() {
    return switch (status) {
      case SKIPPED -> stage + ": skipped, inputs unchanged since run " + reusedRunId;
      case DISABLED -> stage + ": disabled (" + message + ")";
      case BLOCKED -> stage + ": not run, " + message;
      case FAILED -> stage + ": FAILED after " + seconds() + ": " + message;
      case SUCCEEDED -> stage + ": done in " + seconds();
    };
  }

  String seconds() {
    return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }
}
