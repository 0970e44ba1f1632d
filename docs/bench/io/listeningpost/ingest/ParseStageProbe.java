// Lives in the ingest package to reach its package-private parse pieces; compiled and run as docs/benchmarks.md says.
package io.listeningpost.ingest;

import io.listeningpost.core.Tables;
import io.listeningpost.core.config.*;
import io.listeningpost.ingest.read.*;
import io.listeningpost.run.SparkSessions;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.api.java.*;
import org.apache.spark.sql.*;
import org.apache.spark.storage.StorageLevel;

/** The parse stage in steps, two rounds: adapters, rows, Spark encoding, cache. Argument: a job file. */
public class ParseStageProbe {
  public static void main(String[] a) throws Exception {
    ListeningPostConfig c = ListeningPostConfig.load(Path.of(a[0]), ListeningPostConfig.Overrides.none());
    SparkSession spark = SparkSessions.create(c, "probe");
    IngestLimits limits = c.ingestLimits();
    SourceFiles.Discovery d = new SourceFiles(spark.sparkContext().hadoopConfiguration(), limits).discover(c.sources());
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    InputOpener opener = SourceFiles.opener();
    for (int round = 0; round < 2; round++) {
      JavaRDD<SourceSplit> splits = jsc.parallelize(IngestStep.pack(d.splits(), 2), 15).flatMap(b -> b.iterator());
      long t = System.nanoTime();
      long n = splits.map(s -> { CollectingSink k = new CollectingSink(); new SplitReader(opener, limits).read(s, k); return (long) k.posts.size(); }).reduce(Long::sum);
      System.out.printf("parse only: %d posts %.1f s%n", n, (System.nanoTime() - t) / 1e9);
      JavaRDD<Row> rows = splits.flatMap(s -> { CollectingSink k = new CollectingSink(); var o = new SplitReader(opener, limits).read(s, k); return ParsedRows.of(s, o, k).iterator(); });
      t = System.nanoTime();
      System.out.printf("rows: %d %.1f s%n", rows.count(), (System.nanoTime() - t) / 1e9);
      Dataset<Row> df = spark.createDataFrame(rows, Tables.PARSED);
      t = System.nanoTime();
      df.write().format("noop").mode("overwrite").save();
      System.out.printf("rows+encode (noop write): %.1f s%n", (System.nanoTime() - t) / 1e9);
      t = System.nanoTime();
      df.persist(StorageLevel.MEMORY_AND_DISK()).count();
      System.out.printf("rows+encode+cache: %.1f s%n", (System.nanoTime() - t) / 1e9);
      df.unpersist(true);
    }
  }
}
