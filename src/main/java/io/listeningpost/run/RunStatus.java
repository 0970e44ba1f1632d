package io.listeningpost.run;

import java.util.Collection;
import java.util.OptionalDouble;

/** How a run ended, as {@code _runs.status} records it, and the exit code that tells a scheduler. */
enum RunStatus {
  SUCCEEDED(ExitCodes.OK),
  /** Every stage ran or was unchanged, but more posts than {@code run.max-quarantine-share} were quarantined. */
  PARTIAL(ExitCodes.PARTIAL),
  FAILED(ExitCodes.FAILED);

  private final int exitCode;

  RunStatus(int exitCode) {
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }

  /**
   * FAILED when a stage failed or could not run because one it reads from failed; else PARTIAL when the
   * share of posts quarantined (of this run's ingest, when it ran) is above {@code maxQuarantineShare};
   * else SUCCEEDED.
   */
  static RunStatus of(Collection<StageRun> stages, OptionalDouble quarantineShare, double maxQuarantineShare) {
    if (stages.stream().anyMatch(s -> s.status() == StageStatus.FAILED || s.status() == StageStatus.BLOCKED)) {
      return FAILED;
    }
    if (quarantineShare.isPresent() && quarantineShare.getAsDouble() > maxQuarantineShare) {
      return PARTIAL;
    }
    return SUCCEEDED;
  }

  /** The worse of two statuses: FAILED over PARTIAL over SUCCEEDED; for a backfill's days. */
  RunStatus worse(RunStatus other) {
    return other.ordinal() > ordinal() ? other : this;
  }
}
