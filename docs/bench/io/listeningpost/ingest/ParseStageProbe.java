// Lives in the ingest package to reach its package-private parse pieces; compiled and run as docs/benchmarks.md says.
package io.listeningpost.ingest;

import io.listeningpost.core.config.*;
import io.listeningpost.ingest.read.*;
import io.listeningpost.run.SparkSessions;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.api.java.*;
import org.apache.spark.sql.*;

/** The parse stage in steps, two rounds: adapters, binary rows, rows held, posts scanned from the held rows. Argument: a job file. */
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
      JavaRDD<org.apache.spark.sql.catalyst.InternalRow> rows = splits.flatMap(s -> { CollectingSink k = new CollectingSink(); var o = new SplitReader(opener, limits).read(s, k); return new ParsedRows().of(s, o, k, 0L).iterator(); });
      t = System.nanoTime();
      System.out.printf("rows: %d %.1f s%n", rows.count(), (System.nanoTime() - t) / 1e9);
      t = System.nanoTime();
      try (ParsedRecords held = new ParsedRecords(spark, rows)) {
        System.out.printf("rows held (tally): %s %.1f s%n", held.tally(), (System.nanoTime() - t) / 1e9);
        t = System.nanoTime();
        System.out.printf("posts scanned: %d %.1f s%n", held.of("post").count(), (System.nanoTime() - t) / 1e9);
      }
    }
  }
}
