package io.listeningpost.graph;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A weighted, directed interaction graph held in compressed sparse rows: who replied to, answered,
 * commented on, mentioned, shared or quoted whom, and how much. Parallel edges are merged by summing
 * their weights; self-loops are left out of the graph and counted, since talking to oneself
 * influences no one (the spam guard looks at them separately).
 *
 * <p>It also keeps the undirected view (weights of both directions summed), which community
 * detection, participation, reach and betweenness use.
 */
public final class InteractionGraph {
  private final String[] ids;
  final int[] outStart;
  final int[] outTo;
  final double[] outW;
  final int[] inStart;
  final int[] inFrom;
  final double[] inW;
  final int[] undStart;
  final int[] undTo;
  final double[] undW;
  final double[] outWeight;
  final double[] inWeight;
  private final long selfLoops;

  private InteractionGraph(String[] ids, int[] src, int[] dst, double[] w, int m, long selfLoops) {
    this.ids = ids;
    this.selfLoops = selfLoops;
    int n = ids.length;
    Rows out = csr(n, src, dst, w, m);
    this.outStart = out.start();
    this.outTo = out.to();
    this.outW = out.w();
    Rows in = csr(n, dst, src, w, m);
    this.inStart = in.start();
    this.inFrom = in.to();
    this.inW = in.w();
    int[] us = new int[2 * m];
    int[] ud = new int[2 * m];
    double[] uw = new double[2 * m];
    System.arraycopy(src, 0, us, 0, m);
    System.arraycopy(dst, 0, us, m, m);
    System.arraycopy(dst, 0, ud, 0, m);
    System.arraycopy(src, 0, ud, m, m);
    System.arraycopy(w, 0, uw, 0, m);
    System.arraycopy(w, 0, uw, m, m);
    Rows und = csr(n, us, ud, uw, 2 * m);
    this.undStart = und.start();
    this.undTo = und.to();
    this.undW = und.w();
    this.outWeight = rowSums(outStart, outW, n);
    this.inWeight = rowSums(inStart, inW, n);
  }

  private record Rows(int[] start, int[] to, double[] w) {}

  /**
   * Rows of {@code from} → {@code to}, sorted by target within a row, parallel edges merged.
   * A counting sort by source, then a primitive sort of each row: no boxing, O(E log d).
   */
  private static Rows csr(int n, int[] from, int[] to, double[] w, int m) {
    int[] start = new int[n + 1];
    for (int i = 0; i < m; i++) {
      start[from[i] + 1]++;
    }
    for (int i = 0; i < n; i++) {
      start[i + 1] += start[i];
    }
    int[] fill = Arrays.copyOf(start, n);
    long[] packed = new long[m];
    for (int i = 0; i < m; i++) {
      int at = fill[from[i]]++;
      packed[at] = ((long) to[i] << 32) | i;
    }
    int[] outTargets = new int[m];
    double[] outWeights = new double[m];
    int[] newStart = new int[n + 1];
    int k = 0;
    for (int v = 0; v < n; v++) {
      Arrays.sort(packed, start[v], start[v + 1]);
      newStart[v] = k;
      int last = -1;
      for (int j = start[v]; j < start[v + 1]; j++) {
        int target = (int) (packed[j] >>> 32);
        double weight = w[(int) packed[j]];
        if (target == last) {
          outWeights[k - 1] += weight;
        } else {
          outTargets[k] = target;
          outWeights[k] = weight;
          k++;
          last = target;
        }
      }
    }
    newStart[n] = k;
    return new Rows(newStart, Arrays.copyOf(outTargets, k), Arrays.copyOf(outWeights, k));
  }

  private static double[] rowSums(int[] start, double[] w, int n) {
    double[] s = new double[n];
    for (int v = 0; v < n; v++) {
      for (int j = start[v]; j < start[v + 1]; j++) {
        s[v] += w[j];
      }
    }
    return s;
  }

  public int nodeCount() {
    return ids.length;
  }

  /** Distinct directed edges after merging. */
  public int edgeCount() {
    return outTo.length;
  }

  public long selfLoops() {
    return selfLoops;
  }

  public String id(int node) {
    return ids[node];
  }

  public double outWeight(int v) {
    return outWeight[v];
  }

  public double inWeight(int v) {
    return inWeight[v];
  }

  public int inDegree(int v) {
    return inStart[v + 1] - inStart[v];
  }

  /** The whole graph as one block, sharing this graph's arrays. */
  public BlockSet blocks() {
    return BlockSet.of(new GraphBlock(0, ids.length, inStart, inFrom, inW, outStart, outTo, outW, undStart, undTo,
        undW));
  }

  /** The undirected view without weights. */
  public UndirectedAdjacency undirected() {
    return new UndirectedAdjacency(undStart, undTo);
  }

  public int undirectedDegree(int v) {
    return undStart[v + 1] - undStart[v];
  }

  /**
   * Collects edges by node id. Nodes are numbered in the order of their ids, not of arrival, so that
   * the same graph gets the same numbering (and so the same communities, samples and tie-breaks)
   * however its edges were gathered.
   */
  public static final class Builder {
    private final Map<String, Integer> index = new HashMap<>();
    private String[] names = new String[1024];
    private int[] src = new int[1024];
    private int[] dst = new int[1024];
    private double[] w = new double[1024];
    private int m;
    private long selfLoops;

    /** Adds a node that may have no edges. */
    public Builder node(String id) {
      indexOf(id);
      return this;
    }

    private int indexOf(String id) {
      Integer i = index.get(id);
      if (i != null) {
        return i;
      }
      int n = index.size();
      if (n == names.length) {
        names = Arrays.copyOf(names, n * 2);
      }
      names[n] = id;
      index.put(id, n);
      return n;
    }

    /** Adds an edge; weights must be positive and finite. */
    public Builder edge(String from, String to, double weight) {
      if (!(weight > 0) || Double.isInfinite(weight)) {
        throw new IllegalArgumentException("edge " + from + " -> " + to + ": weight must be positive, got " + weight);
      }
      int a = indexOf(from);
      int b = indexOf(to);
      if (a == b) {
        selfLoops++;
        return this;
      }
      if (m == src.length) {
        src = Arrays.copyOf(src, m * 2);
        dst = Arrays.copyOf(dst, m * 2);
        w = Arrays.copyOf(w, m * 2);
      }
      src[m] = a;
      dst[m] = b;
      w[m] = weight;
      m++;
      return this;
    }

    public InteractionGraph build() {
      int n = index.size();
      String[] sorted = Arrays.copyOf(names, n);
      Arrays.sort(sorted);
      int[] renumber = new int[n];
      for (int i = 0; i < n; i++) {
        renumber[index.get(sorted[i])] = i;
      }
      int[] s = new int[m];
      int[] d = new int[m];
      for (int e = 0; e < m; e++) {
        s[e] = renumber[src[e]];
        d[e] = renumber[dst[e]];
      }
      return new InteractionGraph(sorted, s, d, w, m, selfLoops);
    }
  }
}
