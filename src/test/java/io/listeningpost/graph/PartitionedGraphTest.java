package io.listeningpost.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.listeningpost.testing.LocalSpark;
import io.listeningpost.testing.SharedData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Spark path against the driver path on the same real graph (SNAP Higgs mentions, 116,408 authors,
 * 145,465 weighted pairs after self-mentions are left out): the agreement bounds, and the
 * same numbers whatever the number of blocks.
 */
@Tag("spark")
class PartitionedGraphTest {
  @RegisterExtension
  static final LocalSpark SPARK = new LocalSpark();

  static final InfluenceModel.Settings SETTINGS = new InfluenceModel.Settings(0.85, 1.0, 42, 64, 10);
  static InteractionGraph graph;
  static GraphMeasures driver;

  @BeforeAll
  static void readHiggs() throws Exception {
    graph = EdgeListReader.read(SharedData.dataset("snap-higgs-twitter/higgs-mention_network.edgelist")).graph();
    driver = GraphMeasures.of(graph, SETTINGS);
  }

  private static PartitionedGraph partitioned(int blocks) {
    List<Row> rows = new ArrayList<>();
    for (int u = 0; u < graph.nodeCount(); u++) {
      for (int j = graph.outStart[u]; j < graph.outStart[u + 1]; j++) {
        rows.add(RowFactory.create(graph.id(u), graph.id(graph.outTo[j]), graph.outW[j]));
      }
    }
    StructType schema = new StructType().add("src", DataTypes.StringType).add("dst", DataTypes.StringType)
        .add("w", DataTypes.DoubleType);
    Dataset<Row> pairs = SPARK.spark().createDataFrame(rows, schema).repartition(5);
    String[] ids = new String[graph.nodeCount()];
    Arrays.setAll(ids, graph::id);
    return PartitionedGraph.of(SPARK.spark(), pairs, ids, blocks);
  }

  @Test
  void agreesWithTheDriverPathOnHiggsMentions() {
    GraphMeasures spark;
    double driverPartitionOnSpark;
    try (PartitionedGraph p = partitioned(7)) {
      spark = p.measures(SETTINGS);
      driverPartitionOnSpark = p.modularity(driver.communities().membership(), driver.communities().count());
    }
    assertThat(spark.path()).isEqualTo(PartitionedGraph.PATH);
    assertThat(spark.edges()).isEqualTo(graph.edgeCount());
    // Kernels read the same rows in the same order, so these are the same numbers.
    assertThat(spark.pageRank()).containsExactly(driver.pageRank());
    assertThat(spark.hub()).containsExactly(driver.hub());
    assertThat(spark.authority()).containsExactly(driver.authority());
    assertThat(spark.inWeight()).containsExactly(driver.inWeight());
    assertThat(spark.reach()).containsExactly(driver.reach());
    assertThat(spark.betweenness()).containsExactly(driver.betweenness());
    // The modularity the Spark path computes is the one the driver's Leiden reports.
    assertThat(driverPartitionOnSpark).isCloseTo(driver.communities().modularity(), within(1e-9));
    double q = spark.communities().modularity();
    System.out.printf("Higgs mentions: modularity driver %.4f, Spark %.4f; communities %d and %d; NMI %.3f%n",
        driver.communities().modularity(), q, driver.communities().count(), spark.communities().count(),
        Communities.nmi(driver.communities().membership(), spark.communities().membership()));
    assertThat(q).isCloseTo(driver.communities().modularity(), within(0.02));

    InfluenceModel.AuthorFacts[] none = new InfluenceModel.AuthorFacts[graph.nodeCount()];
    Arrays.fill(none, InfluenceModel.AuthorFacts.none());
    InfluenceModel.Result a = InfluenceModel.score(driver, none, SETTINGS);
    InfluenceModel.Result b = InfluenceModel.score(spark, none, SETTINGS);
    assertThat(overlap(top(a, 100, InfluenceModel.Influencer::pagerank), top(b, 100,
        InfluenceModel.Influencer::pagerank))).isGreaterThanOrEqualTo(0.95);
    List<Integer> top1000 = top(a, 1000, InfluenceModel.Influencer::influenceScore);
    long sameRole = top1000.stream().filter(v -> a.influencers().get(v).role()
        .equals(b.influencers().get(v).role())).count();
    System.out.printf("same role for %d of the top 1,000; top-100 influence overlap %.2f%n", sameRole,
        overlap(top(a, 100, InfluenceModel.Influencer::influenceScore),
            top(b, 100, InfluenceModel.Influencer::influenceScore)));
    assertThat(sameRole).isGreaterThanOrEqualTo(950);
  }

  @Test
  void givesTheSameMeasuresWhateverTheNumberOfBlocks() {
    GraphMeasures few;
    GraphMeasures many;
    try (PartitionedGraph p = partitioned(2)) {
      few = p.measures(SETTINGS);
    }
    try (PartitionedGraph p = partitioned(13)) {
      many = p.measures(SETTINGS);
    }
    assertThat(many.communities().membership()).containsExactly(few.communities().membership());
    assertThat(many.communities().modularity()).isEqualTo(few.communities().modularity());
    assertThat(many.communityPageRank()).containsExactly(few.communityPageRank());
    assertThat(many.participation()).containsExactly(few.participation());
    assertThat(many.answeringCommunities()).containsExactly(few.answeringCommunities());
    assertThat(many.internalWeight()).containsExactly(few.internalWeight());
  }

  private static List<Integer> top(InfluenceModel.Result r, int k,
      java.util.function.ToDoubleFunction<InfluenceModel.Influencer> measure) {
    return IntStream.range(0, r.influencers().size()).boxed()
        .sorted(Comparator.<Integer>comparingDouble(v -> -measure.applyAsDouble(r.influencers().get(v)))
            .thenComparing(v -> r.influencers().get(v).nodeId()))
        .limit(k).toList();
  }

  private static double overlap(List<Integer> a, List<Integer> b) {
    Set<Integer> s = new HashSet<>(a);
    return (double) b.stream().filter(s::contains).count() / a.size();
  }
}
