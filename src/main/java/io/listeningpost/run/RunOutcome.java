package io.listeningpost.run;

import io.listeningpost.core.StepResult;
import io.listeningpost.core.TableCounts;
import io.listeningpost.ingest.IngestStep;
import java.util.ArrayList;
import java.util.List;

/** What a command's stages did: ingest's result when it ran, then each later step's. */
record RunOutcome(IngestStep.Result ingest, List<StepResult> steps) {
  RunOutcome {
    steps = List.copyOf(steps);
  }

  List<TableCounts> tables() {
    List<TableCounts> all = new ArrayList<>();
    if (ingest != null) {
      all.addAll(ingest.tables());
    }
    steps.forEach(s -> all.addAll(s.tables()));
    return all;
  }
}
