package io.listeningpost.run;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;

import io.listeningpost.storage.Tables;
import io.listeningpost.storage.Warehouse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The stages that succeeded in earlier runs, with their fingerprints, as {@code _runs} records them (rows
 * written before {@code _runs.stages} existed have none, and count as no history), plus those of this
 * command so far.
 */
final class StageHistory {
  /** A stage that ran and succeeded. */
  record Execution(String stage, String runId, LocalDate runDate, String inputs, String outputs, Instant finishedAt) {}

  private final List<Execution> executions = new ArrayList<>();

  StageHistory(List<Execution> executions) {
    this.executions.addAll(executions);
  }

  static StageHistory load(SparkSession spark, Warehouse warehouse) {
    if (!warehouse.exists(Tables.RUNS)) {
      return new StageHistory(List.of());
    }
    spark.sparkContext().setJobGroup("run:history", "Read the stages of earlier runs from _runs", false);
    List<Row> rows = warehouse.read(Tables.RUNS).filter(col("stages").isNotNull())
        .select(col("run_id"), col("run_date"), explode(col("stages")).as("s"))
        .filter(col("s.status").equalTo(StageStatus.SUCCEEDED.name()))
        .select(col("s.stage"), col("run_id"), col("run_date"), col("s.inputs_fingerprint"),
            col("s.outputs_fingerprint"), col("s.finished_at"))
        .collectAsList();
    spark.sparkContext().clearJobGroup();
    List<Execution> found = new ArrayList<>();
    for (Row r : rows) {
      found.add(new Execution(r.getString(0), r.getString(1), r.isNullAt(2) ? null : r.getDate(2).toLocalDate(),
          r.getString(3), r.getString(4), r.isNullAt(5) ? Instant.EPOCH : r.getTimestamp(5).toInstant()));
    }
    return new StageHistory(found);
  }

  void add(Execution e) {
    executions.add(e);
  }

  /** The latest success of {@code stage}: for the run date {@code day}, or of any date when {@code day} is null. */
  Optional<Execution> latest(String stage, LocalDate day) {
    return executions.stream().filter(e -> e.stage().equals(stage))
        .filter(e -> day == null || day.equals(e.runDate()))
        .max(Comparator.comparing(Execution::finishedAt).thenComparing(Execution::runId));
  }
}
