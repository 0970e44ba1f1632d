package io.listeningpost.run;

import io.listeningpost.storage.Tables;
import io.listeningpost.core.config.ListeningPostConfig;
import io.listeningpost.stage.StageContext;
import io.listeningpost.graph.EdgeListReader;
import io.listeningpost.graph.GraphOutput;
import io.listeningpost.graph.GraphStep;
import io.listeningpost.graph.InfluenceModel;
import io.listeningpost.storage.ParquetPartitionWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "graph", mixinStandardHelpOptions = true,
    description = {"Score influence and communities. With --edges, on your own network (src dst [weight] per line,",
        "whitespace or commas, # comments), written as influencers and communities tables under --out.",
        "Without --edges, on the warehouse's interactions of the trailing window (graph.* settings)."})
final class GraphCommand extends DataCommand {
  @Option(names = "--edges", paramLabel = "FILE", description = "A plain edge list to score instead of the warehouse.")
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
  RunOutcome stages(StageContext ctx) {
    return new RunOutcome(List.of(new GraphStep(ctx).run()));
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
    long t0 = System.nanoTime();
    try {
      EdgeListReader.Read read = EdgeListReader.read(edges);
      long t1 = System.nanoTime();
      InfluenceModel.AuthorFacts[] facts = new InfluenceModel.AuthorFacts[read.graph().nodeCount()];
      java.util.Arrays.fill(facts, InfluenceModel.AuthorFacts.none());
      InfluenceModel.Result result = InfluenceModel.score(read.graph(), facts,
          new InfluenceModel.Settings(0.85, resolution, seed, samples, 10));
      long t2 = System.nanoTime();
      Date today = Date.valueOf(LocalDate.now(ZoneOffset.UTC));
      String runId = RunRecorder.newRunId("graph", Instant.now());
      // The rows are on the driver already; parquet-hadoop writes them without starting Spark.
      String dir = out.toAbsolutePath().toString();
      GraphOutput.writeWithoutSpark(dir, result, today, runId);
      if (!read.rejected().isEmpty()) {
        List<Row> rows = read.rejected().stream().map(r -> RowFactory.create(edges.toString(), "edgelist",
            edges.getFileName().toString(), "edges", "line " + r.line(), r.excerpt(), r.reason(), today)).toList();
        ParquetPartitionWriter.write(dir + "/" + Tables.QUARANTINE,
            Tables.QUARANTINE_RECORD.add("dt", DataTypes.DateType), today, rows);
      }
      long t3 = System.nanoTime();
      System.out.printf(Locale.ROOT, "%nListening Post graph — SUCCEEDED in %.1f s%n", (t3 - t0) / 1e9);
      System.out.printf(Locale.ROOT, "  %s: %,d lines, %,d edges read, %,d lines quarantined%s%n", edges, read.lines(),
          read.edges(), read.rejected().size(), read.rejected().isEmpty() ? "" : " (see " + out.resolve("quarantine") + ")");
      System.out.printf(Locale.ROOT, "  graph: %,d nodes, %,d distinct edges, %,d self-loops left out%n",
          result.nodes(), result.edges(), result.selfLoops());
      System.out.printf(Locale.ROOT, "  %d communities, modularity %.3f%n", result.communities().size(),
          result.modularity());
      System.out.printf(Locale.ROOT, "  time: read %.1f s, score %.1f s, write %.1f s%n", (t1 - t0) / 1e9,
          (t2 - t1) / 1e9, (t3 - t2) / 1e9);
      System.out.println("  top 5 by influence:");
      result.influencers().stream().filter(i -> i.rank() != null && i.rank() <= 5)
          .sorted(java.util.Comparator.comparingInt(InfluenceModel.Influencer::rank))
          .forEach(i -> System.out.printf(Locale.ROOT, "    %d. %s (community %d, PageRank %.5f): %s%n", i.rank(),
              i.nodeId(), i.community(), i.pagerank(), i.roleReason()));
      System.out.println("  outputs:\n    " + out.resolve(Tables.INFLUENCERS) + "\n    " + out.resolve(Tables.COMMUNITIES));
      return OK;
    } catch (Exception e) {
      System.err.println("graph failed: " + e);
      e.printStackTrace(System.err);
      return FAILED;
    }
  }
}
