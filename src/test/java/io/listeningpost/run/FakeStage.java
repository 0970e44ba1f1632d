package io.listeningpost.run;

import io.listeningpost.core.TableCounts;
import io.listeningpost.core.config.ListeningPostConfig;
import io.listeningpost.stage.StageContext;
import io.listeningpost.stage.StageResult;
import io.listeningpost.stage.StageTables;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A stage for plan and runner tests: declared tables, no Spark; it counts its runs and can be made to fail. */
final class FakeStage implements PlannedStage {
  private final String id;
  private final StageTables tables;
  String disabledBy;
  RuntimeException failure;
  TableCounts counts;
  final List<String> runs = new ArrayList<>();
  /** Table versions of a pretend warehouse: each run of the stage writes new versions of its tables. */
  Map<String, Integer> warehouse = new java.util.HashMap<>();

  private FakeStage(String id, StageTables tables) {
    this.id = id;
    this.tables = tables;
    this.counts = new TableCounts(tables.writes().isEmpty() ? id : tables.writes().get(0), 10, 8, 1, 1);
  }

  static FakeStage of(String id, List<String> reads, List<String> writes) {
    return new FakeStage(id, new StageTables(reads, writes, false));
  }

  static FakeStage byDate(String id, List<String> reads, List<String> writes) {
    return new FakeStage(id, new StageTables(reads, writes, true));
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public StageTables tables() {
    return tables;
  }

  @Override
  public String disabledBy(ListeningPostConfig config) {
    return disabledBy;
  }

  @Override
  public String settings(ListeningPostConfig config) {
    return "{}";
  }

  @Override
  public StageResult run(StageContext ctx) {
    runs.add(id);
    if (failure != null) {
      throw failure;
    }
    tables.writes().forEach(t -> warehouse.merge(t, 1, Integer::sum));
    return new StageResult(id, List.of(counts), Map.of(), Map.of(), List.of());
  }
}
