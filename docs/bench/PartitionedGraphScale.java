import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;

import io.listeningpost.graph.Communities;
import io.listeningpost.graph.EdgeListReader;
import io.listeningpost.graph.GraphMeasures;
import io.listeningpost.graph.InfluenceModel;
import io.listeningpost.graph.PartitionedGraph;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * The graph stage's scoring on a large edge list (SyntheticEdges.java), timed by phase: {@code spark}
 * scores it on the Spark path ({@link PartitionedGraph}) in local[2]; {@code both} also scores it on
 * the driver path first and prints the agreement figures of the issue (top-100 PageRank overlap,
 * modularity difference, same role among the top 1,000 by influence). The pairs are aggregated
 * once and cached, as the graph stage does.
 *
 * Usage: PartitionedGraphScale EDGES spark|both
 */
public class PartitionedGraphScale {
  static final InfluenceModel.Settings SETTINGS = new InfluenceModel.Settings(0.85, 1.0, 42, 256, 10);

  public static void main(String[] args) throws Exception {
    String file = args[0];
    boolean both = args[1].equals("both");
    InfluenceModel.Result driver = null;
    GraphMeasures driverMeasures = null;
    if (both) {
      long t0 = System.nanoTime();
      var read = EdgeListReader.read(Path.of(file));
      long t1 = System.nanoTime();
      driverMeasures = GraphMeasures.of(read.graph(), SETTINGS);
      driver = score(driverMeasures);
      long t2 = System.nanoTime();
      System.out.printf("driver: read %.1f s, score %.1f s; %,d nodes, %,d edges, %d communities, modularity %.4f, "
          + "heap used %.1f GB%n", (t1 - t0) / 1e9, (t2 - t1) / 1e9, driverMeasures.nodeCount(), driverMeasures.edges(),
          driverMeasures.communities().count(), driverMeasures.communities().modularity(), heapGb());
      System.out.println("driver measures (ms): " + driverMeasures.millis());
      read = null;
      System.gc();
    }
    SparkSession spark = SparkSession.builder().master("local[2]").appName("partitioned graph")
        .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1").config("spark.sql.shuffle.partitions", "16").getOrCreate();
    long t0 = System.nanoTime();
    StructType schema = new StructType().add("src", DataTypes.StringType).add("dst", DataTypes.StringType)
        .add("w", DataTypes.DoubleType);
    Dataset<Row> pairs = spark.read().schema(schema).option("delimiter", " ").option("comment", "#").csv(file)
        .filter(col("src").notEqual(col("dst"))).groupBy("src", "dst").agg(sum("w").as("w"))
        .persist(StorageLevel.MEMORY_AND_DISK());
    long pairCount = pairs.count();
    List<String> nodeList = pairs.select(col("src").as("n")).union(pairs.select("dst")).distinct()
        .as(Encoders.STRING()).collectAsList();
    String[] ids = nodeList.toArray(String[]::new);
    nodeList = null;
    Arrays.sort(ids);
    long t1 = System.nanoTime();
    GraphMeasures m;
    int blocks;
    long t2;
    try (PartitionedGraph g = PartitionedGraph.of(spark, pairs, ids, pairCount)) {
      pairs.unpersist();
      blocks = g.blockCount();
      t2 = System.nanoTime();
      m = g.measures(SETTINGS);
    }
    InfluenceModel.Result onSpark = score(m);
    long t3 = System.nanoTime();
    System.out.printf("spark: pairs and ids %.1f s, blocks %.1f s (%d), measures and scores %.1f s, total %.1f s; "
        + "%,d nodes, %,d edges, %d communities, modularity %.4f, heap used %.1f GB%n", (t1 - t0) / 1e9,
        (t2 - t1) / 1e9, blocks, (t3 - t2) / 1e9, (t3 - t0) / 1e9, m.nodeCount(), m.edges(), m.communities().count(),
        m.communities().modularity(), heapGb());
    System.out.println("spark measures (ms): " + m.millis());
    if (both) {
      InfluenceModel.Result a = driver;
      List<Integer> top1000 = top(a, 1000, true);
      long sameRole = top1000.stream().filter(v -> a.influencers().get(v).role()
          .equals(onSpark.influencers().get(v).role())).count();
      System.out.printf("agreement: top-100 PageRank overlap %.2f, modularity %.4f vs %.4f (difference %.4f), "
          + "same role for %d of the top 1,000, NMI %.3f%n", overlap(top(a, 100, false), top(onSpark, 100, false)),
          driverMeasures.communities().modularity(), m.communities().modularity(),
          driverMeasures.communities().modularity() - m.communities().modularity(), sameRole,
          Communities.nmi(driverMeasures.communities().membership(), m.communities().membership()));
    }
    spark.stop();
  }

  static InfluenceModel.Result score(GraphMeasures m) {
    InfluenceModel.AuthorFacts[] none = new InfluenceModel.AuthorFacts[m.nodeCount()];
    Arrays.fill(none, InfluenceModel.AuthorFacts.none());
    return InfluenceModel.score(m, none, SETTINGS);
  }

  static double heapGb() {
    Runtime r = Runtime.getRuntime();
    return (r.totalMemory() - r.freeMemory()) / 1e9;
  }

  static List<Integer> top(InfluenceModel.Result r, int k, boolean byInfluence) {
    return IntStream.range(0, r.influencers().size()).boxed()
        .sorted(Comparator.<Integer>comparingDouble(v -> byInfluence ? -r.influencers().get(v).influenceScore()
            : -r.influencers().get(v).pagerank()).thenComparing(v -> r.influencers().get(v).nodeId()))
        .limit(k).toList();
  }

  static double overlap(List<Integer> a, List<Integer> b) {
    Set<Integer> s = new HashSet<>(a);
    return (double) b.stream().filter(s::contains).count() / a.size();
  }
}
