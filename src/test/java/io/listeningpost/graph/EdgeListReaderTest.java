package io.listeningpost.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import io.listeningpost.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Edge lists as Gephi, NodeXL and SNAP write them, read into the graph that gets scored. */
class EdgeListReaderTest {
  private static final Path GEPHI = Path.of("src/test/resources/edgelists/gephi-edges.csv");
  private static final Path NODEXL = Path.of("src/test/resources/edgelists/nodexl-edges.csv");

  /** The graph's directed edges as "from -> to" with their merged weight. */
  private static Map<String, Double> edges(InteractionGraph g) {
    Map<String, Double> edges = new LinkedHashMap<>();
    for (int v = 0; v < g.nodeCount(); v++) {
      for (int j = g.outStart[v]; j < g.outStart[v + 1]; j++) {
        edges.put(g.id(v) + " -> " + g.id(g.outTo[j]), g.outW[j]);
      }
    }
    return edges;
  }

  private static EdgeListReader.Read read(Path dir, String content) throws Exception {
    return EdgeListReader.read(Files.writeString(dir.resolve("edges.csv"), content));
  }

  @Test
  void gephiExportReadsQuotedNamesAndHashtagsAndCountsUndirectedRowsBothWays() throws Exception {
    EdgeListReader.Read read = EdgeListReader.read(GEPHI);

    assertThat(edges(read.graph())).containsOnly(
        entry("@acme_careers -> #hiring", 3.0),
        entry("jane.doe -> @acme_careers", 1.0),
        entry("Doe, Jane -> @acme_careers", 2.0),
        entry("@acme_careers -> Doe, Jane", 2.0),
        entry("#hiring -> #remotework", 5.0),
        entry("#remotework -> #hiring", 5.0),
        entry("carol -> Doe, Jane", 1.5));
    assertThat(read.lines()).isEqualTo(10);
    assertThat(read.edges()).isEqualTo(5);
    assertThat(read.rejected()).extracting(EdgeListReader.Rejected::line, EdgeListReader.Rejected::reason)
        .containsExactly(
            tuple(6L, "weight 'heavy' is not a number"),
            tuple(7L, "missing target"),
            tuple(8L, "type 'Mutual' is neither Directed nor Undirected"));
    assertThat(read.rejected().get(0).excerpt()).startsWith("bob_k,jane.doe,Directed,4");
  }

  @Test
  void nodeXlExportSkipsTheColumnGroupRowAndReadsEdgeWeightAsDirected() throws Exception {
    EdgeListReader.Read read = EdgeListReader.read(NODEXL);

    assertThat(edges(read.graph())).containsOnly(
        entry("acme_careers -> jane_doe", 2.0),
        entry("jane_doe -> acme_careers", 1.0),
        entry("jane_doe -> #hiring", 1.0),
        entry("recruiter_bob -> jane_doe", 1.0));
    assertThat(read.graph().selfLoops()).isEqualTo(1);
    assertThat(read.lines()).isEqualTo(10);
    assertThat(read.edges()).isEqualTo(5);
    assertThat(read.rejected()).extracting(EdgeListReader.Rejected::line, EdgeListReader.Rejected::reason)
        .containsExactly(tuple(7L, "weight 'n/a' is not a number"), tuple(9L, "missing source"));
  }

  @Test
  void headerIsRecognisedInAnyCaseWithSemicolonsOrTabsAndAfterAByteOrderMark(@TempDir Path dir) throws Exception {
    EdgeListReader.Read semicolons = read(dir, "\uFEFFtarget;SOURCE;weight\n\"b;1\";a;7\nc;a;2,5\n");
    assertThat(edges(semicolons.graph())).containsOnly(entry("a -> b;1", 7.0));
    assertThat(semicolons.rejected()).extracting(EdgeListReader.Rejected::reason)
        .containsExactly("weight '2,5' is not a number");
    assertThat(edges(read(dir, "Vertex 2\tVertex 1\tWeight\n@acme\t#hiring\t2\n").graph()))
        .containsOnly(entry("#hiring -> @acme", 2.0));
  }

  @Test
  void headedCsvSkipsCommentsBeforeItsHeaderAndReadsHashLinesAfterItAsEdges(@TempDir Path dir) throws Exception {
    EdgeListReader.Read read = read(dir, "# exported from a spreadsheet\nSource,Target\n# team,@acme\n#hiring,@acme\n");
    assertThat(edges(read.graph())).containsOnly(entry("# team -> @acme", 1.0), entry("#hiring -> @acme", 1.0));
    assertThat(read.rejected()).isEmpty();
  }

  @Test
  void unclosedQuoteQuarantinesTheRestOfTheFileFromItsLine(@TempDir Path dir) throws Exception {
    EdgeListReader.Read read = read(dir, "Source,Target\na,b\n\"c,d\ne,f\n");
    assertThat(edges(read.graph())).containsOnly(entry("a -> b", 1.0));
    assertThat(read.rejected()).singleElement().satisfies(r -> {
      assertThat(r.line()).isEqualTo(3);
      assertThat(r.reason()).contains("to the end of the file").containsIgnoringCase("quote");
    });
  }

  @Test
  void headerlessListKeepsHashtagAndHandleNodesAndSkipsHashSpaceComments(@TempDir Path dir) throws Exception {
    EdgeListReader.Read read = read(dir, String.join("\n",
        "#hiring @acme 2",
        "# Nodes: 3 Edges: 3",
        "#",
        "#\tFromNodeId\tToNodeId",
        "@acme,jane#1  # a trailing comment",
        "jane#1 #hiring 0.5 #",
        "lonely",
        "a b heavy",
        "a b c d"));
    assertThat(edges(read.graph())).containsOnly(
        entry("#hiring -> @acme", 2.0), entry("@acme -> jane#1", 1.0), entry("jane#1 -> #hiring", 0.5));
    assertThat(read.lines()).isEqualTo(9);
    assertThat(read.rejected()).extracting(EdgeListReader.Rejected::line, EdgeListReader.Rejected::reason)
        .containsExactly(
            tuple(7L, "expected 'src dst [weight]', found 1 field"),
            tuple(8L, "weight 'heavy' is not a number"),
            tuple(9L, "expected 'src dst [weight]', found more than 3 fields"));
  }

  @Test
  void headerLikeLineAfterTheFirstEdgeOfAPlainListIsAnEdge(@TempDir Path dir) throws Exception {
    EdgeListReader.Read read = read(dir, "a b\nsource,target\n");
    assertThat(edges(read.graph())).containsOnly(entry("a -> b", 1.0), entry("source -> target", 1.0));
  }

  @Test
  void snapEmailEuCoreMatchesItsPublishedCounts() throws Exception {
    EdgeListReader.Read read = EdgeListReader.read(SharedData.dataset("snap-email-eu-core/email-Eu-core.txt"));
    // SOURCE.md: 25,571 directed edges, 1,005 nodes, 642 self-loops, no duplicates.
    assertThat(read.edges()).isEqualTo(25_571);
    assertThat(read.rejected()).isEmpty();
    assertThat(read.graph().nodeCount()).isEqualTo(1_005);
    assertThat(read.graph().selfLoops()).isEqualTo(642);
    assertThat(read.graph().edgeCount()).isEqualTo(25_571 - 642);
  }

  @Test
  void snapHiggsMentionNetworkMatchesItsPublishedCounts() throws Exception {
    Path file = SharedData.dataset("snap-higgs-twitter/higgs-mention_network.edgelist");
    EdgeListReader.Read read = EdgeListReader.read(file);
    // SOURCE.md: 150,818 edges, 116,408 nodes, sum of weights 171,237, 5,353 self-loops.
    assertThat(read.edges()).isEqualTo(150_818);
    assertThat(read.rejected()).isEmpty();
    InteractionGraph g = read.graph();
    assertThat(g.nodeCount()).isEqualTo(116_408);
    assertThat(g.selfLoops()).isEqualTo(5_353);
    double kept = 0;
    for (int v = 0; v < g.nodeCount(); v++) {
      kept += g.outWeight(v);
    }
    // Self-loops are left out of the graph; their weight is taken from the file.
    double selfLoopWeight = Files.readAllLines(file).stream().map(l -> l.split(" "))
        .filter(f -> f[0].equals(f[1])).mapToDouble(f -> Double.parseDouble(f[2])).sum();
    assertThat(kept + selfLoopWeight).isEqualTo(171_237);
  }

  @Test
  void karateClubWithCrlfLineEndsReadsAllItsEdgesAndCleanIds() throws Exception {
    EdgeListReader.Read read = EdgeListReader.read(SharedData.dataset("zachary-karate/zachary.txt"));
    // SOURCE.md: 78 undirected edges between members 1..34; the file ends its lines with CRLF, and no
    // carriage return may stay in an id or a weight.
    assertThat(read.edges()).isEqualTo(78);
    assertThat(read.rejected()).isEmpty();
    assertThat(read.graph().nodeCount()).isEqualTo(34);
    assertThat(java.util.stream.IntStream.range(0, 34).mapToObj(v -> read.graph().id(v)))
        .containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.rangeClosed(1, 34).mapToObj(String::valueOf).toList());
  }
}
