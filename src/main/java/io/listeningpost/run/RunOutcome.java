package io.listeningpost.run;

import io.listeningpost.core.TableCounts;
import io.listeningpost.stage.StageResult;
import java.util.ArrayList;
import java.util.List;

/** What a command's stages did, in the order they ran. */
record RunOutcome(List<StageResult> steps) {
  RunOutcome {
    steps = List.copyOf(steps);
  }

  List<TableCounts> tables() {
    List<TableCounts> all = new ArrayList<>();
    steps.forEach(s -> all.addAll(s.tables()));
    return all;
  }

  /** The counts of a table from the first stage that wrote it, or null. */
  TableCounts counts(String table) {
    return tables().stream().filter(t -> t.table().equals(table)).findFirst().orElse(null);
  }
}
