package io.listeningpost.stage;

import io.listeningpost.core.TableCounts;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one stage did: its tables' counts, where they are, time per labelled Spark stage,
 * plain-language notes for the run summary (fallbacks, cache hits, flagged authors, files not used),
 * and the records it quarantined, counted by reason.
 */
public record StageResult(String stage, List<TableCounts> tables, Map<String, String> outputs,
    Map<String, Long> stageMillis, List<String> notes, Map<String, Long> quarantineReasons) {
  public StageResult {
    tables = List.copyOf(tables);
    outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
    stageMillis = Collections.unmodifiableMap(new LinkedHashMap<>(stageMillis));
    notes = List.copyOf(notes);
    quarantineReasons = Collections.unmodifiableMap(new LinkedHashMap<>(quarantineReasons));
  }

  public StageResult(String stage, List<TableCounts> tables, Map<String, String> outputs,
      Map<String, Long> stageMillis, List<String> notes) {
    this(stage, tables, outputs, stageMillis, notes, Map.of());
  }

  /** The counts of one table, or null when the stage did not touch it. */
  public TableCounts counts(String table) {
    return tables.stream().filter(t -> t.table().equals(table)).findFirst().orElse(null);
  }
}
