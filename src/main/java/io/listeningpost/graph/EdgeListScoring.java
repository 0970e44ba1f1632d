package io.listeningpost.graph;

import io.listeningpost.storage.ParquetPartitionWriter;
import io.listeningpost.storage.Tables;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Scores a network read from an edge list file ({@link EdgeListReader}) and writes the same influencers and
 * communities tables as the graph stage, plus the refused lines as a quarantine table, under one directory.
 * A bare edge list knows nothing about its nodes besides the edges, so every author fact is unknown.
 */
public final class EdgeListScoring {
  /** What to score and where to write it; {@code date} is the tables' partition, {@code runId} their run. */
  public record Options(Path edges, Path out, long seed, double resolution, int betweennessSamples, LocalDate date,
      String runId) {}

  /**
   * What was read, scored and written. {@code top} holds the five best-ranked influencers, best first;
   * {@code quarantine} is null when no line was refused.
   */
  public record Result(long lines, long edgesRead, long quarantined, int nodes, int distinctEdges, long selfLoops,
      int communities, double modularity, List<InfluenceModel.Influencer> top, Duration readTime, Duration scoreTime,
      Duration writeTime, Path influencers, Path communitiesTable, Path quarantine) {
    public Result {
      top = List.copyOf(top);
    }
  }

  private static final int TOP = 5;

  private final Options options;

  public EdgeListScoring(Options options) {
    this.options = options;
  }

  public Result run() throws IOException {
    long t0 = System.nanoTime();
    EdgeListReader.Read read = EdgeListReader.read(options.edges());
    long t1 = System.nanoTime();
    InfluenceModel.AuthorFacts[] facts = new InfluenceModel.AuthorFacts[read.graph().nodeCount()];
    Arrays.fill(facts, InfluenceModel.AuthorFacts.none());
    InfluenceModel.Result scored = InfluenceModel.score(read.graph(), facts,
        new InfluenceModel.Settings(0.85, options.resolution(), options.seed(), options.betweennessSamples(), 10));
    long t2 = System.nanoTime();
    Date dt = Date.valueOf(options.date());
    Path out = options.out();
    // The rows are on the driver already; parquet-hadoop writes them without starting Spark.
    String dir = out.toAbsolutePath().toString();
    GraphOutput.writeWithoutSpark(dir, scored, dt, options.runId());
    Path quarantine = null;
    if (!read.rejected().isEmpty()) {
      Path edges = options.edges();
      List<Row> rows = read.rejected().stream().map(r -> RowFactory.create(edges.toString(), "edgelist",
          edges.getFileName().toString(), "edges", "line " + r.line(), r.excerpt(), r.reason(), options.runId(), dt)).toList();
      ParquetPartitionWriter.write(dir, Tables.QUARANTINE, dt, rows, options.runId());
      quarantine = out.resolve(Tables.QUARANTINE);
    }
    long t3 = System.nanoTime();
    List<InfluenceModel.Influencer> top = scored.influencers().stream()
        .filter(i -> i.rank() != null && i.rank() <= TOP)
        .sorted(Comparator.comparingInt(InfluenceModel.Influencer::rank))
        .toList();
    return new Result(read.lines(), read.edges(), read.rejected().size(), scored.nodes(), scored.edges(),
        scored.selfLoops(), scored.communities().size(), scored.modularity(), top, Duration.ofNanos(t1 - t0),
        Duration.ofNanos(t2 - t1), Duration.ofNanos(t3 - t2), out.resolve(Tables.INFLUENCERS),
        out.resolve(Tables.COMMUNITIES), quarantine);
  }
}
