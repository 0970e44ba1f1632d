package io.listeningpost.ingest;

import io.listeningpost.core.config.IngestLimits;
import io.listeningpost.ingest.read.InputOpener;
import io.listeningpost.ingest.read.SourceSplit;
import io.listeningpost.ingest.read.SplitReader;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;

/** The parallel parse: every split read by its format's adapter, in Spark tasks, as binary rows. */
final class SourceParse {
  /** Row ids: the parse partition's index above these bits, the row's ordinal below. */
  private static final int RID_BITS = 40;

  private SourceParse() {}

  /**
   * @param pseudonymiser applied to every record before it is encoded; null when privacy.pseudonymise is off
   * @param erasure applied after the pseudonymiser; null when nothing was erased
   */
  static JavaRDD<InternalRow> parse(SparkSession spark, List<SourceSplit> splits, IngestLimits limits,
      Pseudonymiser pseudonymiser, ErasureFilter erasure) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    List<List<SourceSplit>> bins = SplitPacker.pack(splits, jsc.defaultParallelism());
    InputOpener opener = SourceFiles.opener(spark.sparkContext().hadoopConfiguration());
    boolean failFast = limits.failFast();
    // One bin per partition; row ids are the partition index in the high bits, then a running count.
    // One split's rows at a time are held in memory, not a whole partition's.
    return jsc.parallelize(bins, Math.max(1, bins.size()))
        .mapPartitionsWithIndex((index, binIterator) -> {
          long[] nextRid = {(long) index << RID_BITS};
          ParsedRows encoder = new ParsedRows(pseudonymiser, erasure);
          return Stream.iterate(binIterator, Iterator::hasNext, it -> it)
              .flatMap(it -> it.next().stream())
              .flatMap(split -> {
                CollectingSink sink = new CollectingSink();
                SplitReader.Outcome outcome = new SplitReader(opener, limits).read(split, sink);
                if (failFast && outcome.note() != null && outcome.note().startsWith("unreadable")) {
                  throw new SourceFiles.InputFileException(split.path() + ": " + outcome.note()
                      + " (ingest.fail-fast is on)");
                }
                List<InternalRow> out = encoder.of(split, outcome, sink, nextRid[0]);
                nextRid[0] += out.size();
                return out.stream();
              })
              .iterator();
        }, true);
  }
}
