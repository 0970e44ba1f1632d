package io.listeningpost.graph;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Single-machine graph measures over an {@link InteractionGraph}: weighted PageRank (networkx's
 * definition, which the tests cross-check), HITS, community-restricted PageRank, reach within two
 * hops, and approximate betweenness from sampled sources.
 */
public final class GraphAlgorithms {
  private GraphAlgorithms() {}

  /**
   * Weighted PageRank as networkx defines it: an edge passes rank in proportion to its weight, and
   * the rank of nodes without out-edges is spread uniformly. Iterates until the L1 change is below
   * {@code n * tol}.
   */
  public static double[] pageRank(InteractionGraph g, double damping, double tol, int maxIter) {
    return pageRank(g.blocks(), g.outWeight, damping, tol, maxIter);
  }

  /** {@link #pageRank(InteractionGraph, double, double, int)} over blocks, given each node's out-weight. */
  public static double[] pageRank(BlockSet blocks, double[] outWeight, double damping, double tol, int maxIter) {
    int n = blocks.nodeCount();
    double[] x = new double[n];
    if (n == 0) {
      return x;
    }
    Arrays.fill(x, 1.0 / n);
    try (BlockSet.Shared<double[]> out = blocks.share(outWeight)) {
      for (int iter = 0; iter < maxIter; iter++) {
        double dangling = 0;
        for (int v = 0; v < n; v++) {
          if (outWeight[v] == 0) {
            dangling += x[v];
          }
        }
        double base = (damping * dangling + (1 - damping)) / n;
        double[] inflow;
        try (BlockSet.Shared<double[]> rank = blocks.share(x)) {
          inflow = BlockSet.doubles(blocks, b -> b.rankInflow(rank.get(), out.get()));
        }
        double[] next = new double[n];
        double err = 0;
        for (int v = 0; v < n; v++) {
          next[v] = base + damping * inflow[v];
          err += Math.abs(next[v] - x[v]);
        }
        x = next;
        if (err < n * tol) {
          break;
        }
      }
    }
    return x;
  }

  /**
   * PageRank inside each community: only edges between members count, and a community keeps its
   * share of rank (teleport and dangling rank stay inside it). Returned as rank × community size, so
   * 1 is an average member and 5 carries five times an average member's weight in its community.
   */
  public static double[] communityPageRank(InteractionGraph g, int[] community, int communities, double damping,
      double tol, int maxIter) {
    return communityPageRank(g.blocks(), community, communities, damping, tol, maxIter);
  }

  /** {@link #communityPageRank(InteractionGraph, int[], int, double, double, int)} over blocks. */
  public static double[] communityPageRank(BlockSet blocks, int[] community, int communities, double damping,
      double tol, int maxIter) {
    int n = blocks.nodeCount();
    int[] size = new int[communities];
    for (int v = 0; v < n; v++) {
      size[community[v]]++;
    }
    double[] x = new double[n];
    for (int v = 0; v < n; v++) {
      x[v] = 1.0 / size[community[v]];
    }
    double[] dangling = new double[communities];
    try (BlockSet.Shared<int[]> c = blocks.share(community)) {
      double[] intraOut = BlockSet.doubles(blocks, b -> b.intraOut(c.get()));
      try (BlockSet.Shared<double[]> intra = blocks.share(intraOut)) {
        for (int iter = 0; iter < maxIter; iter++) {
          Arrays.fill(dangling, 0);
          for (int v = 0; v < n; v++) {
            if (intraOut[v] == 0) {
              dangling[community[v]] += x[v];
            }
          }
          double[] inflow;
          try (BlockSet.Shared<double[]> rank = blocks.share(x)) {
            inflow = BlockSet.doubles(blocks, b -> b.communityInflow(rank.get(), c.get(), intra.get()));
          }
          double[] next = new double[n];
          double err = 0;
          for (int v = 0; v < n; v++) {
            int k = community[v];
            next[v] = (damping * dangling[k] + (1 - damping)) / size[k] + damping * inflow[v];
            err += Math.abs(next[v] - x[v]);
          }
          x = next;
          if (err < n * tol) {
            break;
          }
        }
      }
    }
    for (int v = 0; v < n; v++) {
      x[v] *= size[community[v]];
    }
    return x;
  }

  /** HITS hubs and authorities on weighted edges, each normalised to sum 1 (networkx's convention). */
  public static double[][] hits(InteractionGraph g, double tol, int maxIter) {
    return hits(g.blocks(), tol, maxIter);
  }

  /** {@link #hits(InteractionGraph, double, int)} over blocks. */
  public static double[][] hits(BlockSet blocks, double tol, int maxIter) {
    int n = blocks.nodeCount();
    double[] hub = new double[n];
    double[] auth = new double[n];
    if (n == 0) {
      return new double[][] {hub, auth};
    }
    Arrays.fill(hub, 1.0 / n);
    for (int iter = 0; iter < maxIter; iter++) {
      double[] last = hub;
      try (BlockSet.Shared<double[]> h = blocks.share(hub)) {
        auth = BlockSet.doubles(blocks, b -> b.weightedInSum(h.get()));
      }
      try (BlockSet.Shared<double[]> a = blocks.share(auth)) {
        hub = BlockSet.doubles(blocks, b -> b.weightedOutSum(a.get()));
      }
      normaliseMax(hub);
      normaliseMax(auth);
      double err = 0;
      for (int v = 0; v < n; v++) {
        err += Math.abs(hub[v] - last[v]);
      }
      if (err < tol) {
        break;
      }
    }
    normaliseSum(hub);
    normaliseSum(auth);
    return new double[][] {hub, auth};
  }

  private static void normaliseMax(double[] x) {
    double max = 0;
    for (double v : x) {
      max = Math.max(max, v);
    }
    if (max > 0) {
      for (int i = 0; i < x.length; i++) {
        x[i] /= max;
      }
    }
  }

  private static void normaliseSum(double[] x) {
    double sum = 0;
    for (double v : x) {
      sum += v;
    }
    if (sum > 0) {
      for (int i = 0; i < x.length; i++) {
        x[i] /= sum;
      }
    }
  }

  /**
   * Distinct other nodes within two hops in the undirected view. Exact while the work (the sum of
   * squared degrees) stays under {@code exactBudget}; above it, each node's two-hop set is estimated
   * with a HyperLogLog sketch of 128 registers (about 9% standard error).
   */
  public static long[] reachWithinTwoHops(InteractionGraph g, long exactBudget) {
    return reachWithinTwoHops(g.undirected(), exactBudget);
  }

  /** {@link #reachWithinTwoHops(InteractionGraph, long)} on the undirected view alone. */
  public static long[] reachWithinTwoHops(UndirectedAdjacency g, long exactBudget) {
    int n = g.nodeCount();
    long work = 0;
    for (int v = 0; v < n && work <= exactBudget; v++) {
      long d = g.degree(v);
      work += d * d;
    }
    return work <= exactBudget ? exactReach(g) : Hll.reach(g);
  }

  private static long[] exactReach(UndirectedAdjacency g) {
    int[] undStart = g.start();
    int[] undTo = g.to();
    int n = g.nodeCount();
    long[] reach = new long[n];
    ThreadLocal<int[]> marks = ThreadLocal.withInitial(() -> {
      int[] m = new int[n];
      Arrays.fill(m, -1);
      return m;
    });
    IntStream.range(0, n).parallel().forEach(v -> {
      int[] mark = marks.get();
      mark[v] = v;
      long count = 0;
      for (int j = undStart[v]; j < undStart[v + 1]; j++) {
        int u = undTo[j];
        if (mark[u] != v) {
          mark[u] = v;
          count++;
        }
        for (int k = undStart[u]; k < undStart[u + 1]; k++) {
          int t = undTo[k];
          if (mark[t] != v) {
            mark[t] = v;
            count++;
          }
        }
      }
      reach[v] = count;
    });
    return reach;
  }

  /** Arc visits the sampled betweenness may spend: a few minutes on two cores at most. */
  static final long BETWEENNESS_BUDGET = 1_000_000_000L;

  /**
   * How many sources betweenness samples: the configured number, fewer on large graphs so that the
   * breadth-first searches stay within {@link #BETWEENNESS_BUDGET} arc visits, and never under 32.
   */
  public static int betweennessSamples(UndirectedAdjacency g, int configured) {
    long arcs = Math.max(1, g.arcs() + g.nodeCount());
    return (int) Math.min(configured, Math.max(32, BETWEENNESS_BUDGET / arcs));
  }

  /**
   * Approximate betweenness (Brandes on the undirected, unweighted view) from {@code samples}
   * source nodes drawn with {@code seed}, scaled by n / samples. Exact when samples ≥ n.
   * Normalised like networkx: divided by (n-1)(n-2)/2 for undirected graphs.
   */
  public static double[] betweenness(InteractionGraph g, int samples, long seed) {
    return betweenness(g.undirected(), samples, seed);
  }

  /** {@link #betweenness(InteractionGraph, int, long)} on the undirected view alone. */
  public static double[] betweenness(UndirectedAdjacency g, int samples, long seed) {
    int n = g.nodeCount();
    int[] sources;
    if (samples >= n) {
      sources = IntStream.range(0, n).toArray();
    } else {
      int[] all = IntStream.range(0, n).toArray();
      Random r = new Random(seed);
      for (int i = 0; i < samples; i++) {
        int j = i + r.nextInt(n - i);
        int t = all[i];
        all[i] = all[j];
        all[j] = t;
      }
      sources = Arrays.copyOf(all, samples);
    }
    int chunks = Math.max(1, Math.min(sources.length, Runtime.getRuntime().availableProcessors()));
    int[] finalSources = sources;
    double[] total = IntStream.range(0, chunks).parallel().mapToObj(c -> {
      double[] acc = new double[n];
      Brandes b = new Brandes(n);
      for (int i = c; i < finalSources.length; i += chunks) {
        b.accumulate(g, finalSources[i], acc);
      }
      return acc;
    }).reduce((a, b) -> {
      for (int i = 0; i < n; i++) {
        a[i] += b[i];
      }
      return a;
    }).orElse(new double[n]);
    double scale = (double) n / sources.length;
    // Each pair is counted from both ends in an undirected graph, hence the halving.
    double norm = n > 2 ? 2.0 / ((double) (n - 1) * (n - 2)) : 0;
    for (int v = 0; v < n; v++) {
      total[v] = total[v] * scale / 2 * norm;
    }
    return total;
  }

  /** One single-source pass of Brandes' algorithm, with buffers reused across sources. */
  private static final class Brandes {
    final double[] delta;
    final double[] sigma;
    final int[] dist;
    final int[] order;

    Brandes(int n) {
      delta = new double[n];
      sigma = new double[n];
      dist = new int[n];
      order = new int[n];
      Arrays.fill(dist, -1);
    }

    void accumulate(UndirectedAdjacency g, int s, double[] acc) {
      int[] undStart = g.start();
      int[] undTo = g.to();
      int head = 0;
      int tail = 0;
      sigma[s] = 1;
      dist[s] = 0;
      order[tail++] = s;
      while (head < tail) {
        int v = order[head++];
        for (int j = undStart[v]; j < undStart[v + 1]; j++) {
          int w = undTo[j];
          if (dist[w] < 0) {
            dist[w] = dist[v] + 1;
            order[tail++] = w;
          }
          if (dist[w] == dist[v] + 1) {
            sigma[w] += sigma[v];
          }
        }
      }
      for (int i = tail - 1; i > 0; i--) {
        int w = order[i];
        for (int j = undStart[w]; j < undStart[w + 1]; j++) {
          int v = undTo[j];
          if (dist[v] == dist[w] - 1) {
            delta[v] += sigma[v] / sigma[w] * (1 + delta[w]);
          }
        }
        acc[w] += delta[w];
      }
      for (int i = 0; i < tail; i++) {
        int v = order[i];
        delta[v] = 0;
        sigma[v] = 0;
        dist[v] = -1;
      }
    }
  }

  /**
   * Participation coefficient of each node across communities: 1 - Σ_c (k_ic / k_i)², with k the
   * undirected edge weight. 0 means all ties inside one community; near 1, ties spread evenly.
   */
  public static double[] participation(BlockSet blocks, int[] community) {
    try (BlockSet.Shared<int[]> c = blocks.share(community)) {
      return BlockSet.doubles(blocks, b -> b.participation(c.get()));
    }
  }

  /** How many distinct communities the nodes that reach {@code v} (its in-neighbours) come from. */
  public static int[] answeringCommunities(BlockSet blocks, int[] community) {
    try (BlockSet.Shared<int[]> c = blocks.share(community)) {
      return BlockSet.ints(blocks, b -> b.answeringCommunities(c.get()));
    }
  }
}
