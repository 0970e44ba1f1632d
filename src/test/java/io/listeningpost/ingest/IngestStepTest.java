package io.listeningpost.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.listeningpost.core.TableCounts;
import io.listeningpost.stage.StageContext;
import io.listeningpost.stage.StageResult;
import io.listeningpost.storage.TablePublisher;
import io.listeningpost.storage.Tables;
import io.listeningpost.core.config.ListeningPostConfig;
import io.listeningpost.core.config.SourceFormat;
import io.listeningpost.core.config.SourceSpec;
import io.listeningpost.testing.LocalSpark;
import io.listeningpost.testing.SampleJobs;
import io.listeningpost.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("spark")
class IngestStepTest {
  @RegisterExtension
  static final LocalSpark SPARK = new LocalSpark();

  private static final LocalDate DATE = LocalDate.of(2026, 11, 21);

  private static ListeningPostConfig config(Path warehouse, List<SourceSpec> sources) {
    return SampleJobs.withSources(warehouse, sources);
  }


  private static StageResult ingest(ListeningPostConfig config, String runId, LocalDate date) throws Exception {
    return new IngestStep(StageContext.of(SPARK.spark(), config, runId, date)).run();
  }

  private static Map<String, TableCounts> counts(StageResult r) {
    return r.tables().stream().collect(Collectors.toMap(TableCounts::table, c -> c));
  }

  @Test
  void nightlySamplesGiveGoldenCountsThatReconcile(@TempDir Path dir) throws Exception {
    StageResult r = ingest(SampleJobs.perFormatSamples(dir), "run-1", DATE);
    Map<String, TableCounts> c = counts(r);
    assertThat(r.tables()).allSatisfy(t -> assertThat(t.reconciles()).as(t.toString()).isTrue());
    assertThat(c.get("posts")).isEqualTo(new TableCounts("posts", 56, 40, 5, 11));
    assertThat(c.get("_files")).isEqualTo(new TableCounts("_files", 15, 14, 1, 0));
    Dataset<Row> posts = SPARK.spark().read().parquet(dir.resolve("posts").toString());
    assertThat(posts.count()).isEqualTo(40);
    assertThat(posts.columns()).containsExactly(withoutDt(Tables.POST_RECORD.fieldNames(), "run_id", "dt"));
    assertThat(posts.select("platform").distinct().as(org.apache.spark.sql.Encoders.STRING()).collectAsList())
        .containsExactlyInAnyOrder("stackexchange", "reddit", "twitter", "mastodon", "blog", "forum");
    // The edited Reddit comment and the edited tweet are kept once, in their latest version.
    assertThat(text(posts, "t1_ka1111")).endsWith("EDIT: and where the runbooks live.");
    assertThat(text(posts, "1991000000000000009")).endsWith("(edited: typo)");
    // The SE comment on an answer finds the question as its thread through the answer.
    assertThat(posts.filter(col("post_id").equalTo("workplace.stackexchange.com:c502")).select("thread_id")
        .first().getString(0)).isEqualTo("workplace.stackexchange.com:101");
    Dataset<Row> interactions = SPARK.spark().read().parquet(dir.resolve("interactions").toString());
    assertThat(interactions.filter(col("kind").equalTo("answer").and(col("post_id")
        .equalTo("workplace.stackexchange.com:102"))).select("dst_author").first().getString(0))
        .isEqualTo("workplace.stackexchange.com:7");
    Dataset<Row> quarantine = SPARK.spark().read().parquet(dir.resolve("quarantine").toString());
    assertThat(quarantine.count()).isEqualTo(11);
    assertThat(quarantine.filter(col("reason").isNull().or(col("position").isNull())).count()).isZero();
    Dataset<Row> authors = SPARK.spark().read().parquet(dir.resolve("authors").toString());
    Row priya = authors.filter(col("author_id").equalTo("workplace.stackexchange.com:12")).first();
    assertThat(priya.<Long>getAs("reputation")).isEqualTo(48_211L);
    assertThat(priya.<Long>getAs("post_count")).isEqualTo(2L);
  }

  @Test
  void runningTheSameInputTwiceGivesIdenticalTables(@TempDir Path dir) throws Exception {
    ingest(SampleJobs.perFormatSamples(dir), "run-1", DATE);
    Map<String, List<Row>> first = snapshot(dir);
    StageResult second = ingest(SampleJobs.perFormatSamples(dir), "run-2", DATE);
    Map<String, List<Row>> again = snapshot(dir);
    for (String table : List.of("posts", "interactions", "authors", "quarantine")) {
      LocalSpark.assertSameRows(rows(first.get(table)), rows(again.get(table)));
    }
    assertThat(counts(second).get("posts").written()).isZero();
    assertThat(counts(second).get("posts").deduplicated()).isEqualTo(45);
  }

  @Test
  void aRerunOnALaterDateAddsNoQuarantineRowTwice(@TempDir Path dir) throws Exception {
    ingest(SampleJobs.perFormatSamples(dir), "run-1", DATE);
    StageResult later = ingest(SampleJobs.perFormatSamples(dir), "run-2", DATE.plusDays(3));
    Dataset<Row> quarantine = SPARK.spark().read().parquet(dir.resolve("quarantine").toString());
    assertThat(quarantine.count()).isEqualTo(11);
    assertThat(counts(later).get("quarantine")).isEqualTo(new TableCounts("quarantine", 11, 0, 11, 0));
  }

  /** With the post key index (kept from the first post on) and without it (the default on a table this small). */
  @ParameterizedTest(name = "ingest.post-key-index-min-posts = {0}")
  @ValueSource(ints = {0, 2_000_000})
  void aLaterRunReplacesOnlyTheDaysItTouchesAndTheLatestEditWins(int indexMinPosts, @TempDir Path dir)
      throws Exception {
    Path early = Files.createDirectories(dir.resolve("in-early"));
    Path late = Files.createDirectories(dir.resolve("in-late"));
    Files.copy(Path.of("data-samples/reddit/pushshift/RS_2026-11.ndjson"), early.resolve("a.ndjson"));
    Files.copy(Path.of("data-samples/reddit/threads/cscareerquestions/cscareerquestions-1795036000-5t6y7u.json"),
        early.resolve("thread.json"));
    Files.copy(Path.of("data-samples/reddit/pushshift/RC_2026-11-late.ndjson"), late.resolve("b.ndjson"));
    Path wh = dir.resolve("warehouse");
    Map<String, Integer> index = Map.of("ingest.post-key-index-min-posts", indexMinPosts);
    ingest(SampleJobs.withSources(wh, List.of(SourceSpec.of(SourceFormat.REDDIT, early.toString())), index), "r1",
        DATE);
    List<String> daysBefore = partitions(wh.resolve("posts"));
    assertThat(daysBefore).containsExactly("dt=2026-11-18", "dt=2026-11-19", "dt=2026-11-20", "dt=2026-11-21");
    String untouchedFile = firstFile(wh.resolve("posts/dt=2026-11-18"));
    String touchedFile = firstFile(wh.resolve("posts/dt=2026-11-21"));
    Dataset<Row> before = SPARK.spark().read().parquet(wh.resolve("posts").toString());
    assertThat(text(before, "t1_ka1111")).doesNotContain("EDIT");
    long postsBefore = before.count();

    StageResult r = ingest(SampleJobs.withSources(wh, List.of(SourceSpec.of(SourceFormat.REDDIT, late.toString())),
        index), "r2", DATE);
    assertThat(Files.exists(wh.resolve("_post_keys.in-sync"))).isEqualTo(indexMinPosts == 0);
    // The late reply's target is a post of the first run, found by the lookup either way.
    Dataset<Row> interactions = SPARK.spark().read().parquet(wh.resolve("interactions").toString());
    String target = SPARK.spark().read().parquet(wh.resolve("posts").toString())
        .filter(col("post_id").equalTo("t1_k9x8y7")).select("author_id").first().getString(0);
    assertThat(target).isNotNull();
    assertThat(interactions.filter(col("post_id").equalTo("t1_k9x901")).select("dst_author").first().getString(0))
        .isEqualTo(target);
    assertThat(counts(r).get("posts")).isEqualTo(new TableCounts("posts", 2, 1, 1, 0));
    Dataset<Row> after = SPARK.spark().read().parquet(wh.resolve("posts").toString());
    assertThat(after.count()).isEqualTo(postsBefore);
    assertThat(text(after, "t1_ka1111")).endsWith("EDIT: and where the runbooks live.");
    assertThat(partitions(wh.resolve("posts"))).isEqualTo(daysBefore);
    assertThat(firstFile(wh.resolve("posts/dt=2026-11-18"))).isEqualTo(untouchedFile);
    assertThat(firstFile(wh.resolve("posts/dt=2026-11-21"))).isNotEqualTo(touchedFile);
  }

  @Test
  void authorsUpdatedRunByRunEqualAuthorsBuiltInOneRunAndMatchThePostsTable(@TempDir Path dir) throws Exception {
    List<SourceSpec> all = SampleJobs.perFormatSamples(dir.resolve("unused")).sources();
    List<SourceSpec> first = all.stream().filter(s -> s.format() != SourceFormat.REDDIT).toList();
    // The second run brings new authors (Reddit) and names again authors of the first (Stack Exchange).
    List<SourceSpec> second = all.stream().filter(s -> s.format() == SourceFormat.REDDIT
        || s.format() == SourceFormat.STACKEXCHANGE).toList();
    assertThat(first).isNotEmpty();
    assertThat(second).hasSizeGreaterThan(1);
    Path stepwise = dir.resolve("stepwise");
    ingest(config(stepwise, first), "r1", DATE);
    List<Row> keptAfterFirst = SPARK.spark().read().parquet(stepwise.resolve("authors").toString())
        .filter(col("platform").isin("twitter", "mastodon", "blog", "forum")).collectAsList();
    StageResult r2 = ingest(config(stepwise, second), "r2", DATE);
    assertThat(r2.tables()).allSatisfy(t -> assertThat(t.reconciles()).as(t.toString()).isTrue());
    Path together = dir.resolve("together");
    StageResult together1 = ingest(config(together, all), "r1", DATE);
    assertThat(together1.notes()).contains("authors: activity taken from the whole posts table (no posts before this run)");
    // The second run takes again only the authors of the days it replaced: the Stack Exchange authors,
    // whose days it read again, from all their posts, and the new Reddit authors from those days alone.
    assertThat(r2.notes()).anySatisfy(n -> assertThat(n)
        .matches("authors: activity of \\d+ authors taken again from \\d+ replaced days \\(\\d+ of them from all "
            + "their posts\\); the others kept").doesNotContain("(0 of them"));

    Dataset<Row> a = SPARK.spark().read().parquet(stepwise.resolve("authors").toString()).drop("run_id");
    Dataset<Row> b = SPARK.spark().read().parquet(together.resolve("authors").toString()).drop("run_id");
    assertThat(a.count()).isEqualTo(b.count()).isEqualTo(29);
    assertThat(a.exceptAll(b).count()).isZero();
    assertThat(b.exceptAll(a).count()).isZero();
    // Activity as the posts table has it, for every author, touched by the second run or not.
    Dataset<Row> posts = SPARK.spark().read().parquet(stepwise.resolve("posts").toString())
        .filter(col("author_id").isNotNull());
    Dataset<Row> expected = posts.groupBy("platform", "author_id").agg(
        min("created_at").as("first_seen"), max("created_at").as("last_seen"), count(lit(1)).as("post_count"));
    assertThat(a.filter(col("post_count").gt(0)).select("platform", "author_id", "first_seen", "last_seen",
        "post_count").exceptAll(expected).count()).isZero();
    // Authors the second run did not name keep their row and the first run's id.
    assertThat(keptAfterFirst).isNotEmpty();
    assertThat(SPARK.spark().read().parquet(stepwise.resolve("authors").toString())
        .filter(col("platform").isin("twitter", "mastodon", "blog", "forum")).collectAsList())
        .containsExactlyInAnyOrderElementsOf(keptAfterFirst);
  }

  @Test
  void twoProfilesOfOneAuthorSeenAtTheSameTimeInOneFileGiveTheSameNameInEitherOrder(@TempDir Path dir)
      throws Exception {
    String first = status("1", "sam@one.example");
    String second = status("2", "sam@two.example");
    assertThat(nameAfterIngesting(dir.resolve("first-then-second"), first, second)).isEqualTo("sam@two.example");
    assertThat(nameAfterIngesting(dir.resolve("second-then-first"), second, first)).isEqualTo("sam@two.example");
  }

  /** The authors table's name for the one author of {@code statuses}, ingested as one Mastodon file in this order. */
  private static String nameAfterIngesting(Path dir, String... statuses) throws Exception {
    Path file = Files.createDirectories(dir).resolve("statuses.json");
    Files.writeString(file, "[" + String.join(",", statuses) + "]");
    Path warehouse = dir.resolve("wh");
    ingest(config(warehouse, List.of(SourceSpec.of(SourceFormat.MASTODON, file.toString()))), "r1", DATE);
    return SPARK.spark().read().parquet(warehouse.resolve("authors").toString()).first().getAs("name");
  }

  /** A Mastodon status of account 7, posted at one fixed time, by {@code acct}. */
  private static String status(String id, String acct) {
    return """
        {"id": "%s", "created_at": "2026-11-20T10:00:00.000Z", "in_reply_to_id": null, "language": "en",
         "url": "https://one.example/@sam/%s", "content": "<p>Status %s</p>",
         "account": {"id": "7", "username": "sam", "acct": "%s", "display_name": "Sam",
           "followers_count": 10, "following_count": 5, "created_at": "2022-11-01T00:00:00.000Z"},
         "mentions": [], "tags": [], "reblog": null}""".formatted(id, id, id, acct);
  }

  @Test
  void aRunAfterOneThatStoppedBeforeItsAuthorsTakesEveryAuthorFromThePosts(@TempDir Path dir) throws Exception {
    List<SourceSpec> all = SampleJobs.perFormatSamples(dir.resolve("unused")).sources();
    List<SourceSpec> first = all.stream().filter(s -> s.format() != SourceFormat.REDDIT).toList();
    List<SourceSpec> second = all.stream().filter(s -> s.format() == SourceFormat.REDDIT).toList();
    List<SourceSpec> third = all.stream().filter(s -> s.format() == SourceFormat.TWITTER).toList();
    assertThat(third).isNotEmpty();
    Path stopped = dir.resolve("stopped");
    ingest(config(stopped, first), "r1", DATE);
    TablePublisher.StepHook stop = step -> {
      if (step.equals("staged authors")) {
        throw new java.io.IOException("stopped at " + step);
      }
    };
    // The Reddit posts are published; the authors table is not.
    assertThatThrownBy(() -> new IngestStep(StageContext.of(SPARK.spark(), config(stopped, second), "r2", DATE, stop))
        .run()).hasMessageContaining("stopped at staged authors");
    StageContext next = StageContext.of(SPARK.spark(), config(stopped, third), "r3", DATE);
    next.warehouse().publisher().recover();
    StageResult r3 = new IngestStep(next).run();
    assertThat(r3.notes()).contains("authors: activity taken from the whole posts table (the authors table was not "
        + "written after the last posts write)");

    Path together = dir.resolve("together");
    ingest(config(together, all), "r1", DATE);
    Dataset<Row> a = SPARK.spark().read().parquet(stopped.resolve("authors").toString()).drop("run_id");
    Dataset<Row> b = SPARK.spark().read().parquet(together.resolve("authors").toString()).drop("run_id");
    assertThat(a.filter(col("platform").equalTo("reddit")).count()).isPositive();
    assertThat(a.exceptAll(b).count()).isZero();
    assertThat(b.exceptAll(a).count()).isZero();
  }

  @Test
  void quantumComputingDumpGivesTheSourceEdgeCountsThroughSpark(@TempDir Path dir) throws Exception {
    SourceSpec se = SourceSpec.of(SourceFormat.STACKEXCHANGE, SharedData.dataset("se-quantumcomputing").toString());
    StageResult r = ingest(config(dir, List.of(se)), "qc", DATE);
    assertThat(counts(r).get("posts")).isEqualTo(new TableCounts("posts", 5_399, 5_399, 0, 0));
    Dataset<Row> i = SPARK.spark().read().parquet(dir.resolve("interactions").toString())
        .filter(col("dst_author").isNotNull().and(col("src_author").notEqual(col("dst_author"))));
    assertThat(i.filter(col("kind").equalTo("answer")).count()).isEqualTo(1_013);
    assertThat(i.filter(col("kind").equalTo("answer")).select("src_author", "dst_author").distinct().count())
        .isEqualTo(806);
    assertThat(i.filter(col("kind").equalTo("comment")).count()).isEqualTo(2_275);
    assertThat(i.filter(col("kind").equalTo("comment")).select("src_author", "dst_author").distinct().count())
        .isEqualTo(1_161);
    Dataset<Row> authors = SPARK.spark().read().parquet(dir.resolve("authors").toString());
    assertThat(authors.filter(col("reputation").isNotNull()).count()).isEqualTo(3_461);
    assertThat(authors.filter(col("post_count").gt(0)).count()).isEqualTo(404);
  }

  @Test
  void packingSpreadsSplitsOverBalancedPartitions() {
    SourceSpec s = SourceSpec.of(SourceFormat.REDDIT, "x");
    List<io.listeningpost.ingest.read.SourceSplit> splits = Stream.iterate(1, k -> k + 1).limit(50)
        .map(k -> new io.listeningpost.ingest.read.SourceSplit(s, "f" + k, 0, k * 1_000_000L, k * 1_000_000L)).toList();
    List<List<io.listeningpost.ingest.read.SourceSplit>> bins = SplitPacker.pack(splits, 2);
    assertThat(bins).hasSize(38);
    assertThat(bins.stream().mapToInt(List::size).sum()).isEqualTo(50);
    long max = bins.stream().mapToLong(b -> b.stream().mapToLong(x -> x.end()).sum()).max().orElseThrow();
    long min = bins.stream().mapToLong(b -> b.stream().mapToLong(x -> x.end()).sum()).min().orElseThrow();
    assertThat(max).isLessThanOrEqualTo(2 * Math.max(min, 50_000_000L));
  }

  private static String text(Dataset<Row> posts, String id) {
    return posts.filter(col("post_id").equalTo(id)).select("text").first().getString(0);
  }

  private static String[] withoutDt(String[] record, String... extra) {
    return Stream.concat(Stream.of(record), Stream.of(extra)).toArray(String[]::new);
  }

  private static Map<String, List<Row>> snapshot(Path dir) {
    return Stream.of("posts", "interactions", "authors", "quarantine").collect(Collectors.toMap(t -> t,
        t -> SPARK.spark().read().parquet(dir.resolve(t).toString()).collectAsList()));
  }

  private static Dataset<Row> rows(List<Row> rows) {
    return SPARK.spark().createDataFrame(rows, rows.get(0).schema());
  }

  private static List<String> partitions(Path table) throws Exception {
    try (Stream<Path> s = Files.list(table)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("dt=")).sorted().toList();
    }
  }

  private static String firstFile(Path partition) throws Exception {
    try (Stream<Path> s = Files.list(partition)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".parquet")).sorted().findFirst()
          .orElseThrow();
    }
  }
}
