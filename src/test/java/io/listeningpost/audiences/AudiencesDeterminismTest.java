package io.listeningpost.audiences;

import static org.assertj.core.api.Assertions.assertThat;

import io.listeningpost.core.config.ListeningPostConfig;
import io.listeningpost.enrich.EnrichStep;
import io.listeningpost.graph.GraphStep;
import io.listeningpost.ingest.IngestStep;
import io.listeningpost.run.SparkSessions;
import io.listeningpost.stage.StageContext;
import io.listeningpost.stage.StageResult;
import io.listeningpost.storage.Tables;
import io.listeningpost.testing.FileTrees;
import io.listeningpost.testing.LocalSpark;
import io.listeningpost.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same warehouse run through the audiences stage gives the same rows in every audiences table
 * whatever the cores, the shuffle partitions and adaptive execution: samples, sums, rankings and
 * tie-breaks must not follow the order Spark happens to return rows in. Only {@code run_id} differs.
 */
@Tag("spark")
@Tag("nlp")
class AudiencesDeterminismTest {
  // The dump's last day: a 90-day window with the 90 days before it, enough for growth and rising topics.
  private static final LocalDate END = LocalDate.of(2018, 9, 2);
  private static final List<String> TABLES = List.of(Tables.TOPICS, Tables.POST_TOPICS, Tables.SEGMENTS,
      Tables.SEGMENT_MEMBERS, Tables.AUDIENCE_PRESENCE, Tables.TARGET_COMMUNITIES, Tables.STREAMS,
      Tables.STREAM_THEMES, Tables.POST_STREAMS, Tables.OPPORTUNITIES, Tables.KEY_TOPICS);

  private record Setup(String master, int shufflePartitions, boolean adaptive) {}

  @Test
  void everyAudiencesTableIsTheSameUnderAnyParallelism(@TempDir Path dir) throws Exception {
    // The input, ingested, enriched (sentiment, without the slow linguistics) and graphed once.
    Path base = dir.resolve("base");
    SparkSession prepare = session(new Setup("local[2]", 4, true));
    try {
      ListeningPostConfig c = config(dir.resolve("base.conf"), base);
      new IngestStep(StageContext.of(prepare, c, "ingest", END)).run();
      new EnrichStep(StageContext.of(prepare, c, "enrich", END)).run();
      new GraphStep(StageContext.of(prepare, c, "graph", END)).run();
    } finally {
      prepare.stop();
    }

    // One core, one partition, no adaptive execution, against two cores, 13 partitions, all kept, and adaptive
    // execution.
    List<Setup> setups = List.of(new Setup("local[1]", 1, false), new Setup("local[2]", 13, true));
    List<Map<String, List<Row>>> runs = new ArrayList<>();
    for (int i = 0; i < setups.size(); i++) {
      Path wh = dir.resolve("wh-" + i);
      FileTrees.copy(base, wh);
      SparkSession spark = session(setups.get(i));
      try {
        StageResult r = new AudiencesStep(StageContext.of(spark, config(dir.resolve("job-" + i + ".conf"), wh),
            "audiences", END)).run();
        assertThat(r.tables()).allSatisfy(t -> assertThat(t.reconciles()).as(t.mismatch()).isTrue());
        Map<String, List<Row>> tables = new LinkedHashMap<>();
        for (String table : TABLES) {
          tables.put(table, spark.read().parquet(wh.resolve(table).toString()).drop(Tables.RUN_ID).collectAsList());
        }
        runs.add(tables);
      } finally {
        spark.stop();
      }
    }

    // Enough of every kind that an order-dependent sample, sum or tie-break would show.
    Map<String, List<Row>> first = runs.get(0);
    assertThat(first.get(Tables.POST_TOPICS)).hasSizeGreaterThan(3000);
    assertThat(first.get(Tables.SEGMENTS)).hasSizeGreaterThanOrEqualTo(3);
    assertThat(first.get(Tables.TARGET_COMMUNITIES)).isNotEmpty();
    assertThat(first.get(Tables.KEY_TOPICS)).hasSizeGreaterThan(10);
    assertThat(first.get(Tables.STREAM_THEMES)).isNotEmpty();
    assertThat(first.get(Tables.OPPORTUNITIES).stream().map(r -> r.getString(0)).distinct())
        .contains(AudienceOpportunities.UNANSWERED, AudienceOpportunities.POORLY_ANSWERED);
    assertThat(first.get(Tables.TOPICS)).anySatisfy(r -> assertThat(r.isNullAt(9)).as("topic sentiment").isFalse());

    SparkSession spark = session(new Setup("local[1]", 1, false));
    try {
      for (String table : TABLES) {
        StructType schema = withoutRunId(Tables.schemaOf(table));
        for (int i = 1; i < setups.size(); i++) {
          try {
            LocalSpark.assertSameRows(spark.createDataFrame(first.get(table), schema),
                spark.createDataFrame(runs.get(i).get(table), schema));
          } catch (AssertionError e) {
            throw new AssertionError(table + " under " + setups.get(i) + " differs from " + setups.get(0) + ": "
                + e.getMessage(), e);
          }
        }
      }
    } finally {
      spark.stop();
    }
  }

  private static SparkSession session(Setup s) {
    return SparkSessions.builder(s.master(), s.shufflePartitions(), "audiences determinism " + s)
        .config("spark.sql.adaptive.enabled", String.valueOf(s.adaptive()))
        // Adaptive execution re-plans joins but keeps every shuffle partition: merged, they would be a few.
        .config("spark.sql.adaptive.coalescePartitions.enabled", "false")
        .getOrCreate();
  }

  private static StructType withoutRunId(StructType schema) {
    return new StructType(Arrays.stream(schema.fields()).filter(f -> !f.name().equals(Tables.RUN_ID))
        .toArray(StructField[]::new));
  }

  /** The quantum computing dump, two target audiences and a key topic, sentiment without linguistics. */
  private static ListeningPostConfig config(Path file, Path warehouse) throws Exception {
    Files.writeString(file, "warehouse = \"" + warehouse + "\"\nreports = \"" + warehouse.resolveSibling("reports")
        + "\"\nenrich { linguistics = false }\ngraph { window-days = 180 }\naudiences { window-days = 90\n"
        + " targets = [ { name = \"hardware builders\", keywords = [\"superconducting\", \"ion trap\", \"transmon\"], "
        + "communities = [\"se-quantumcomputing\"] }, { name = \"algorithm designers\", keywords = [\"grover\", "
        + "\"shor\", \"oracle\", \"algorithm\"] } ]\n key-topics = [ { name = \"error correction\", terms = "
        + "[\"error correction\", \"surface code\", \"qec\"] } ] }\nsources = [ { format = stackexchange, path = \""
        + SharedData.dataset("se-quantumcomputing") + "\" } ]\n");
    return ListeningPostConfig.load(file, ListeningPostConfig.Overrides.none());
  }
}
