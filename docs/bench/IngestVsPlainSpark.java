// Side-by-side benchmark, one JVM and one SparkSession: Spark's own JSON reader writing day-partitioned
// Parquet (no validation, dedup or interactions) against Listening Post's ingest of the same files.
// Run it as docs/benchmarks.md says; arguments: <folder of reddit NDJSON> <scratch folder>.
import io.listeningpost.core.config.ListeningPostConfig;
import io.listeningpost.core.config.SourceFormat;
import io.listeningpost.core.config.SourceSpec;
import io.listeningpost.ingest.IngestStep;
import io.listeningpost.run.SparkSessions;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import static org.apache.spark.sql.functions.*;

public class IngestVsPlainSpark {
  public static void main(String[] args) throws Exception {
    String in = args[0];
    String scratch = args[1];
    ListeningPostConfig config = ListeningPostConfig.load(Path.of("jobs/nightly.conf"),
        new ListeningPostConfig.Overrides(scratch + "/ours", scratch + "/reports", null, false,
            List.of(SourceSpec.of(SourceFormat.REDDIT, in))));
    SparkSession spark = SparkSessions.create(config, "bench");
    String schema = "id STRING, subreddit STRING, author STRING, created_utc LONG, score LONG, title STRING, "
        + "selftext STRING, body STRING, parent_id STRING, link_id STRING, permalink STRING";
    for (int round = 1; round <= 2; round++) {
      long t0 = System.nanoTime();
      long plainRows = spark.read().schema(schema).json(in).count();
      spark.read().schema(schema).json(in)
          .withColumn("dt", to_date(from_unixtime(col("created_utc"))))
          .write().mode("overwrite").partitionBy("dt").parquet(scratch + "/plain");
      double plain = (System.nanoTime() - t0) / 1e9;
      org.apache.hadoop.fs.FileUtil.fullyDelete(new java.io.File(scratch + "/ours"));
      long t1 = System.nanoTime();
      IngestStep.Result r = new IngestStep(spark, config, "bench-" + round, LocalDate.of(2026, 4, 1)).run();
      double ours = (System.nanoTime() - t1) / 1e9;
      long read = r.tables().get(0).read();
      System.out.printf("round %d: plain Spark %d rows in %.1f s (%.0f rows/s); Listening Post %d posts in %.1f s "
          + "(%.0f posts/s); ours/plain time ratio %.2f; stages %s%n", round, plainRows, plain, plainRows / plain, read,
          ours, read / ours, ours / plain, r.stageMillis());
    }
    spark.stop();
  }
}
