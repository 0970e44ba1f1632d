package io.listeningpost.graph;

import java.util.Random;
import nl.cwts.networkanalysis.Clustering;
import nl.cwts.networkanalysis.LeidenAlgorithm;
import nl.cwts.networkanalysis.Network;
import nl.cwts.util.LargeDoubleArray;
import nl.cwts.util.LargeIntArray;

/**
 * Communities by modularity with the Leiden algorithm (CWTS networkanalysis), which keeps every
 * community connected, unlike Louvain. Runs on the undirected view; a seed gives the same result
 * every time.
 */
public final class Communities {
  /** Node → community (0 = largest), the number of communities and the modularity reached. */
  public record Result(int[] membership, int count, double modularity) {}

  // Five iterations from one start: on email-Eu-core and Higgs, the best of 4 starts × 10 iterations
  // raised modularity by at most 0.0003 and took 4.5 times as long (docs/benchmarks.md).
  private static final int ITERATIONS = 5;
  private static final double RANDOMNESS = 0.01;

  private Communities() {}

  public static Result leiden(InteractionGraph g, double resolution, long seed) {
    int n = g.nodeCount();
    if (n == 0) {
      return new Result(new int[0], 0, 0);
    }
    Network network = network(g);
    double total = 2 * network.getTotalEdgeWeight() + network.getTotalEdgeWeightSelfLinks();
    if (total == 0) {
      int[] singletons = new int[n];
      for (int i = 0; i < n; i++) {
        singletons[i] = i;
      }
      return new Result(singletons, n, 0);
    }
    LeidenAlgorithm leiden = new LeidenAlgorithm(resolution / total, ITERATIONS, RANDOMNESS, new Random(seed));
    Clustering best = new Clustering(n);
    leiden.improveClustering(network, best);
    best.orderClustersByNNodes();
    return new Result(best.getClusters(), best.getNClusters(), modularity(g, best.getClusters()));
  }

  /**
   * Leiden on a graph of groups of nodes found by a first level elsewhere: each group weighs the
   * strength of its members, and ties between groups are given once per pair ({@code a << 32 | b},
   * a < b). The resolution is divided by the original graph's total strength, so that the quality is
   * the original graph's modularity. Returns each group's community.
   */
  static int[] leidenOnGroups(double[] groupStrength, long[] pairs, double[] weights, double resolutionOverTotal,
      long seed) {
    LargeIntArray from = new LargeIntArray(pairs.length);
    LargeIntArray to = new LargeIntArray(pairs.length);
    for (int i = 0; i < pairs.length; i++) {
      from.set(i, (int) (pairs[i] >>> 32));
      to.set(i, (int) pairs[i]);
    }
    Network network = new Network(groupStrength, new LargeIntArray[] {from, to}, new LargeDoubleArray(weights),
        false, false);
    Clustering clustering = new Clustering(groupStrength.length);
    new LeidenAlgorithm(resolutionOverTotal, ITERATIONS, RANDOMNESS, new Random(seed)).improveClustering(network,
        clustering);
    return clustering.getClusters();
  }

  /**
   * Renumbers communities in place by size, largest first (ties: the one holding the smaller node
   * first) and returns how many there are.
   */
  static int orderBySize(int[] membership) {
    int labels = 0;
    for (int c : membership) {
      labels = Math.max(labels, c + 1);
    }
    int[] size = new int[labels];
    int[] first = new int[labels];
    java.util.Arrays.fill(first, Integer.MAX_VALUE);
    for (int v = 0; v < membership.length; v++) {
      size[membership[v]]++;
      first[membership[v]] = Math.min(first[membership[v]], v);
    }
    Integer[] order = java.util.stream.IntStream.range(0, labels).filter(c -> size[c] > 0).boxed()
        .sorted(java.util.Comparator.<Integer>comparingInt(c -> -size[c]).thenComparingInt(c -> first[c]))
        .toArray(Integer[]::new);
    int[] renumber = new int[labels];
    for (int i = 0; i < order.length; i++) {
      renumber[order[i]] = i;
    }
    for (int v = 0; v < membership.length; v++) {
      membership[v] = renumber[membership[v]];
    }
    return order.length;
  }

  /**
   * Modularity (at resolution 1) of a partition, on the same undirected weights: CWTS's CPM quality
   * with resolution 1/2m, which it already divides by 2m.
   */
  public static double modularity(InteractionGraph g, int[] membership) {
    Network network = network(g);
    double total = 2 * network.getTotalEdgeWeight() + network.getTotalEdgeWeightSelfLinks();
    LeidenAlgorithm q = new LeidenAlgorithm(1 / total, 1, RANDOMNESS, new Random(0));
    return q.calcQuality(network, new Clustering(membership));
  }

  /** Normalised mutual information between two partitions (CWTS's definition, as sklearn's arithmetic mean). */
  public static double nmi(int[] a, int[] b) {
    return new Clustering(a).calcNormalizedMutualInformation(new Clustering(b));
  }

  static Network network(InteractionGraph g) {
    int n = g.nodeCount();
    // Each undirected pair once (u < v) with the weights of both directions summed.
    LargeIntArray from = new LargeIntArray(0);
    LargeIntArray to = new LargeIntArray(0);
    LargeDoubleArray w = new LargeDoubleArray(0);
    for (int u = 0; u < n; u++) {
      for (int j = g.undStart[u]; j < g.undStart[u + 1]; j++) {
        int v = g.undTo[j];
        if (u < v) {
          from.append(u);
          to.append(v);
          w.append(g.undW[j]);
        }
      }
    }
    return new Network(n, true, new LargeIntArray[] {from, to}, w, false, false);
  }
}
