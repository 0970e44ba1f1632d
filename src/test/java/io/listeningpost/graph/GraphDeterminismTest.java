package io.listeningpost.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.listeningpost.core.config.ListeningPostConfig;
import io.listeningpost.ingest.IngestStep;
import io.listeningpost.run.SparkSessions;
import io.listeningpost.stage.StageContext;
import io.listeningpost.storage.Tables;
import io.listeningpost.testing.LocalSpark;
import io.listeningpost.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same input gives the same influencers and communities whatever the cores, the shuffle
 * partitions and adaptive execution: node numbering, sums and tie-breaks must not follow the order
 * Spark happens to return rows in. The same holds on the Spark path for large windows.
 */
@Tag("spark")
class GraphDeterminismTest {
  private static final LocalDate END = LocalDate.of(2026, 11, 21);

  private record Setup(String master, int shufflePartitions, boolean adaptive) {}

  @Test
  void influencersAndCommunitiesAreTheSameUnderAnyParallelism(@TempDir Path dir) throws Exception {
    // One core, one partition, no adaptive execution, against two cores, 13 partitions, all kept, and adaptive
    // execution.
    List<Setup> setups = List.of(new Setup("local[1]", 1, false), new Setup("local[2]", 13, true));
    List<List<Row>> influencers = new ArrayList<>();
    List<List<Row>> communities = new ArrayList<>();
    List<List<Row>> sparkInfluencers = new ArrayList<>();
    List<List<Row>> sparkCommunities = new ArrayList<>();
    for (int i = 0; i < setups.size(); i++) {
      Setup s = setups.get(i);
      SparkSession spark = SparkSessions.builder(s.master(), s.shufflePartitions(), "determinism " + s)
          .config("spark.sql.adaptive.enabled", String.valueOf(s.adaptive()))
          // Adaptive execution re-plans joins but keeps every shuffle partition: merged, they would be a few.
          .config("spark.sql.adaptive.coalescePartitions.enabled", "false")
          .getOrCreate();
      try {
        Path wh = dir.resolve("wh-" + i);
        ListeningPostConfig c = config(dir.resolve("job-" + i + ".conf"), wh, "");
        new IngestStep(StageContext.of(spark, c, "ingest", END)).run();
        assertThat(new GraphStep(StageContext.of(spark, c, "graph", END)).run().notes())
            .anyMatch(n -> n.startsWith("scored in the driver"));
        influencers.add(spark.read().parquet(wh.resolve(Tables.INFLUENCERS).toString()).collectAsList());
        communities.add(spark.read().parquet(wh.resolve(Tables.COMMUNITIES).toString()).collectAsList());
        // The same window scored on the Spark path, which must not depend on parallelism either.
        ListeningPostConfig onSpark = config(dir.resolve("job-spark-" + i + ".conf"), wh, "graph.local-max-edges = 0");
        assertThat(new GraphStep(StageContext.of(spark, onSpark, "graph", END)).run().notes())
            .anyMatch(n -> n.startsWith("scored with Spark"));
        sparkInfluencers.add(spark.read().parquet(wh.resolve(Tables.INFLUENCERS).toString()).collectAsList());
        sparkCommunities.add(spark.read().parquet(wh.resolve(Tables.COMMUNITIES).toString()).collectAsList());
      } finally {
        spark.stop();
      }
    }
    // Enough authors and communities that an order-dependent numbering or sum would show.
    assertThat(influencers.get(0)).hasSizeGreaterThan(60);
    assertThat(communities.get(0)).hasSizeGreaterThan(5);
    SparkSession spark = SparkSessions.create("local[1]", 1, "compare");
    try {
      for (int i = 1; i < setups.size(); i++) {
        LocalSpark.assertSameRows(spark.createDataFrame(influencers.get(0), Tables.INFLUENCERS_SCHEMA),
            spark.createDataFrame(influencers.get(i), Tables.INFLUENCERS_SCHEMA));
        LocalSpark.assertSameRows(spark.createDataFrame(communities.get(0), Tables.COMMUNITIES_SCHEMA),
            spark.createDataFrame(communities.get(i), Tables.COMMUNITIES_SCHEMA));
        LocalSpark.assertSameRows(spark.createDataFrame(sparkInfluencers.get(0), Tables.INFLUENCERS_SCHEMA),
            spark.createDataFrame(sparkInfluencers.get(i), Tables.INFLUENCERS_SCHEMA));
        LocalSpark.assertSameRows(spark.createDataFrame(sparkCommunities.get(0), Tables.COMMUNITIES_SCHEMA),
            spark.createDataFrame(sparkCommunities.get(i), Tables.COMMUNITIES_SCHEMA));
      }
    } finally {
      spark.stop();
    }
  }

  /** The samples and a real Stack Exchange dump, in one window that covers both. */
  private static ListeningPostConfig config(Path file, Path warehouse, String extra) throws Exception {
    Path samples = Path.of("data-samples").toAbsolutePath();
    Files.writeString(file, "warehouse = \"" + warehouse + "\"\nreports = \"" + warehouse.resolveSibling("reports")
        + "\"\ngraph { window-days = 3300, half-life-days = 3650 }\nsources = [\n"
        + "  { format = stackexchange, path = \"" + samples.resolve("stackexchange") + "\" }\n"
        + "  { format = reddit, path = \"" + samples.resolve("reddit") + "\" }\n"
        + "  { format = mastodon, path = \"" + samples.resolve("mastodon") + "\" }\n"
        + "  { format = stackexchange, path = \"" + SharedData.dataset("se-conlang-meta") + "\" }\n]\n" + extra + "\n");
    return ListeningPostConfig.load(file, ListeningPostConfig.Overrides.none());
  }
}
