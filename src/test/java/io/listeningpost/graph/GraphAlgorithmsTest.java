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
  void leidenOnEmailEuCoreIsDeterministicAndFindsTheDepartmentsAtLeastAsWellAsNetworkxLouvain() throws Exception {
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
    assertThat(Communities.leiden(g, 1.0, 42).membership()).isEqualTo(r.membership());
    // Newman and Girvan (2004): modularity above about 0.3 indicates real community structure; the
    // departments make email-Eu-core such a graph.
    assertThat(r.modularity()).isGreaterThan(0.3);
    // networkx scores the same partition, and a second implementation of community detection, Louvain
    // (seeds 0..9), gives the reference: Leiden refines Louvain's partitions (Traag, Waltman and van Eck
    // 2019), so it should reach at least the best of those modularities, and recover the departments at
    // least as well as the median Louvain run does.
    StringBuilder part = new StringBuilder();
    for (int v = 0; v < g.nodeCount(); v++) {
      part.append(g.id(v)).append(' ').append(r.membership()[v]).append('\n');
    }
    Path partition = Files.createTempFile("partition", ".txt");
    Files.writeString(partition, part);
    Map<String, double[]> nx = Networkx.run("""
        import networkx as nx, sys, math, statistics
        from collections import Counter
        G = nx.Graph()
        for line in open(sys.argv[2]):
            G.add_node(line.split()[0])
        for line in open(sys.argv[1]):
            f = line.split()
            if len(f) >= 2 and f[0] != f[1]:
                w = G[f[0]][f[1]]['weight'] + 1 if G.has_edge(f[0], f[1]) else 1
                G.add_edge(f[0], f[1], weight=w)
        dept = dict(line.split() for line in open(sys.argv[3]) if line.strip())
        def nmi(label):
            # Arithmetic-mean normalisation: 2 I(A;B) / (H(A) + H(B)).
            n = len(dept)
            a = Counter(label[v] for v in dept)
            b = Counter(dept.values())
            ab = Counter((label[v], dept[v]) for v in dept)
            i = sum(c / n * math.log(c * n / (a[x] * b[y])) for (x, y), c in ab.items())
            h = lambda cs: -sum(c / n * math.log(c / n) for c in cs.values())
            return 2 * i / (h(a) + h(b))
        ours = dict(line.split() for line in open(sys.argv[2]))
        groups = {}
        for v, c in ours.items():
            groups.setdefault(c, set()).add(v)
        print('q', nx.algorithms.community.modularity(G, groups.values(), weight='weight'))
        print('nmi', nmi(ours))
        qs, nmis = [], []
        for seed in range(10):
            parts = nx.algorithms.community.louvain_communities(G, weight='weight', seed=seed)
            qs.append(nx.algorithms.community.modularity(G, parts, weight='weight'))
            nmis.append(nmi({v: i for i, p in enumerate(parts) for v in p}))
        print('louvain', max(qs), statistics.median(nmis))
        """, EMAIL.toString(), partition.toString(),
        SharedData.dataset("snap-email-eu-core/email-Eu-core-department-labels.txt").toString());
    double nmi = Communities.nmi(r.membership(), truth);
    assertThat(r.modularity()).as("modularity of our partition, by networkx").isCloseTo(nx.get("q")[0], within(1e-9));
    assertThat(nmi).as("NMI against the departments, by the Python formula").isCloseTo(nx.get("nmi")[0], within(1e-9));
    assertThat(r.modularity()).as("Leiden against the best of ten networkx Louvain runs")
        .isGreaterThanOrEqualTo(nx.get("louvain")[0]);
    assertThat(nmi).as("NMI against the median of ten networkx Louvain runs").isGreaterThanOrEqualTo(nx.get("louvain")[1]);
  }

  @Test
  void twoHopReachMatchesNetworkxExactlyOnKarateAndWithinTheSketchErrorOnEmailEuCore() throws Exception {
    InteractionGraph g = email();
    long[] exact = GraphAlgorithms.reachWithinTwoHops(g, Long.MAX_VALUE);
    long[] sketched = GraphAlgorithms.reachWithinTwoHops(g, 0);
    assertThat(sketched).as("a budget of 0 takes the HyperLogLog path").isNotEqualTo(exact);
    double error = 0;
    for (int v = 0; v < g.nodeCount(); v++) {
      error += Math.abs(sketched[v] - exact[v]) / (double) Math.max(1, exact[v]);
    }
    // 128 HyperLogLog registers give a relative standard error of 1.04 / sqrt(128), about 9.2% (Flajolet
    // et al. 2007); the mean absolute error cannot exceed the root-mean-square error (Jensen), so an
    // estimator that meets its standard error stays under it on average.
    assertThat(error / g.nodeCount()).as("mean relative error of the sketch").isLessThan(1.04 / Math.sqrt(128));
    InteractionGraph k = karate();
    long[] r = GraphAlgorithms.reachWithinTwoHops(k, Long.MAX_VALUE);
    Map<String, double[]> nx = Networkx.run("""
        import networkx as nx, sys
        G = nx.Graph()
        for line in open(sys.argv[1]):
            f = line.split()
            if len(f) == 3: G.add_edge(f[0], f[1])
        for n in G:
            print(n, len(nx.single_source_shortest_path_length(G, n, cutoff=2)) - 1)
        """, KARATE.toString());
    assertThat(nx).hasSize(k.nodeCount());
    for (int v = 0; v < k.nodeCount(); v++) {
      assertThat((double) r[v]).as("two-hop reach of %s", k.id(v)).isEqualTo(nx.get(k.id(v))[0]);
    }
  }
}
