package io.listeningpost.core;

import java.util.List;
import java.util.Map;

/**
 * What one stage after ingest did: its tables' counts, where they are, time per labelled Spark
 * stage, and plain-language notes for the run summary (fallbacks, cache hits, flagged authors).
 */
public record StepResult(String step, List<TableCounts> tables, Map<String, String> outputs,
    Map<String, Long> stageMillis, List<String> notes) {
  public StepResult {
    tables = List.copyOf(tables);
    outputs = Map.copyOf(outputs);
    stageMillis = Map.copyOf(stageMillis);
    notes = List.copyOf(notes);
  }
}
