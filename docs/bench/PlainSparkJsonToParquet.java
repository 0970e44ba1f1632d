// The yardstick for ingest: Spark's own JSON reader with a schema, writing Parquet partitioned by day,
// with no validation, dedup, threads or interactions. Run as a whole process beside
// `jobs/listening-post ingest` (docs/benchmarks.md, "Against plain Spark");
// arguments: <folder or file of Reddit NDJSON> <output folder>.
import org.apache.spark.sql.SparkSession;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.from_unixtime;
import static org.apache.spark.sql.functions.to_date;

public class PlainSparkJsonToParquet {
  public static void main(String[] args) {
    SparkSession spark = SparkSession.builder().master("local[*]").appName("plain-json-to-parquet")
        .config("spark.ui.enabled", "false").getOrCreate();
    String schema = "id STRING, subreddit STRING, author STRING, created_utc LONG, score LONG, title STRING, "
        + "selftext STRING, body STRING, parent_id STRING, link_id STRING, permalink STRING";
    spark.read().schema(schema).json(args[0])
        .withColumn("dt", to_date(from_unixtime(col("created_utc"))))
        .write().mode("overwrite").partitionBy("dt").parquet(args[1]);
    spark.stop();
  }
}
