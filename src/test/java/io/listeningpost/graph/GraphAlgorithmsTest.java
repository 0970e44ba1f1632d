package io.listeningpost.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.listeningpost.testing.Networkx;
import io.listeningpost.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Graph measures against golden values and against networkx, a second implementation. */
class GraphAlgorithmsTest {
  private static final Path KARATE = SharedData.dataset("zachary-karate/zachary.txt");
  private static final Path EMAIL = SharedData.dataset("snap-email-eu-core/email-Eu-core.txt");

  /** The karate club as an undirected weighted graph: each edge both ways. */
  static InteractionGraph karate() throws Exception {
    InteractionGraph.Builder b = new InteractionGraph.Builder();
    for (String line : Files.readAllLines(KARATE)) {
      String[] f = line.trim().split("\\s+");
      if (f.length == 3) {
        double w = Double.parseDouble(f[2]);
        b.edge(f[0], f[1], w);
        b.edge(f[1], f[0], w);
      }
    }
    return b.build();
  }

  static InteractionGraph email() throws Exception {
    return EdgeListReader.read(EMAIL).graph();
  }

  @Test
  void karatePageRankMatchesTheGoldenValuesAndRanksTheTwoLeadersFirst() throws Exception {
    InteractionGraph g = karate();
    assertThat(g.nodeCount()).isEqualTo(34);
    assertThat(g.edgeCount()).isEqualTo(2 * 78);
    double[] pr = GraphAlgorithms.pageRank(g, 0.85, 1e-13, 1000);
    Map<String, Double> golden = new HashMap<>();
    for (String line : Files.readAllLines(Path.of("src/test/resources/golden/karate-pagerank.tsv"))) {
      if (!line.startsWith("#")) {
        String[] f = line.split("\t");
        golden.put(f[0], Double.parseDouble(f[1]));
      }
    }
    assertThat(golden).hasSize(34);
    for (int v = 0; v < g.nodeCount(); v++) {
      assertThat(pr[v]).as("node %s", g.id(v)).isCloseTo(golden.get(g.id(v)), within(1e-9));
    }
    Integer[] order = java.util.stream.IntStream.range(0, 34).boxed()
        .sorted((a, b) -> Double.compare(pr[b], pr[a])).toArray(Integer[]::new);
    assertThat(List.of(g.id(order[0]), g.id(order[1]))).containsExactlyInAnyOrder("34", "1");
  }

  @Test
  void pageRankHitsAndBetweennessAgreeWithNetworkxOnEmailEuCore() throws Exception {
    InteractionGraph g = email();
    assertThat(g.nodeCount()).isEqualTo(1005);
    assertThat(g.selfLoops()).isEqualTo(642);
    assertThat(g.edgeCount()).isEqualTo(25_571 - 642);
    double[] pr = GraphAlgorithms.pageRank(g, 0.85, 1e-13, 1000);
    double[][] hits = GraphAlgorithms.hits(g, 1e-13, 5000);
    double[] between = GraphAlgorithms.betweenness(g, Integer.MAX_VALUE, 1);
    Map<String, double[]> nx = Networkx.run("""
        import networkx as nx, sys
        G = nx.DiGraph()
        for line in open(sys.argv[1]):
            f = line.split()
            if len(f) >= 2:
                G.add_nodes_from(f[:2])
                if f[0] != f[1]:
                    G.add_edge(f[0], f[1], weight=1.0)
        pr = nx.pagerank(G, alpha=0.85, weight='weight', tol=1e-13, max_iter=1000)
        h, a = nx.hits(G, max_iter=5000, tol=1e-13)
        b = nx.betweenness_centrality(G.to_undirected())
        for n in G:
            print(n, pr[n], h[n], a[n], b[n])
        """, EMAIL.toString());
    assertThat(nx).hasSize(g.nodeCount());
    for (int v = 0; v < g.nodeCount(); v++) {
      double[] expected = nx.get(g.id(v));
      assertThat(pr[v]).as("PageRank of %s", g.id(v)).isCloseTo(expected[0], within(1e-6));
      assertThat(hits[0][v]).as("hub of %s", g.id(v)).isCloseTo(expected[1], within(1e-6));
      assertThat(hits[1][v]).as("authority of %s", g.id(v)).isCloseTo(expected[2], within(1e-6));
      assertThat(between[v]).as("betweenness of %s", g.id(v)).isCloseTo(expected[3], within(1e-9));
    }
  }

  @Test
  void leidenFindsTheDepartmentsOfEmailEuCoreDeterministically() throws Exception {
    InteractionGraph.Builder b = new InteractionGraph.Builder();
    Map<String, Integer> dept = new HashMap<>();
    for (String line : Files.readAllLines(SharedData.dataset("snap-email-eu-core/email-Eu-core-department-labels.txt"))) {
      String[] f = line.trim().split("\\s+");
      if (f.length == 2) {
        dept.put(f[0], Integer.parseInt(f[1]));
        b.node(f[0]);
      }
    }
    for (String line : Files.readAllLines(EMAIL)) {
      String[] f = line.trim().split("\\s+");
      if (f.length == 2) {
        b.edge(f[0], f[1], 1.0);
      }
    }
    InteractionGraph g = b.build();
    assertThat(g.nodeCount()).isEqualTo(1005);
    assertThat(dept.values().stream().distinct().count()).isEqualTo(42);
    int[] truth = new int[g.nodeCount()];
    for (int v = 0; v < truth.length; v++) {
      truth[v] = dept.get(g.id(v));
    }
    Communities.Result r = Communities.leiden(g, 1.0, 42);
    assertThat(Communities.nmi(r.membership(), truth)).isGreaterThanOrEqualTo(0.58);
    assertThat(r.modularity()).isGreaterThanOrEqualTo(0.42);
    assertThat(Communities.leiden(g, 1.0, 42).membership()).isEqualTo(r.membership());
    // networkx computes the same modularity for the same partition.
    StringBuilder part = new StringBuilder();
    for (int v = 0; v < g.nodeCount(); v++) {
      part.append(g.id(v)).append(' ').append(r.membership()[v]).append('\n');
    }
    Path partition = Files.createTempFile("partition", ".txt");
    Files.writeString(partition, part);
    Map<String, double[]> q = Networkx.run("""
        import networkx as nx, sys
        G = nx.Graph()
        for line in open(sys.argv[2]):
            G.add_node(line.split()[0])
        for line in open(sys.argv[1]):
            f = line.split()
            if len(f) >= 2 and f[0] != f[1]:
                w = G[f[0]][f[1]]['weight'] + 1 if G.has_edge(f[0], f[1]) else 1
                G.add_edge(f[0], f[1], weight=w)
        groups = {}
        for line in open(sys.argv[2]):
            n, c = line.split()
            groups.setdefault(c, set()).add(n)
        print('q', nx.algorithms.community.modularity(G, groups.values(), weight='weight'))
        """, EMAIL.toString(), partition.toString());
    assertThat(r.modularity()).isCloseTo(q.get("q")[0], within(1e-9));
  }

  @Test
  void twoHopReachIsExactOnSmallGraphsAndCloseWhenSketched() throws Exception {
    InteractionGraph g = email();
    long[] exact = GraphAlgorithms.reachWithinTwoHops(g, Long.MAX_VALUE);
    long[] sketched = GraphAlgorithms.reachWithinTwoHops(g, 0);
    double error = 0;
    for (int v = 0; v < g.nodeCount(); v++) {
      error += Math.abs(sketched[v] - exact[v]) / (double) Math.max(1, exact[v]);
    }
    assertThat(error / g.nodeCount()).isLessThan(0.12);
    InteractionGraph k = karate();
    long[] r = GraphAlgorithms.reachWithinTwoHops(k, Long.MAX_VALUE);
    int one = java.util.stream.IntStream.range(0, 34).filter(v -> k.id(v).equals("1")).findFirst().orElseThrow();
    assertThat((double) r[one]).isEqualTo(Networkx.run("""
        import networkx as nx, sys
        G = nx.Graph()
        for line in open(sys.argv[1]):
            f = line.split()
            if len(f) == 3: G.add_edge(f[0], f[1])
        print('r', len(nx.single_source_shortest_path_length(G, '1', cutoff=2)) - 1)
        """, KARATE.toString()).get("r")[0]);
  }
}
