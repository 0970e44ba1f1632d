package io.listeningpost.run;

import java.time.LocalDate;

/** Fingerprints of a stage's inputs and outputs for a run date, compared across runs to skip unchanged stages. */
interface Fingerprints {
  String inputs(PlannedStage stage, LocalDate day);

  String outputs(PlannedStage stage, LocalDate day);
}
