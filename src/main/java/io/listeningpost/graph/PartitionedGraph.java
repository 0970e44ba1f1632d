package io.listeningpost.graph;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * A graph too large for one machine's memory, scored with Spark. The edges live on the executors as
 * {@link GraphBlock}s, one per range of nodes; the driver keeps one value per node (ids, rank
 * vectors, communities) and runs each measure's kernel on every block as one Spark job per
 * iteration. PageRank, HITS, community PageRank, degrees, participation and answering communities
 * thus give the same numbers as on the driver. Communities come from a distributed first level of
 * Louvain moves, then Leiden on the graph of those groups in the driver. Reach and betweenness run in
 * the driver on the gathered undirected view, 4 bytes per arc.
 */
public final class PartitionedGraph implements BlockSet, AutoCloseable {
  public static final String PATH = "spark";
  /** Neighbour entries (in plus out) per block on average, about 50 MB of arrays; blocks are equal node ranges. */
  static final long ENTRIES_PER_BLOCK = 2_000_000L;
  /** Rounds of distributed Louvain moves at most, and the share of nodes moving that ends them early. */
  static final int LOUVAIN_ROUNDS = 30;
  static final double LOUVAIN_SETTLED = 0.001;

  private final JavaSparkContext jsc;
  private final JavaRDD<GraphBlock> blocks;
  private final Broadcast<HashMap<String, Integer>> positions;
  private final String[] ids;
  private final int blockCount;

  private PartitionedGraph(JavaSparkContext jsc, JavaRDD<GraphBlock> blocks,
      Broadcast<HashMap<String, Integer>> positions, String[] ids, int blockCount) {
    this.jsc = jsc;
    this.blocks = blocks;
    this.positions = positions;
    this.ids = ids;
    this.blockCount = blockCount;
  }

  /** Blocks that hold edges. */
  public int blockCount() {
    return blockCount;
  }

  /**
   * Partitions a graph given as weighted pairs (columns {@code src}, {@code dst}, {@code w}; no pair
   * twice, no self-loops, weights above 0) over the nodes {@code ids}, which must hold every pair's
   * ends and be sorted; node numbers are positions in {@code ids}, as in {@link InteractionGraph}.
   * Weights are rounded to multiples of 2^-24 ({@link OrderFreeSums}), the graph stage's are already,
   * so that sums across blocks do not depend on how many blocks there are.
   */
  public static PartitionedGraph of(SparkSession spark, Dataset<Row> pairs, String[] ids, long pairCount) {
    int parallelism = spark.sparkContext().defaultParallelism();
    return of(spark, pairs, ids, (int) Math.max(parallelism, 2 * pairCount / ENTRIES_PER_BLOCK + 1));
  }

  /** {@link #of(SparkSession, Dataset, String[], long)} in a given number of node ranges. */
  static PartitionedGraph of(SparkSession spark, Dataset<Row> pairs, String[] ids, int blockCount) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    int n = ids.length;
    int blockNodes = Math.max(1, (n + blockCount - 1) / blockCount);
    // Each executor numbers the ends of its pairs from a broadcast map: two sort-merge joins on the id
    // strings, or a binary search that misses the cache at every step, would cost more than the scoring.
    HashMap<String, Integer> position = new HashMap<>(2 * n);
    for (int i = 0; i < n; i++) {
      position.put(ids[i], i);
    }
    Broadcast<HashMap<String, Integer>> positions = jsc.broadcast(position);
    StructType numbered = new StructType().add("s", DataTypes.IntegerType, false)
        .add("d", DataTypes.IntegerType, false).add("w", DataTypes.DoubleType, false);
    Dataset<Row> edges = pairs.select(col("src"), col("dst"), OrderFreeSums.exact(col("w")).as("w"))
        .filter(col("w").gt(0))
        .map((MapFunction<Row, Row>) r -> RowFactory.create(number(positions.value(), r.getString(0)),
            number(positions.value(), r.getString(1)), r.getDouble(2)), Encoders.row(numbered));
    Dataset<Row> entries = edges.select(floor(col("d").divide(blockNodes)).cast("int").as("blk"), lit(0).as("dir"),
            col("d").as("node"), col("s").as("other"), col("w"))
        .union(edges.select(floor(col("s").divide(blockNodes)).cast("int").as("blk"), lit(1).as("dir"),
            col("s").as("node"), col("d").as("other"), col("w")))
        .repartition(blockCount, col("blk"))
        .sortWithinPartitions("blk", "dir", "node", "other");
    JavaRDD<GraphBlock> blocks = entries.javaRDD()
        .mapPartitions(rows -> new BlockAssembler(rows, n, blockNodes))
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      int built = (int) blocks.count();
      // Unpersisted, not destroyed, until the blocks go: tasks on them still carry the lineage that names it.
      positions.unpersist(false);
      return new PartitionedGraph(jsc, blocks, positions, ids, built);
    } catch (RuntimeException e) {
      blocks.unpersist(false);
      positions.destroy();
      throw e;
    }
  }

  private static int number(Map<String, Integer> position, String id) {
    Integer at = position.get(id);
    if (at == null) {
      throw new IllegalArgumentException("author " + id + " ends a pair but is not among the graph's nodes");
    }
    return at;
  }

  /** Builds one block from each run of rows with the same block number. */
  private static final class BlockAssembler implements Iterator<GraphBlock> {
    private final Iterator<Row> rows;
    private final int n;
    private final int blockNodes;
    private Row pending;

    BlockAssembler(Iterator<Row> rows, int n, int blockNodes) {
      this.rows = rows;
      this.n = n;
      this.blockNodes = blockNodes;
      this.pending = rows.hasNext() ? rows.next() : null;
    }

    @Override
    public boolean hasNext() {
      return pending != null;
    }

    @Override
    public GraphBlock next() {
      int blk = pending.getInt(0);
      Side in = new Side();
      Side out = new Side();
      while (pending != null && pending.getInt(0) == blk) {
        (pending.getInt(1) == 0 ? in : out).add(pending.getInt(2), pending.getInt(3), pending.getDouble(4));
        pending = rows.hasNext() ? rows.next() : null;
      }
      int lo = blk * blockNodes;
      return GraphBlock.of(lo, Math.min(n, lo + blockNodes), in.node, in.other, in.w, in.count, out.node, out.other,
          out.w, out.count);
    }
  }

  private static final class Side {
    int[] node = new int[1024];
    int[] other = new int[1024];
    double[] w = new double[1024];
    int count;

    void add(int v, int u, double weight) {
      if (count == node.length) {
        node = Arrays.copyOf(node, count * 2);
        other = Arrays.copyOf(other, count * 2);
        w = Arrays.copyOf(w, count * 2);
      }
      node[count] = v;
      other[count] = u;
      w[count++] = weight;
    }
  }

  @Override
  public int nodeCount() {
    return ids.length;
  }

  @Override
  public <T extends Serializable> Shared<T> share(T value) {
    return new BroadcastValue<>(jsc.broadcast(value));
  }

  private static final class BroadcastValue<T> implements Shared<T> {
    private static final long serialVersionUID = 1L;
    private final Broadcast<T> broadcast;

    BroadcastValue(Broadcast<T> broadcast) {
      this.broadcast = broadcast;
    }

    @Override
    public T get() {
      return broadcast.value();
    }

    @Override
    public void close() {
      broadcast.destroy();
    }
  }

  @Override
  public <R> List<Result<R>> map(Kernel<R> kernel) {
    List<Tuple2<Integer, R>> parts = blocks.map(b -> new Tuple2<>(b.lo(), kernel.apply(b))).collect();
    List<Result<R>> out = new ArrayList<>(parts.size());
    parts.stream().sorted(Comparator.comparingInt(Tuple2::_1)).forEach(t -> out.add(new Result<>(t._1(), t._2())));
    return out;
  }

  /** Every measure, with communities from {@link #communities} and reach and betweenness on the gathered view. */
  public GraphMeasures measures(InfluenceModel.Settings s) {
    Map<String, Long> millis = new LinkedHashMap<>();
    Communities.Result comm = GraphMeasures.timed(millis, "communities", () -> communities(s.resolution(),
        s.seed()));
    UndirectedAdjacency und = GraphMeasures.timed(millis, "gather undirected view", this::undirected);
    return GraphMeasures.of(this, ids, 0, comm, und, s, PATH, millis);
  }

  /** The undirected view, gathered from the blocks. */
  UndirectedAdjacency undirected() {
    List<Result<UndirectedAdjacency>> parts = map(GraphBlock::undirectedRows);
    long arcs = parts.stream().mapToLong(p -> p.value().arcs()).sum();
    if (arcs > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException(String.format("The graph has %,d undirected arcs, more than one array holds "
          + "for reach and betweenness.", arcs));
    }
    int n = ids.length;
    int[] start = new int[n + 1];
    int[] to = new int[(int) arcs];
    int at = 0;
    int next = 0;
    for (Result<UndirectedAdjacency> p : parts) {
      // Nodes between blocks without edges have empty rows.
      for (; next < p.lo(); next++) {
        start[next] = at;
      }
      int[] rowStart = p.value().start();
      for (int v = 0; v < rowStart.length - 1; v++) {
        start[p.lo() + v] = at + rowStart[v];
      }
      System.arraycopy(p.value().to(), 0, to, at, p.value().to().length);
      at += p.value().to().length;
      next = p.lo() + rowStart.length - 1;
    }
    for (; next <= n; next++) {
      start[next] = at;
    }
    return new UndirectedAdjacency(start, to);
  }

  /**
   * Communities in two levels: synchronous Louvain moves over the blocks group the nodes, then
   * Leiden runs in the driver on the much smaller graph of groups, where each group weighs its
   * members' strength. Ordered by size, largest first, ties by their first node.
   */
  Communities.Result communities(double resolution, long seed) {
    int n = ids.length;
    double[] strength = BlockSet.doubles(this, GraphBlock::strengths);
    double total = Arrays.stream(strength).sum();
    if (total == 0) {
      int[] singletons = new int[n];
      Arrays.setAll(singletons, i -> i);
      return new Communities.Result(singletons, n, 0);
    }
    int[] community = new int[n];
    Arrays.setAll(community, i -> i);
    double[] communityStrength = strength.clone();
    int[] size = new int[n];
    Arrays.fill(size, 1);
    try (Shared<double[]> k = share(strength)) {
      for (int round = 0; round < LOUVAIN_ROUNDS; round++) {
        int r = round;
        List<Result<int[]>> moves;
        try (Shared<int[]> c = share(community); Shared<double[]> cs = share(communityStrength);
            Shared<int[]> sz = share(size)) {
          moves = map(b -> b.louvainMoves(c.get(), k.get(), cs.get(), sz.get(), resolution / total, seed, r));
        }
        long moved = 0;
        for (Result<int[]> m : moves) {
          int[] pairs = m.value();
          for (int i = 0; i < pairs.length; i += 2) {
            int v = pairs[i];
            int to = pairs[i + 1];
            communityStrength[community[v]] -= strength[v];
            size[community[v]]--;
            communityStrength[to] += strength[v];
            size[to]++;
            community[v] = to;
            moved++;
          }
        }
        if (moved <= LOUVAIN_SETTLED * n) {
          break;
        }
      }
    }
    // Number the groups 0..g-1 in the order of their labels.
    int[] group = new int[n];
    Arrays.fill(group, -1);
    int groups = 0;
    for (int label = 0; label < n; label++) {
      if (size[label] > 0) {
        group[label] = groups++;
      }
    }
    double[] groupStrength = new double[groups];
    int[] nodeGroup = new int[n];
    for (int v = 0; v < n; v++) {
      nodeGroup[v] = group[community[v]];
      groupStrength[nodeGroup[v]] += strength[v];
    }
    Map<Long, Double> ties = new HashMap<>();
    try (Shared<int[]> g = share(nodeGroup)) {
      for (Result<GraphBlock.CoarseTies> part : map(b -> b.coarseTies(g.get()))) {
        for (int i = 0; i < part.value().pairs().length; i++) {
          ties.merge(part.value().pairs()[i], part.value().weights()[i], Double::sum);
        }
      }
    }
    long[] pairs = ties.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
    double[] weights = new double[pairs.length];
    for (int i = 0; i < pairs.length; i++) {
      weights[i] = ties.get(pairs[i]);
    }
    int[] groupCommunity = Communities.leidenOnGroups(groupStrength, pairs, weights, resolution / total, seed);
    int[] membership = new int[n];
    for (int v = 0; v < n; v++) {
      membership[v] = groupCommunity[nodeGroup[v]];
    }
    int count = Communities.orderBySize(membership);
    return new Communities.Result(membership, count, modularity(membership, count, strength));
  }

  /** Modularity at resolution 1 of communities numbered 0..count-1. */
  double modularity(int[] membership, int count) {
    return modularity(membership, count, BlockSet.doubles(this, GraphBlock::strengths));
  }

  /** Σ_c internal weight / W - (K_c / 2W)², with 2W the total strength. */
  private double modularity(int[] membership, int count, double[] strength) {
    double total = Arrays.stream(strength).sum();
    double[] internal = new double[count];
    try (Shared<int[]> c = share(membership)) {
      double[] intraWeight = BlockSet.doubles(this, b -> b.intraOut(c.get()));
      for (int v = 0; v < membership.length; v++) {
        internal[membership[v]] += intraWeight[v];
      }
    }
    double[] communityStrength = new double[count];
    for (int v = 0; v < membership.length; v++) {
      communityStrength[membership[v]] += strength[v];
    }
    double q = 0;
    for (int k = 0; k < count; k++) {
      q += internal[k] / (total / 2) - (communityStrength[k] / total) * (communityStrength[k] / total);
    }
    return q;
  }

  @Override
  public void close() {
    blocks.unpersist(false);
    positions.destroy();
  }
}
