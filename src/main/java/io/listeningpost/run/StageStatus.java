package io.listeningpost.run;

/** What became of one stage in a run, as {@code _runs.stages.status} records it. */
enum StageStatus {
  /** It ran, and its counts reconcile. */
  SUCCEEDED,
  /** It ran and threw, or its counts do not reconcile. */
  FAILED,
  /** Its inputs had not changed since it last succeeded, and its outputs were still as that run left them. */
  SKIPPED,
  /** Turned off in the config; stages that read its tables ran on what they held. */
  DISABLED,
  /** Not run because a stage it reads from failed in this run. */
  BLOCKED
}
