package io.listeningpost.stage;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Labels the Spark jobs of a step with a job group and description, so that the Spark UI and the
 * logs show which stage cost what, and times each labelled stage for the run summary.
 */
public final class JobLabels {
  private final SparkSession spark;
  private final String runId;
  private final Map<String, Long> millis = new LinkedHashMap<>();
  private String stage;
  private long stageStart;

  public JobLabels(SparkSession spark, String runId) {
    this.spark = spark;
    this.runId = runId;
  }

  /** Starts stage {@code group}, ending the previous one; null ends the last stage. */
  public void label(String group, String description) {
    long now = System.nanoTime();
    if (stage != null) {
      millis.merge(stage, (now - stageStart) / 1_000_000, Long::sum);
    }
    stage = group;
    stageStart = now;
    if (group != null) {
      spark.sparkContext().setJobGroup(group, description + " [run " + runId + "]", false);
    } else {
      spark.sparkContext().clearJobGroup();
    }
  }

  public Map<String, Long> millis() {
    return Map.copyOf(millis);
  }
}
