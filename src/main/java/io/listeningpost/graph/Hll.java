package io.listeningpost.graph;

import java.util.stream.IntStream;

/**
 * Two-hop reach estimated with HyperLogLog sketches (128 registers per node): a sketch of each
 * node's neighbours and itself, then for each node the register-wise maximum over its neighbours'
 * sketches. Linear in edges times registers, where the exact count is quadratic in hub degree.
 */
final class Hll {
  private static final int P = 7;
  private static final int M = 1 << P;
  private static final double ALPHA = 0.7213 / (1 + 1.079 / M);

  /** Sketches per array: 2^20 × 128 bytes, so that no index passes an int however many nodes. */
  private static final int CHUNK_BITS = 20;
  private static final int CHUNK_MASK = (1 << CHUNK_BITS) - 1;

  private Hll() {}

  static long[] reach(UndirectedAdjacency g) {
    int[] undStart = g.start();
    int[] undTo = g.to();
    int n = g.nodeCount();
    byte[][] first = new byte[(n >>> CHUNK_BITS) + 1][];
    for (int k = 0; k < first.length; k++) {
      first[k] = new byte[Math.min(CHUNK_MASK + 1, n - (k << CHUNK_BITS)) * M];
    }
    IntStream.range(0, n).parallel().forEach(v -> {
      add(first, v, v);
      for (int j = undStart[v]; j < undStart[v + 1]; j++) {
        add(first, v, undTo[j]);
      }
    });
    long[] reach = new long[n];
    IntStream.range(0, n).parallel().forEach(v -> {
      byte[] regs = new byte[M];
      System.arraycopy(first[v >>> CHUNK_BITS], (v & CHUNK_MASK) * M, regs, 0, M);
      for (int j = undStart[v]; j < undStart[v + 1]; j++) {
        int u = undTo[j];
        byte[] chunk = first[u >>> CHUNK_BITS];
        int base = (u & CHUNK_MASK) * M;
        for (int r = 0; r < M; r++) {
          if (chunk[base + r] > regs[r]) {
            regs[r] = chunk[base + r];
          }
        }
      }
      // The sketch counts v itself; reach counts other nodes.
      reach[v] = Math.max(0, Math.round(estimate(regs)) - 1);
    });
    return reach;
  }

  private static void add(byte[][] sketches, int owner, int item) {
    long h = mix(item);
    int idx = (int) (h >>> (64 - P));
    int rank = Long.numberOfLeadingZeros((h << P) | (1L << (P - 1))) + 1;
    byte[] regs = sketches[owner >>> CHUNK_BITS];
    int at = (owner & CHUNK_MASK) * M + idx;
    if (rank > regs[at]) {
      regs[at] = (byte) rank;
    }
  }

  private static double estimate(byte[] regs) {
    double sum = 0;
    int zeros = 0;
    for (byte r : regs) {
      sum += Math.pow(2, -r);
      if (r == 0) {
        zeros++;
      }
    }
    double e = ALPHA * M * M / sum;
    if (e <= 2.5 * M && zeros > 0) {
      e = M * Math.log((double) M / zeros);
    }
    return e;
  }

  /** SplitMix64's finaliser: a well-spread 64-bit hash of a node index. */
  private static long mix(long x) {
    long z = x + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
