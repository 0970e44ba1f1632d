package io.listeningpost.run;

import io.listeningpost.core.config.ListeningPostConfig;
import io.listeningpost.storage.NioLocalFileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/** The one place a SparkSession is configured, for the CLI and for tests alike. */
public final class SparkSessions {
  /** Executor memory on a cluster unless {@code spark.executor.memory} is given (spark-submit, -D). */
  public static final String DEFAULT_EXECUTOR_MEMORY = "2g";

  private SparkSessions() {}

  public static SparkSession create(ListeningPostConfig config, String appName) {
    return create(config.sparkMaster(), config.shufflePartitions(), appName);
  }

  public static SparkSession create(String master, int shufflePartitions, String appName) {
    return builder(master, shufflePartitions, appName).getOrCreate();
  }

  /**
   * The settings every session of ours starts from; tests that vary one of them (cores, adaptive execution)
   * set it on this builder.
   */
  public static SparkSession.Builder builder(String master, int shufflePartitions, String appName) {
    NioLocalFileSystem.useForLocalFiles();
    SparkSession.Builder b = SparkSession.builder()
        .appName(appName)
        .master(master)
        .config("spark.sql.shuffle.partitions", shufflePartitions)
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.sources.partitionOverwriteMode", "dynamic")
        // Microsecond timestamps, not the legacy INT96, so that DuckDB and pandas read them as-is.
        .config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")
        .config("spark.sql.adaptive.enabled", "true")
        // Cached stage results live for one run; compressing them cost more CPU than parsing (profiled).
        .config("spark.sql.inMemoryColumnarStorage.compressed", "false")
        // The ingest holds its parsed records serialized; compressed, those of 1M posts take half the
        // heap they took as objects, and the run is as fast (docs/benchmarks.md, "1M posts, all formats").
        .config("spark.rdd.compress", "true")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.sources.partitionColumnTypeInference.enabled", "true");
    if (master.startsWith("local")) {
      b.config("spark.ui.enabled", System.getProperty("spark.ui.enabled", "false"));
      b.config("spark.driver.host", "127.0.0.1");
      b.config("spark.driver.bindAddress", "127.0.0.1");
      // On one machine the shuffle never crosses a network; compressing it cost a fifth of the CPU (profiled).
      b.config("spark.shuffle.compress", "false");
      b.config("spark.shuffle.spill.compress", "false");
      // Spark lists a table of more than 32 partition folders with a job of one task per folder; on one
      // machine those tasks run in this JVM anyway, and the job only adds its overhead: 2.4-3.7 s per read
      // of a 1,124-day table, in one ingest's event log.
      b.config("spark.sql.sources.parallelPartitionDiscovery.threshold", Integer.MAX_VALUE);
    } else {
      List<String> jars = new ArrayList<>();
      String jar = System.getProperty("listeningpost.cluster.jar");
      if (jar != null && Files.exists(Path.of(jar))) {
        jars.add(jar);
      }
      for (String model : System.getProperty("listeningpost.model.jars", "").split(",")) {
        if (!model.isBlank() && Files.exists(Path.of(model))) {
          jars.add(model);
        }
      }
      if (!jars.isEmpty()) {
        b.config("spark.jars", String.join(",", jars));
      }
      // The module openings come first; options given to spark-submit or as -D are kept after them.
      String given = System.getProperty("spark.executor.extraJavaOptions", "");
      b.config("spark.executor.extraJavaOptions", (String.join(" ", JavaOptions.OPENS) + " " + given).strip());
      // Spark's 1g leaves an executor no room beside the models: enrich's CoreNLP pipelines, Lingua and the
      // sentiment models hold about 0.7 GB of live heap on one executor (docs/benchmarks.md).
      if (System.getProperty("spark.executor.memory") == null) {
        b.config("spark.executor.memory", DEFAULT_EXECUTOR_MEMORY);
      }
      // A master on this machine's loopback (jobs/local-cluster) reaches the driver there too; otherwise
      // Spark binds the driver to the host's network address, which the executors must be able to reach.
      if (onLoopback(master) && System.getProperty("spark.driver.host") == null) {
        b.config("spark.driver.host", "127.0.0.1");
        b.config("spark.driver.bindAddress", "127.0.0.1");
      }
    }
    return b;
  }

  /** Whether a standalone master URL names this machine's loopback address. */
  static boolean onLoopback(String master) {
    return master.matches("spark://(127\\.0\\.0\\.1|localhost)(:\\d+)?");
  }
}
