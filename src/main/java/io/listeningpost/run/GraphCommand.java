package io.listeningpost.run;

import io.listeningpost.graph.EdgeListScoring;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "graph", mixinStandardHelpOptions = true,
    description = {"Score influence and communities. With --edges, on your own network (a Gephi or NodeXL edge CSV",
        "with its header, or src dst [weight] lines), written as influencers and communities tables under --out.",
        "Without --edges, on the warehouse's interactions of the trailing window (graph.* settings)."})
final class GraphCommand extends DataCommand {
  @Option(names = "--edges", paramLabel = "FILE", description = "An edge list to score instead of the warehouse.")
  Path edges;

  @Option(names = "--out", paramLabel = "DIR", description = "With --edges: where the tables are written.")
  Path out;

  @Option(names = "--seed", defaultValue = "42", description = "With --edges: community detection seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--resolution", defaultValue = "1.0", description = "With --edges: Leiden resolution (default: ${DEFAULT-VALUE}).")
  double resolution;

  @Option(names = "--betweenness-samples", defaultValue = "256", description = "With --edges: sampled sources (default: ${DEFAULT-VALUE}).")
  int samples;

  @Override
  String job() {
    return "graph";
  }

  @Override
  List<PipelineStage> stages() {
    return List.of(PipelineStage.GRAPH);
  }

  @Override
  public Integer call() {
    if (edges == null) {
      if (out != null) {
        System.err.println("--out goes with --edges; the warehouse graph is written to the warehouse");
        return BAD_CONFIG;
      }
      return super.call();
    }
    if (out == null) {
      System.err.println("--edges needs --out DIR, where the influencers and communities tables go");
      return BAD_CONFIG;
    }
    if (!Files.isRegularFile(edges)) {
      System.err.println("--edges " + edges + ": no such file");
      return BAD_CONFIG;
    }
    if (resolution <= 0 || samples < 1) {
      System.err.println("--resolution must be above 0 and --betweenness-samples at least 1");
      return BAD_CONFIG;
    }
    try {
      EdgeListScoring.Result r = new EdgeListScoring(new EdgeListScoring.Options(edges, out, seed, resolution, samples,
          LocalDate.now(ZoneOffset.UTC), RunRecorder.newRunId("graph", Instant.now()))).run();
      double total = r.readTime().plus(r.scoreTime()).plus(r.writeTime()).toNanos() / 1e9;
      System.out.printf(Locale.ROOT, "%nListening Post graph — SUCCEEDED in %.1f s%n", total);
      System.out.printf(Locale.ROOT, "  %s: %,d lines, %,d edges read, %,d lines quarantined%s%n", edges, r.lines(),
          r.edgesRead(), r.quarantined(), r.quarantine() == null ? "" : " (see " + r.quarantine() + ")");
      System.out.printf(Locale.ROOT, "  graph: %,d nodes, %,d distinct edges, %,d self-loops left out%n",
          r.nodes(), r.distinctEdges(), r.selfLoops());
      System.out.printf(Locale.ROOT, "  %d communities, modularity %.3f%n", r.communities(), r.modularity());
      System.out.printf(Locale.ROOT, "  time: read %.1f s, score %.1f s, write %.1f s%n", r.readTime().toNanos() / 1e9,
          r.scoreTime().toNanos() / 1e9, r.writeTime().toNanos() / 1e9);
      System.out.println("  top 5 by influence:");
      r.top().forEach(i -> System.out.printf(Locale.ROOT, "    %d. %s (community %d, PageRank %.5f): %s%n", i.rank(),
          i.nodeId(), i.community(), i.pagerank(), i.roleReason()));
      System.out.println("  outputs:\n    " + r.influencers() + "\n    " + r.communitiesTable());
      return OK;
    } catch (Exception e) {
      System.err.println("graph failed: " + e);
      e.printStackTrace(System.err);
      return FAILED;
    }
  }
}
