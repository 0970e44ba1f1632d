package io.listeningpost.graph;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Every graph measure that influence, roles and community summaries are made of, one value per node
 * (numbered in the order of their ids) or per community. The driver computes them from an {@link
 * InteractionGraph}; {@link PartitionedGraph} computes the same measures with Spark when the graph is
 * too large for one machine.
 *
 * @param ids node ids, sorted
 * @param edges distinct directed edges
 * @param internalEdges per community, directed edges between its members
 * @param internalWeight per community, the weight of those edges
 * @param path which implementation computed the measures, as the run summary names it
 * @param millis wall time per measure, in the order computed
 */
public record GraphMeasures(String[] ids, long edges, long selfLoops, double[] inWeight, int[] inDegree,
    double[] pageRank, double[] hub, double[] authority, Communities.Result communities, double[] communityPageRank,
    long[] reach, double[] betweenness, double[] participation, int[] answeringCommunities, long[] internalEdges,
    double[] internalWeight, String path, Map<String, Long> millis) {
  public GraphMeasures {
    millis = Collections.unmodifiableMap(new LinkedHashMap<>(millis));
  }

  /** Rank vectors iterate until their L1 change is this small per node, or this many times. */
  static final double TOLERANCE = 1e-10;
  static final int MAX_ITERATIONS = 200;
  /** Above this much work (the sum of squared degrees), two-hop reach is estimated with sketches. */
  static final long EXACT_REACH_BUDGET = 300_000_000L;
  public static final String DRIVER = "driver";

  public int nodeCount() {
    return ids.length;
  }

  /** All measures of a graph held on the driver. */
  public static GraphMeasures of(InteractionGraph g, InfluenceModel.Settings s) {
    String[] ids = new String[g.nodeCount()];
    Arrays.setAll(ids, g::id);
    Map<String, Long> millis = new LinkedHashMap<>();
    Communities.Result comm = timed(millis, "communities", () -> Communities.leiden(g, s.resolution(), s.seed()));
    return of(g.blocks(), ids, g.selfLoops(), comm, g.undirected(), s, DRIVER, millis);
  }

  /** Runs {@code work}, adding its wall time to {@code millis} under {@code name}. */
  static <T> T timed(Map<String, Long> millis, String name, Supplier<T> work) {
    long t0 = System.nanoTime();
    T result = work.get();
    millis.merge(name, (System.nanoTime() - t0) / 1_000_000, Long::sum);
    return result;
  }

  /**
   * The measures of a graph given as blocks, with its communities already found and its undirected
   * view gathered; every other measure runs as kernels over the blocks.
   */
  static GraphMeasures of(BlockSet blocks, String[] ids, long selfLoops, Communities.Result comm,
      UndirectedAdjacency und, InfluenceModel.Settings s, String path, Map<String, Long> timings) {
    Map<String, Long> millis = new LinkedHashMap<>(timings);
    double[] outWeight = timed(millis, "degrees", () -> BlockSet.doubles(blocks, GraphBlock::outWeights));
    double[] inWeight = timed(millis, "degrees", () -> BlockSet.doubles(blocks, GraphBlock::inWeights));
    int[] inDegree = timed(millis, "degrees", () -> BlockSet.ints(blocks, GraphBlock::inDegrees));
    long edges = blocks.map(GraphBlock::edges).stream().mapToLong(BlockSet.Result::value).sum();
    double[] pr = timed(millis, "pagerank", () -> GraphAlgorithms.pageRank(blocks, outWeight, s.damping(), TOLERANCE,
        MAX_ITERATIONS));
    double[][] hits = timed(millis, "hits", () -> GraphAlgorithms.hits(blocks, TOLERANCE, MAX_ITERATIONS));
    int[] c = comm.membership();
    double[] cpr = timed(millis, "community pagerank", () -> GraphAlgorithms.communityPageRank(blocks, c,
        comm.count(), s.damping(), TOLERANCE, MAX_ITERATIONS));
    long[] reach = timed(millis, "reach", () -> GraphAlgorithms.reachWithinTwoHops(und, EXACT_REACH_BUDGET));
    double[] between = timed(millis, "betweenness", () -> GraphAlgorithms.betweenness(und,
        GraphAlgorithms.betweennessSamples(und, s.betweennessSamples()), s.seed()));
    double[] participation = timed(millis, "participation", () -> GraphAlgorithms.participation(blocks, c));
    int[] answering = timed(millis, "participation", () -> GraphAlgorithms.answeringCommunities(blocks, c));
    int count = comm.count();
    long[] internalEdges = new long[count];
    double[] internalWeight = new double[count];
    // Per author, then per community in author order: the same sums however the authors are blocked.
    try (BlockSet.Shared<int[]> shared = blocks.share(c)) {
      int[] intraEdges = BlockSet.ints(blocks, b -> b.intraOutEdges(shared.get()));
      double[] intraWeight = BlockSet.doubles(blocks, b -> b.intraOut(shared.get()));
      for (int v = 0; v < c.length; v++) {
        internalEdges[c[v]] += intraEdges[v];
        internalWeight[c[v]] += intraWeight[v];
      }
    }
    return new GraphMeasures(ids, edges, selfLoops, inWeight, inDegree, pr, hits[0], hits[1], comm, cpr, reach,
        between, participation, answering, internalEdges, internalWeight, path, millis);
  }
}
