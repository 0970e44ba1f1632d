package io.listeningpost.graph;

import static io.listeningpost.testing.ParquetFiles.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.example.data.Group;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Gephi export scored end to end: the tables written, read back with parquet-hadoop (no Spark). */
class EdgeListScoringTest {
  private static final Path GEPHI = Path.of("src/test/resources/edgelists/gephi-edges.csv");

  @Test
  void gephiExportIsScoredIntoInfluencersCommunitiesAndQuarantineTables(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("out");
    EdgeListScoring.Result r = new EdgeListScoring(new EdgeListScoring.Options(GEPHI, out, 42, 1.0, 256,
        LocalDate.of(2026, 11, 21), "run-1")).run();

    // The fixture: 10 lines, 5 good edge rows (two of them Undirected, so 7 directed edges) between 6
    // names, 3 bad rows (EdgeListReaderTest spells them out edge by edge).
    assertThat(r.lines()).isEqualTo(10);
    assertThat(r.edgesRead()).isEqualTo(5);
    assertThat(r.quarantined()).isEqualTo(3);
    assertThat(r.nodes()).isEqualTo(6);
    assertThat(r.distinctEdges()).isEqualTo(7);
    assertThat(r.top()).extracting(InfluenceModel.Influencer::rank).containsExactly(1, 2, 3, 4, 5);

    assertThat(r.influencers()).isEqualTo(out.resolve("influencers"));
    assertThat(rows(r.influencers())).extracting(g -> g.getString("author_id", 0)).containsExactlyInAnyOrder(
        "@acme_careers", "#hiring", "#remotework", "jane.doe", "Doe, Jane", "carol");
    // Every node is in exactly one community: the sizes add up to the graph's six nodes, and each
    // community's size is the number of influencers that name it.
    Map<Integer, Integer> members = new HashMap<>();
    rows(r.influencers()).forEach(g -> members.merge(g.getInteger("community_id", 0), 1, Integer::sum));
    List<Group> communities = rows(r.communitiesTable());
    assertThat(communities.stream().mapToInt(g -> g.getInteger("size", 0)).sum()).isEqualTo(6);
    assertThat(communities).allSatisfy(g -> assertThat(g.getInteger("size", 0))
        .isEqualTo(members.get(g.getInteger("community_id", 0))));
    assertThat(communities).hasSize(members.size()).hasSize(r.communities());
    assertThat(rows(r.quarantine()))
        .extracting(g -> g.getString("position", 0), g -> g.getString("reason", 0))
        .containsExactlyInAnyOrder(
            tuple("line 6", "weight 'heavy' is not a number"),
            tuple("line 7", "missing target"),
            tuple("line 8", "type 'Mutual' is neither Directed nor Undirected"));
    assertThat(out.resolve("quarantine/dt=2026-11-21")).isDirectory();
  }

  @Test
  void cleanEdgeListWritesNoQuarantineTable(@TempDir Path dir) throws Exception {
    Path edges = Files.writeString(dir.resolve("edges.txt"), "# SNAP style\na b 2\nb c\n");
    EdgeListScoring.Result r = new EdgeListScoring(new EdgeListScoring.Options(edges, dir.resolve("out"), 42, 1.0,
        256, LocalDate.of(2026, 11, 21), "run-1")).run();
    assertThat(r.quarantine()).isNull();
    assertThat(dir.resolve("out/quarantine")).doesNotExist();
    assertThat(rows(r.influencers())).hasSize(3);
  }
}
