package io.listeningpost.stage;

import io.listeningpost.core.config.ListeningPostConfig;
import io.listeningpost.storage.TablePublisher;
import io.listeningpost.storage.Warehouse;
import java.time.LocalDate;
import org.apache.spark.sql.SparkSession;

/** What every stage of one run works with: the session, the config, the run and its warehouse. */
public record StageContext(SparkSession spark, ListeningPostConfig config, String runId, LocalDate runDate,
    Warehouse warehouse) {

  public static StageContext of(SparkSession spark, ListeningPostConfig config, String runId, LocalDate runDate) {
    return of(spark, config, runId, runDate, TablePublisher.StepHook.NONE);
  }

  /** With a hook between publish steps, for tests that stop a publish part-way. */
  public static StageContext of(SparkSession spark, ListeningPostConfig config, String runId, LocalDate runDate,
      TablePublisher.StepHook hook) {
    return new StageContext(spark, config, runId, runDate,
        new Warehouse(spark, config.warehouse(), config.rowsPerFile(), runId, hook));
  }

  /** A fresh set of job labels for one stage: its Spark jobs are grouped, and its time is kept. */
  public JobLabels labels() {
    return new JobLabels(spark, runId);
  }
}
