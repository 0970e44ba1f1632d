package io.listeningpost.graph;

import java.io.Serializable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The edges of a range of nodes {@code [lo, hi)}: their in-edges, out-edges and undirected ties in
 * compressed sparse rows, with neighbours as global node numbers, sorted. Each measure is a kernel
 * that computes the values of the block's own nodes from values of all nodes, so that one block
 * holding the whole graph ({@link InteractionGraph}) and many blocks spread over Spark executors
 * ({@link PartitionedGraph}) give the same numbers. Row starts are relative: node {@code v} has
 * entries {@code [start[v - lo], start[v - lo + 1])}.
 */
public final class GraphBlock implements Serializable {
  private static final long serialVersionUID = 1L;

  final int lo;
  final int hi;
  final int[] inStart;
  final int[] inFrom;
  final double[] inW;
  final int[] outStart;
  final int[] outTo;
  final double[] outW;
  final int[] undStart;
  final int[] undTo;
  final double[] undW;

  GraphBlock(int lo, int hi, int[] inStart, int[] inFrom, double[] inW, int[] outStart, int[] outTo, double[] outW,
      int[] undStart, int[] undTo, double[] undW) {
    this.lo = lo;
    this.hi = hi;
    this.inStart = inStart;
    this.inFrom = inFrom;
    this.inW = inW;
    this.outStart = outStart;
    this.outTo = outTo;
    this.outW = outW;
    this.undStart = undStart;
    this.undTo = undTo;
    this.undW = undW;
  }

  /**
   * A block from its nodes' edges, each list sorted by (node, neighbour) with no pair twice: in-edges
   * as (target, source, weight), out-edges as (source, target, weight).
   */
  static GraphBlock of(int lo, int hi, int[] inNode, int[] inOther, double[] inWeight, int inCount, int[] outNode,
      int[] outOther, double[] outWeight, int outCount) {
    int size = hi - lo;
    int[] inStart = starts(lo, size, inNode, inCount);
    int[] outStart = starts(lo, size, outNode, outCount);
    int[] undStart = new int[size + 1];
    int[] undTo = new int[inCount + outCount];
    double[] undW = new double[inCount + outCount];
    int k = 0;
    for (int v = 0; v < size; v++) {
      undStart[v] = k;
      int i = inStart[v];
      int o = outStart[v];
      while (i < inStart[v + 1] || o < outStart[v + 1]) {
        int a = i < inStart[v + 1] ? inOther[i] : Integer.MAX_VALUE;
        int b = o < outStart[v + 1] ? outOther[o] : Integer.MAX_VALUE;
        if (a == b) {
          undTo[k] = a;
          undW[k++] = outWeight[o++] + inWeight[i++];
        } else if (a < b) {
          undTo[k] = a;
          undW[k++] = inWeight[i++];
        } else {
          undTo[k] = b;
          undW[k++] = outWeight[o++];
        }
      }
    }
    undStart[size] = k;
    return new GraphBlock(lo, hi, inStart, Arrays.copyOf(inOther, inCount), Arrays.copyOf(inWeight, inCount),
        outStart, Arrays.copyOf(outOther, outCount), Arrays.copyOf(outWeight, outCount), undStart,
        Arrays.copyOf(undTo, k), Arrays.copyOf(undW, k));
  }

  private static int[] starts(int lo, int size, int[] node, int count) {
    int[] start = new int[size + 1];
    for (int i = 0; i < count; i++) {
      start[node[i] - lo + 1]++;
    }
    for (int v = 0; v < size; v++) {
      start[v + 1] += start[v];
    }
    return start;
  }

  public int lo() {
    return lo;
  }

  public int hi() {
    return hi;
  }

  /** Distinct directed edges out of the block's nodes. */
  public long edges() {
    return outTo.length;
  }

  double[] outWeights() {
    return rowSums(outStart, outW);
  }

  double[] inWeights() {
    return rowSums(inStart, inW);
  }

  int[] inDegrees() {
    int[] d = new int[hi - lo];
    for (int v = 0; v < d.length; v++) {
      d[v] = inStart[v + 1] - inStart[v];
    }
    return d;
  }

  /** Undirected strength: the weight of all ties, both directions summed. */
  double[] strengths() {
    return rowSums(undStart, undW);
  }

  private double[] rowSums(int[] start, double[] w) {
    double[] s = new double[hi - lo];
    for (int v = 0; v < s.length; v++) {
      for (int j = start[v]; j < start[v + 1]; j++) {
        s[v] += w[j];
      }
    }
    return s;
  }

  /** Rank flowing in along weighted edges: Σ x[u] · w(u→v) / out-weight(u). */
  double[] rankInflow(double[] x, double[] outWeight) {
    double[] s = new double[hi - lo];
    for (int v = 0; v < s.length; v++) {
      double sum = 0;
      for (int j = inStart[v]; j < inStart[v + 1]; j++) {
        int u = inFrom[j];
        sum += x[u] * inW[j] / outWeight[u];
      }
      s[v] = sum;
    }
    return s;
  }

  /** Σ x[u] · w(u→v) over in-edges (HITS authority from hub scores). */
  double[] weightedInSum(double[] x) {
    return weightedSum(inStart, inFrom, inW, x);
  }

  /** Σ x[t] · w(v→t) over out-edges (HITS hub from authority scores). */
  double[] weightedOutSum(double[] x) {
    return weightedSum(outStart, outTo, outW, x);
  }

  private double[] weightedSum(int[] start, int[] other, double[] w, double[] x) {
    double[] s = new double[hi - lo];
    for (int v = 0; v < s.length; v++) {
      double sum = 0;
      for (int j = start[v]; j < start[v + 1]; j++) {
        sum += x[other[j]] * w[j];
      }
      s[v] = sum;
    }
    return s;
  }

  /** Out-weight towards members of one's own community. */
  double[] intraOut(int[] community) {
    double[] s = new double[hi - lo];
    for (int v = 0; v < s.length; v++) {
      int c = community[lo + v];
      for (int j = outStart[v]; j < outStart[v + 1]; j++) {
        if (community[outTo[j]] == c) {
          s[v] += outW[j];
        }
      }
    }
    return s;
  }

  /** Rank flowing in from members of one's own community, in proportion to their intra-community out-weight. */
  double[] communityInflow(double[] x, int[] community, double[] intraOut) {
    double[] s = new double[hi - lo];
    for (int v = 0; v < s.length; v++) {
      int c = community[lo + v];
      double sum = 0;
      for (int j = inStart[v]; j < inStart[v + 1]; j++) {
        int u = inFrom[j];
        if (community[u] == c) {
          sum += x[u] * inW[j] / intraOut[u];
        }
      }
      s[v] = sum;
    }
    return s;
  }

  /** 1 - Σ_c (k_vc / k_v)² over undirected weights; 0 for a node without ties. */
  double[] participation(int[] community) {
    double[] p = new double[hi - lo];
    Ties ties = new Ties();
    for (int v = 0; v < p.length; v++) {
      ties.of(this, v, community);
      double k = 0;
      for (int j = undStart[v]; j < undStart[v + 1]; j++) {
        k += undW[j];
      }
      if (k == 0) {
        continue;
      }
      double sum = 0;
      for (int i = 0; i < ties.count; i++) {
        sum += (ties.weight[i] / k) * (ties.weight[i] / k);
      }
      p[v] = 1 - sum;
    }
    return p;
  }

  /**
   * A node's undirected weight towards each neighbouring community, in the order of the communities'
   * labels, each summed in the order of the neighbours: the same bits whatever else the block holds.
   */
  private static final class Ties {
    int[] label = new int[16];
    double[] weight = new double[16];
    long[] order = new long[16];
    int count;
    // An open-addressing table from label to its entry; a slot is in use when its stamp is this node's.
    private int[] slotLabel = new int[16];
    private int[] slotEntry = new int[16];
    private int[] stamp = new int[16];
    private int epoch;
    private double[] unsorted = new double[16];

    void of(GraphBlock b, int v, int[] community) {
      int from = b.undStart[v];
      int deg = b.undStart[v + 1] - from;
      if (label.length < deg) {
        label = new int[deg];
        weight = new double[deg];
        order = new long[deg];
      }
      if (stamp.length < 2 * deg) {
        int size = Integer.highestOneBit(2 * deg - 1) << 1;
        slotLabel = new int[size];
        slotEntry = new int[size];
        stamp = new int[size];
        epoch = 0;
      }
      if (++epoch == Integer.MAX_VALUE) {
        Arrays.fill(stamp, 0);
        epoch = 1;
      }
      int mask = stamp.length - 1;
      count = 0;
      for (int j = 0; j < deg; j++) {
        int c = community[b.undTo[from + j]];
        int h = (c * 0x9E3779B1) >>> 7 & mask;
        while (stamp[h] == epoch && slotLabel[h] != c) {
          h = (h + 1) & mask;
        }
        if (stamp[h] == epoch) {
          weight[slotEntry[h]] += b.undW[from + j];
        } else {
          stamp[h] = epoch;
          slotLabel[h] = c;
          slotEntry[h] = count;
          label[count] = c;
          weight[count++] = b.undW[from + j];
        }
      }
      // In label order; each weight was summed in neighbour order, so the bits do not depend on the table.
      for (int i = 0; i < count; i++) {
        order[i] = ((long) label[i] << 32) | i;
      }
      Arrays.sort(order, 0, count);
      if (unsorted.length < count) {
        unsorted = new double[label.length];
      }
      System.arraycopy(weight, 0, unsorted, 0, count);
      for (int i = 0; i < count; i++) {
        label[i] = (int) (order[i] >>> 32);
        weight[i] = unsorted[(int) order[i]];
      }
    }
  }

  /** How many distinct communities the in-neighbours come from. */
  int[] answeringCommunities(int[] community) {
    int[] out = new int[hi - lo];
    Set<Integer> seen = new HashSet<>();
    for (int v = 0; v < out.length; v++) {
      seen.clear();
      for (int j = inStart[v]; j < inStart[v + 1]; j++) {
        seen.add(community[inFrom[j]]);
      }
      out[v] = seen.size();
    }
    return out;
  }

  /** Out-edges towards members of one's own community. */
  int[] intraOutEdges(int[] community) {
    int[] s = new int[hi - lo];
    for (int v = 0; v < s.length; v++) {
      int c = community[lo + v];
      for (int j = outStart[v]; j < outStart[v + 1]; j++) {
        if (community[outTo[j]] == c) {
          s[v]++;
        }
      }
    }
    return s;
  }

  /**
   * One synchronous round of Louvain's local moving for the block's nodes: each active node picks the
   * neighbouring community with the largest modularity gain, w(v, C) - γ k_v K_C / 2W, given
   * everyone's community as the round began. Half of the nodes, drawn from the seed and round, may
   * move in a round, and a node alone in its community joins another lone node only if that one's
   * label is smaller, so that neighbours do not swap places forever.
   *
   * @param strength each node's undirected strength k
   * @param communityStrength K per community label, the sum of its members' strengths
   * @param size members per community label
   * @param resolutionOverTotal γ / 2W
   * @return moves as pairs (node, new community label), flattened
   */
  int[] louvainMoves(int[] community, double[] strength, double[] communityStrength, int[] size,
      double resolutionOverTotal, long seed, int round) {
    int[] moves = new int[16];
    int m = 0;
    Ties ties = new Ties();
    for (int v = 0; v < hi - lo; v++) {
      int node = lo + v;
      if (undStart[v] == undStart[v + 1] || (mix(seed, round, node) & 1) != 0) {
        continue;
      }
      int own = community[node];
      double k = strength[node];
      ties.of(this, v, community);
      double toOwn = 0;
      for (int i = 0; i < ties.count; i++) {
        if (ties.label[i] == own) {
          toOwn = ties.weight[i];
        }
      }
      // The first of equal gains wins, in label order: the smallest label.
      int best = own;
      double bestGain = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < ties.count; i++) {
        int c = ties.label[i];
        double gain = ties.weight[i] - resolutionOverTotal * k * communityStrength[c];
        if (c != own && gain > bestGain) {
          best = c;
          bestGain = gain;
        }
      }
      double stay = toOwn - resolutionOverTotal * k * (communityStrength[own] - k);
      if (best == own || bestGain <= stay + 1e-12 || (size[own] == 1 && size[best] == 1 && best > own)) {
        continue;
      }
      if (m + 2 > moves.length) {
        moves = Arrays.copyOf(moves, moves.length * 2);
      }
      moves[m++] = node;
      moves[m++] = best;
    }
    return Arrays.copyOf(moves, m);
  }

  private static long mix(long seed, int round, int node) {
    long z = seed * 0x9E3779B97F4A7C15L + round * 0xBF58476D1CE4E5B9L + node;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /**
   * Ties between different communities, each undirected pair of nodes counted once (from its smaller
   * node): community pairs packed as {@code a << 32 | b} with a < b, sorted, and their summed weights.
   */
  CoarseTies coarseTies(int[] community) {
    Map<Long, Double> ties = new HashMap<>();
    for (int v = 0; v < hi - lo; v++) {
      int node = lo + v;
      int a = community[node];
      for (int j = undStart[v]; j < undStart[v + 1]; j++) {
        int u = undTo[j];
        int b = community[u];
        if (u > node && a != b) {
          ties.merge(a < b ? ((long) a << 32) | b : ((long) b << 32) | a, undW[j], Double::sum);
        }
      }
    }
    long[] keys = ties.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
    double[] w = new double[keys.length];
    for (int i = 0; i < keys.length; i++) {
      w[i] = ties.get(keys[i]);
    }
    return new CoarseTies(keys, w);
  }

  /** Weighted ties between community pairs, sorted by pair; see {@link #coarseTies}. */
  record CoarseTies(long[] pairs, double[] weights) implements Serializable {}

  /** The block's part of the undirected view: relative row starts and global neighbours. */
  UndirectedAdjacency undirectedRows() {
    return new UndirectedAdjacency(undStart, undTo);
  }
}
