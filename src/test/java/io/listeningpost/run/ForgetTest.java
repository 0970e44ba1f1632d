package io.listeningpost.run;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.assertj.core.api.Assertions.assertThat;

import io.listeningpost.storage.Tables;
import io.listeningpost.testing.FileTrees;
import io.listeningpost.testing.SampleNightly;
import io.listeningpost.testing.ConsoleRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nightly job on data-samples, then {@code forget} of its most influential opinion maker (kim_sre, Mastodon
 * account 1001: posts, replies received, mentions in others' texts, shares, a segment's top voice, a community's
 * top member, a strategy answer, the report), then an ingest of the same sources. Every file the runs wrote,
 * every column of every table and every report, is searched for the author's id and names; every other row is
 * byte for byte what it was. A forget run again on the reports as they were before the first (as one cut short
 * after the tables would leave them) finishes them. Retention runs on a copy of the same nightly warehouse.
 */
@Tag("spark")
@Tag("nlp")
class ForgetTest {
  private static final String ID = "1001";
  private static final String HANDLE = "kim_sre";
  /** A JSON string literal; found one after the other from the start, they are exactly the row's strings. */
  private static final Pattern JSON_STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
  private static final Pattern POSITION = Pattern.compile("\"(?:source_)?position\":\"(?:[^\"\\\\]|\\\\.)*\"");
  /** The id as a word ("vmastodon:1001", "mastodon|1001", free text), not inside another id ("g-1001", "t3_1001"). */
  private static final Pattern ID_WORD = Pattern.compile("(?<![\\w-])" + ID + "(?![\\w-])");

  @TempDir
  static Path dir;

  static Path warehouse;
  static Path reports;
  static Map<String, List<String>> beforeForget;
  static Map<String, List<String>> afterForget;
  static Map<String, List<String>> afterIngest;
  static String[] forget;
  static String[] forgetAgain;
  static Path reportsKeptByACutShortForget;
  /** The nightly's warehouse and reports, copied before the forget, for retention. */
  static Path nightlyCopy;
  static String[] ingest;
  static final Map<String, Long> seconds = new TreeMap<>();

  private static String[] run(String command) {
    return run(command, reports);
  }

  private static String[] run(String command, Path reportsDir) {
    long t = System.nanoTime();
    String[] out = ConsoleRun.run(command.equals("forget")
        ? new String[] {"forget", "--author", ID, "--config", "jobs/nightly.conf", "--warehouse", warehouse.toString(),
            "--reports", reportsDir.toString()}
        // The post key index kept whatever the table's size: the ingest after the forget builds it from the posts left.
        : new String[] {command, "--config", "jobs/nightly.conf", "--warehouse", warehouse.toString(), "--reports",
            reportsDir.toString(), "--conf", "ingest.post-key-index-min-posts=0"});
    seconds.put(command + (seconds.containsKey(command) ? " again" : ""), (System.nanoTime() - t) / 1_000_000_000);
    assertThat(out[0]).as(out[1]).isEqualTo("0");
    return out;
  }

  private static Map<String, List<String>> snapshot() {
    return snapshot(warehouse);
  }

  /** Every row of every table as JSON (nested lists and structs included), read by a session of its own. */
  private static Map<String, List<String>> snapshot(Path warehouse) {
    SparkSession spark = SparkSessions.create("local[2]", 2, "forget-test-scan");
    try {
      Map<String, List<String>> rows = new TreeMap<>();
      for (String table : Tables.names()) {
        Path p = warehouse.resolve(table);
        if (Files.exists(p)) {
          Dataset<Row> t = spark.read().parquet(p.toString());
          rows.put(table, t.select(to_json(struct(col("*")))).as(Encoders.STRING()).collectAsList());
        }
      }
      return rows;
    } finally {
      spark.stop();
    }
  }

  @BeforeAll
  static void nightlyThenForgetThenIngestAgain() {
    warehouse = dir.resolve("warehouse");
    reports = dir.resolve("reports");
    reportsKeptByACutShortForget = dir.resolve("reports-before-forget");
    nightlyCopy = dir.resolve("nightly-copy");
    SampleNightly.copyTo(dir);
    beforeForget = snapshot();
    FileTrees.copy(reports, reportsKeptByACutShortForget);
    FileTrees.copy(warehouse, nightlyCopy.resolve("warehouse"));
    FileTrees.copy(reports, nightlyCopy.resolve("reports"));
    forget = run("forget");
    afterForget = snapshot();
    ingest = run("ingest");
    afterIngest = snapshot();
    // A forget cut short after the tables were clean, before the reports: the reports as they were before it.
    forgetAgain = run("forget", reportsKeptByACutShortForget);
    System.out.println("ForgetTest seconds per command: " + seconds);
  }

  /**
   * Whether a row, as JSON, holds the handle anywhere or the id as a word in any of its strings but the
   * positions in source files ("element 3 (line 1001)"), which are not about anybody.
   */
  private static boolean namesKim(String json) {
    if (json.toLowerCase(Locale.ROOT).contains(HANDLE)) {
      return true;
    }
    Matcher strings = JSON_STRING.matcher(POSITION.matcher(json).replaceAll(""));
    while (strings.find()) {
      if (ID_WORD.matcher(strings.group()).find()) {
        return true;
      }
    }
    return false;
  }

  private static boolean pageNamesKim(String text) {
    return text.toLowerCase(Locale.ROOT).contains(HANDLE) || ID_WORD.matcher(text).find();
  }

  @Test
  void theAuthorWasInManyTablesAndTheReport() throws IOException {
    Set<String> tables = new HashSet<>();
    beforeForget.forEach((t, rows) -> {
      if (rows.stream().anyMatch(ForgetTest::namesKim)) {
        tables.add(t);
      }
    });
    assertThat(tables).contains("posts", "authors", "interactions", "post_nlp", "influencers", "communities",
        "segments", "segment_members", "audience_presence", "strategy_answers");
    assertThat(afterForget.get("_erased")).isNotEmpty();
    assertThat(forget[1]).contains("reports rendered again from the cleaned tables");
  }

  @Test
  void noTableHoldsTheAuthorsIdOrNameAfterForgetNorAfterTheSourcesAreIngestedAgain() {
    for (Map<String, List<String>> state : List.of(afterForget, afterIngest)) {
      state.forEach((table, rows) -> assertThat(rows).as(table).noneMatch(ForgetTest::namesKim));
    }
  }

  @Test
  void noReportRunSummaryOrConsoleLineNamesTheAuthor() throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(reports)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    assertThat(files).anyMatch(f -> f.toString().endsWith("report.html"))
        .anyMatch(f -> f.toString().endsWith("summary.md")).anyMatch(f -> f.toString().endsWith(".txt"));
    for (Path f : files) {
      assertThat(pageNamesKim(Files.readString(f, StandardCharsets.UTF_8))).as(f.toString()).isFalse();
    }
    for (String[] console : List.of(forget, ingest, forgetAgain)) {
      assertThat(pageNamesKim(console[1])).as(console[1]).isFalse();
    }
  }

  @Test
  void forgetRunAgainAfterTheTablesWereCleanFinishesTheReports() throws IOException {
    assertThat(forgetAgain[1]).contains("from an earlier forget").contains("reports rendered again");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(reportsKeptByACutShortForget)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    assertThat(files).anyMatch(f -> f.toString().endsWith("report.html"));
    for (Path f : files) {
      assertThat(pageNamesKim(Files.readString(f, StandardCharsets.UTF_8))).as(f.toString()).isFalse();
    }
  }

  /**
   * Retention on the whole nightly's warehouse (every stage's tables, not ingest's alone): the partitions
   * before the cut go in every dated table and those after it are row for row as they were; the authors left
   * are those with a post left or a profile seen since the cut, with the posts' activity; every NLP cache entry
   * left is of a text a post left holds.
   */
  @Test
  void retentionOnTheNightlysWarehouseDropsOldPartitionsOfEveryTableAndWhatOnlyTheyKept() {
    Path wh = nightlyCopy.resolve("warehouse");
    String cut = "2026-10-30";
    String[] retain = ConsoleRun.run("retain", "--date", "2026-11-29", "--conf", "retention.days=30", "--config",
        "jobs/nightly.conf", "--warehouse", wh.toString(), "--reports", nightlyCopy.resolve("reports").toString());
    assertThat(retain[0]).as(retain[1]).isEqualTo("0");
    assertThat(retain[1]).contains("posts: ").contains("partitions dropped").doesNotContain("MISMATCH");
    Map<String, List<String>> after = snapshot(wh);
    Pattern dt = Pattern.compile("\"dt\":\"(\\d{4}-\\d{2}-\\d{2})\"");
    int partitioned = 0;
    for (String table : beforeForget.keySet()) {
      if (!Tables.isPartitioned(table)) {
        continue;
      }
      partitioned++;
      List<String> kept = new ArrayList<>();
      for (String j : beforeForget.get(table)) {
        Matcher m = dt.matcher(j);
        assertThat(m.find()).as(j).isTrue();
        if (m.group(1).compareTo(cut) >= 0) {
          kept.add(j);
        }
      }
      assertThat(after.getOrDefault(table, List.of()))
          .as("%s after retention: its rows of %s and later, as they were", table, cut)
          .containsExactlyInAnyOrderElementsOf(kept);
    }
    assertThat(partitioned).isGreaterThan(10);
    assertThat(after.get(Tables.POSTS)).hasSizeLessThan(beforeForget.get(Tables.POSTS).size());
    SparkSession spark = SparkSessions.create("local[2]", 2, "forget-test-retention");
    try {
      Dataset<Row> posts = spark.read().parquet(wh.resolve(Tables.POSTS).toString());
      Dataset<Row> activity = posts.filter(col("author_id").isNotNull()).groupBy("platform", "author_id").count();
      Dataset<Row> authors = spark.read().parquet(wh.resolve(Tables.AUTHORS).toString())
          .join(activity, io.listeningpost.storage.Warehouse.seq("platform", "author_id"), "left");
      assertThat(authors.filter("coalesce(`count`, 0) <> post_count").count()).as("authors' post counts").isZero();
      assertThat(authors.filter("`count` IS NULL AND (profile_observed_at IS NULL OR profile_observed_at < '" + cut
          + "')").count()).as("authors with no post left and no profile seen since the cut").isZero();
      assertThat(activity.join(authors, io.listeningpost.storage.Warehouse.seq("platform", "author_id"), "left_anti")
          .count()).as("authors of posts left, missing").isZero();
      spark.udf().register("text_hash", (org.apache.spark.sql.api.java.UDF2<String, String, String>) (title, text) ->
          io.listeningpost.enrich.TextHash.of(io.listeningpost.enrich.PostAnalyzer.fullText(title, text)),
          org.apache.spark.sql.types.DataTypes.StringType);
      Dataset<Row> held = posts.selectExpr("text_hash(title, text) AS text_hash");
      Dataset<Row> cache = spark.read().parquet(wh.resolve(Tables.NLP_CACHE).toString());
      assertThat(cache.count()).isPositive();
      assertThat(cache.join(held, io.listeningpost.storage.Warehouse.seq("text_hash"), "left_anti").count())
          .as("NLP cache entries of texts no post left holds").isZero();
    } finally {
      spark.stop();
    }
  }

  /** The posts forget removed: the author's own and shares of them, nothing else. */
  private static Set<String> removedPosts() {
    Set<String> after = new HashSet<>();
    afterForget.get("posts").forEach(j -> after.add(field(j, "post_id")));
    Set<String> kimsPosts = new HashSet<>();
    beforeForget.get("posts").stream().filter(j -> j.contains("\"author_id\":\"" + ID + "\""))
        .forEach(j -> kimsPosts.add(field(j, "post_id")));
    Set<String> sharesOfKim = new HashSet<>();
    for (String j : beforeForget.get("interactions")) {
      if (j.contains("\"kind\":\"share\"") && (j.contains("\"dst_author\":\"" + ID + "\"")
          || kimsPosts.contains(field(j, "dst_post_id")))) {
        sharesOfKim.add(field(j, "post_id"));
      }
    }
    Set<String> removed = new HashSet<>();
    for (String j : beforeForget.get("posts")) {
      String id = field(j, "post_id");
      if (!after.contains(id)) {
        assertThat(kimsPosts.contains(id) || j.contains("\"kind\":\"share\"") && sharesOfKim.contains(id)).as(j)
            .isTrue();
        removed.add(id);
      }
    }
    return removed;
  }

  private static String field(String json, String name) {
    int at = json.indexOf("\"" + name + "\":\"");
    return at < 0 ? null : json.substring(at + name.length() + 4, json.indexOf('"', at + name.length() + 4));
  }

  @Test
  void everyOtherRowIsUntouchedAndTheCountsSayWhatWent() {
    Set<String> removedPosts = removedPosts();
    assertThat(removedPosts).hasSizeGreaterThan(10);
    String forgetRun = forget[1].replaceAll("(?s).*run (\\S+-forget-\\S+),.*", "$1");
    Set<String> sharers = new HashSet<>();
    Set<String> kimTexts = new HashSet<>();
    Map<String, String> postJson = new HashMap<>();
    beforeForget.get("posts").forEach(j -> postJson.put(field(j, "post_id"), j));
    for (String j : beforeForget.get("post_nlp")) {
      String post = postJson.get(field(j, "post_id"));
      if (removedPosts.contains(field(j, "post_id")) || post != null && namesKim(post)) {
        kimTexts.add(field(j, "text_hash"));
      }
    }
    removedPosts.forEach(p -> sharers.add(field(postJson.get(p), "author_id")));
    Function<String, Boolean> involvesKim = j -> namesKim(j)
        || removedPosts.stream().anyMatch(p -> j.contains("\"" + p + "\""));
    for (String table : beforeForget.keySet()) {
      List<String> gone = new ArrayList<>(beforeForget.get(table));
      afterForget.get(table).forEach(gone::remove);
      List<String> added = new ArrayList<>(afterForget.get(table));
      beforeForget.get(table).forEach(added::remove);
      // The report stage answered the strategy questions again from the cleaned tables: every row is new.
      if (table.equals(Tables.STRATEGY_ANSWERS)) {
        assertThat(afterForget.get(table)).allMatch(j -> forgetRun.equals(field(j, "run_id")));
        continue;
      }
      for (String j : gone) {
        boolean explained = involvesKim.apply(j)
            || table.equals("nlp_cache") && kimTexts.contains(field(j, "text_hash"))
            || table.equals("authors") && sharers.contains(field(j, "author_id"));
        assertThat(explained).as(table + " lost or changed a row that does not involve the author: " + j).isTrue();
      }
      // Rewritten rows are new versions of this run: nothing else was written.
      assertThat(added).as(table).allMatch(j -> forgetRun.equals(field(j, "run_id")));
      long removed = gone.size() - added.size();
      if (!table.equals(Tables.RUNS)) {
        assertThat(forget[1]).as(table).containsPattern("(?m)^  " + table + " +[0-9,]+ +[0-9,]+ +0 +0 +"
            + String.format(Locale.ROOT, "%,d", removed) + " ok$");
      }
    }
  }

  @Test
  void theSourcesIngestedAgainBringNothingBackAndTheCountsReconcile() {
    for (String table : List.of("posts", "interactions", "authors", "post_nlp", "influencers")) {
      assertThat(afterIngest.get(table)).as(table).containsExactlyInAnyOrderElementsOf(afterForget.get(table));
    }
    assertThat(ingest[1]).contains("author erased (forget)").contains("share of an erased author's post (forget)")
        .doesNotContain("MISMATCH");
    assertThat(ingest[1]).containsPattern("(?m)^  posts +[0-9,]+ +0 +[0-9,]+ +[0-9,]+ ok$");
    assertThat(afterIngest.get("quarantine")).allMatch(j -> !j.contains("erased") || !j.contains("\"excerpt\""));
  }
}
