package io.listeningpost.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.listeningpost.core.CodeVersion;
import io.listeningpost.core.config.ListeningPostConfig;
import io.listeningpost.graph.GraphStep;
import io.listeningpost.ingest.IngestStep;
import io.listeningpost.run.RunRecorder;
import io.listeningpost.stage.StageContext;
import io.listeningpost.testing.LocalSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files of a warehouse written by the real stages: every Parquet file says which table, schema
 * version, run and code version it comes from, and DuckDB reads the files as Spark does.
 */
@Tag("spark")
class WarehouseFilesTest {
  @RegisterExtension
  static final LocalSpark SPARK = new LocalSpark();

  @TempDir
  static Path dir;

  private static final LocalDate DATE = LocalDate.of(2026, 11, 21);
  private static final Date DAY = Date.valueOf(DATE);
  private static Path warehouse;

  @BeforeAll
  static void sampleWarehouse() throws IOException {
    warehouse = dir.resolve("warehouse");
    ListeningPostConfig config = ListeningPostConfig.load(Path.of("jobs/nightly.conf"), new ListeningPostConfig.Overrides(
        warehouse.toString(), dir.resolve("reports").toString(), null, false, List.of()));
    new IngestStep(StageContext.of(SPARK.spark(), config, "ingest-1", DATE)).run();
    new GraphStep(StageContext.of(SPARK.spark(), config, "graph-1", DATE)).run();
    RunRecorder.record(SPARK.spark(), config, "graph-1", "graph", DATE, "SUCCEEDED", Instant.now(), Instant.now(),
        null, null);
    StageContext enrich = StageContext.of(SPARK.spark(), config, "enrich-1", DATE);
    enrich.warehouse().overwritePartitions(Tables.POST_NLP,
        SPARK.spark().createDataFrame(List.of(postNlp("p1", "positive"), postNlp("p2", "negative")),
            Tables.POST_NLP_SCHEMA), new String[] {"post_id"});
    ParquetPartitionWriter.write(dir.resolve("edges").toString(), Tables.QUARANTINE, DAY,
        List.of(RowFactory.create("e.csv", "edgelist", "e.csv", "edges", "line 2", "a;b", "no weight", "edges-1", DAY)),
        "edges-1");
  }

  private static Row postNlp(String postId, String label) {
    StructType s = Tables.POST_NLP_SCHEMA;
    Object[] cells = new Object[s.size()];
    cells[s.fieldIndex("platform")] = "forum";
    cells[s.fieldIndex("post_id")] = postId;
    cells[s.fieldIndex("created_at")] = Timestamp.valueOf("2026-11-21 09:00:00");
    cells[s.fieldIndex("sentiment_label")] = label;
    cells[s.fieldIndex("sentences")] = new Row[] {RowFactory.create(0, 12, label, 0.8, new Double[] {0.1, 0.1, 0.8},
        "social"), RowFactory.create(13, 20, "neutral", 0.5, new Double[] {0.3, 0.4, 0.3}, "social")};
    cells[s.fieldIndex("entities")] = new Row[] {RowFactory.create("Acme", "ORGANIZATION")};
    cells[s.fieldIndex("lemmas")] = new String[] {"good", "job"};
    cells[s.fieldIndex("run_id")] = "enrich-1";
    cells[s.fieldIndex("dt")] = DAY;
    return RowFactory.create(cells);
  }

  private static List<Path> parquetFiles(Path table) throws IOException {
    try (Stream<Path> files = Files.walk(table)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList();
    }
  }

  private static Map<String, String> footer(Path file) throws IOException {
    try (ParquetFileReader r = ParquetFileReader.open(HadoopInputFile.fromPath(
        new org.apache.hadoop.fs.Path(file.toUri()), new Configuration()))) {
      return r.getFooter().getFileMetaData().getKeyValueMetaData();
    }
  }

  @Test
  void everyFileOfEveryTableCarriesItsTableSchemaVersionRunAndCodeVersion() throws IOException {
    Map<String, String> runOf = Map.of(Tables.POSTS, "ingest-1", Tables.AUTHORS, "ingest-1",
        Tables.INTERACTIONS, "ingest-1", Tables.QUARANTINE, "ingest-1", Tables.INFLUENCERS, "graph-1",
        Tables.COMMUNITIES, "graph-1", Tables.POST_NLP, "enrich-1", Tables.RUNS, "graph-1");
    for (Map.Entry<String, String> t : runOf.entrySet()) {
      List<Path> files = parquetFiles(warehouse.resolve(t.getKey()));
      assertThat(files).as(t.getKey()).isNotEmpty();
      for (Path f : files) {
        assertThat(footer(f)).as(f.toString())
            .containsEntry(ParquetKeyValueMetadata.TABLE, t.getKey())
            .containsEntry(ParquetKeyValueMetadata.SCHEMA_VERSION, String.valueOf(Tables.SCHEMA_VERSION))
            .containsEntry(ParquetKeyValueMetadata.RUN_ID, t.getValue())
            .containsEntry(ParquetKeyValueMetadata.CODE_VERSION, CodeVersion.current())
            // Spark's own footer entries are kept beside ours.
            .containsKey("org.apache.spark.sql.parquet.row.metadata");
      }
    }
    // Posts are written by several tasks; each file carries the same values.
    assertThat(parquetFiles(warehouse.resolve(Tables.POSTS)).size()).isGreaterThan(1);
  }

  @Test
  void filesWrittenWithoutSparkCarryTheSameKeys() throws IOException {
    List<Path> files = parquetFiles(dir.resolve("edges").resolve(Tables.QUARANTINE));
    assertThat(files).hasSize(1);
    assertThat(footer(files.get(0))).containsAllEntriesOf(ParquetKeyValueMetadata.of(Tables.QUARANTINE, "edges-1"));
  }

  @Test
  void duckDbReadsTheTablesAsSparkDoes() throws Exception {
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
      String posts = "read_parquet('" + warehouse.resolve(Tables.POSTS) + "/*/*.parquet', hive_partitioning = true)";
      assertThat(scalar(st, "SELECT count(*) FROM " + posts))
          .isEqualTo(String.valueOf(SPARK.spark().read().parquet(warehouse.resolve(Tables.POSTS).toString()).count()));
      Row first = SPARK.spark().read().parquet(warehouse.resolve(Tables.POSTS).toString())
          .orderBy("platform", "post_id").select("platform", "post_id", "author_id", "created_at", "dt").first();
      try (ResultSet rs = st.executeQuery("SELECT platform, post_id, author_id, epoch_us(created_at), CAST(dt AS DATE) FROM "
          + posts + " ORDER BY platform, post_id LIMIT 1")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo(first.getString(0));
        assertThat(rs.getString(2)).isEqualTo(first.getString(1));
        assertThat(rs.getString(3)).isEqualTo(first.getString(2));
        Timestamp created = first.getTimestamp(3);
        assertThat(rs.getLong(4)).isEqualTo(created.getTime() * 1000 + created.getNanos() / 1000 % 1000);
        assertThat(rs.getDate(5).toLocalDate()).isEqualTo(first.getDate(4).toLocalDate());
      }

      String influencers = "read_parquet('" + warehouse.resolve(Tables.INFLUENCERS)
          + "/*/*.parquet', hive_partitioning = true)";
      List<Row> top = SPARK.spark().read().parquet(warehouse.resolve(Tables.INFLUENCERS).toString())
          .filter("influence_rank IS NOT NULL").orderBy("influence_rank").select("author_id", "influence_rank")
          .limit(3).collectAsList();
      assertThat(top).isNotEmpty();
      List<String> duckTop = new ArrayList<>();
      try (ResultSet rs = st.executeQuery("SELECT author_id, influence_rank FROM " + influencers
          + " WHERE influence_rank IS NOT NULL ORDER BY influence_rank LIMIT 3")) {
        while (rs.next()) {
          duckTop.add(rs.getString(1) + "#" + rs.getInt(2));
        }
      }
      assertThat(duckTop).containsExactlyElementsOf(top.stream().map(r -> r.getString(0) + "#" + r.getInt(1)).toList());

      String nlp = "read_parquet('" + warehouse.resolve(Tables.POST_NLP) + "/*/*.parquet', hive_partitioning = true)";
      try (ResultSet rs = st.executeQuery("SELECT post_id, len(sentences), sentences[1].label, sentences[1].dist[3], "
          + "entities[1].type, lemmas FROM " + nlp + " ORDER BY post_id")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("p1");
        assertThat(rs.getInt(2)).isEqualTo(2);
        assertThat(rs.getString(3)).isEqualTo("positive");
        assertThat(rs.getDouble(4)).isEqualTo(0.8);
        assertThat(rs.getString(5)).isEqualTo("ORGANIZATION");
        assertThat(rs.getString(6)).isEqualTo("[good, job]");
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(3)).isEqualTo("negative");
        assertThat(rs.next()).isFalse();
      }

      String authors = "read_parquet('" + warehouse.resolve(Tables.AUTHORS) + "/*.parquet')";
      assertThat(scalar(st, "SELECT count(*) FROM " + authors)).isEqualTo(
          String.valueOf(SPARK.spark().read().parquet(warehouse.resolve(Tables.AUTHORS).toString()).count()));
      assertThat(scalar(st, "SELECT value FROM parquet_kv_metadata('" + warehouse.resolve(Tables.AUTHORS)
          + "/*.parquet') WHERE key = '" + ParquetKeyValueMetadata.RUN_ID + "' LIMIT 1")).isEqualTo("ingest-1");
    }
  }

  private static String scalar(Statement st, String query) throws Exception {
    try (ResultSet rs = st.executeQuery(query)) {
      assertThat(rs.next()).isTrue();
      return rs.getString(1);
    }
  }
}
