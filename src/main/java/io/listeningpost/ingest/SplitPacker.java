package io.listeningpost.ingest;

import io.listeningpost.ingest.read.SourceSplit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Packs source splits into balanced bins, one Spark partition each. */
final class SplitPacker {
  /** Input per partition when packing splits into Spark partitions. */
  static final long BYTES_PER_PARTITION = 32L << 20;

  private SplitPacker() {}

  /** Packs splits into about as many bins as there is work for, biggest first, each to the lightest bin. */
  static List<List<SourceSplit>> pack(List<SourceSplit> splits, int parallelism) {
    long total = splits.stream().mapToLong(s -> s.end() - s.start()).sum();
    int n = (int) Math.min(splits.size(), Math.max(2L * parallelism, (total + BYTES_PER_PARTITION - 1) / BYTES_PER_PARTITION));
    List<List<SourceSplit>> bins = new ArrayList<>();
    long[] load = new long[Math.max(n, 0)];
    for (int i = 0; i < n; i++) {
      bins.add(new ArrayList<>());
    }
    List<SourceSplit> sorted = new ArrayList<>(splits);
    sorted.sort(Comparator.comparingLong((SourceSplit s) -> s.end() - s.start()).reversed()
        .thenComparing(SourceSplit::path).thenComparingLong(SourceSplit::start));
    for (SourceSplit s : sorted) {
      int best = 0;
      for (int i = 1; i < n; i++) {
        if (load[i] < load[best]) {
          best = i;
        }
      }
      bins.get(best).add(s);
      load[best] += s.end() - s.start() + 4096;
    }
    return bins;
  }
}
