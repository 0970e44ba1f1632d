package io.listeningpost.run;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.assertj.core.api.Assertions.assertThat;

import io.listeningpost.storage.Tables;
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
 * byte for byte what it was.
 */
@Tag("spark")
@Tag("nlp")
class ForgetTest {
  private static final String ID = "1001";
  private static final String HANDLE = "kim_sre";
  /** The id as a table value: a whole JSON string, or the end of a graph node id ("mastodon|1001"). */
  private static final Pattern ID_VALUE = Pattern.compile("\"" + ID + "\"|[|:]" + ID + "\"");
  /** The id as a word in a page ("vmastodon:1001"), not inside another id ("g-1001"). */
  private static final Pattern ID_WORD = Pattern.compile("(?<![\\w-])" + ID + "(?![\\w-])");

  @TempDir
  static Path dir;

  static Path warehouse;
  static Path reports;
  static Map<String, List<String>> beforeForget;
  static Map<String, List<String>> afterForget;
  static Map<String, List<String>> afterIngest;
  static String[] forget;
  static String[] ingest;
  static final Map<String, Long> seconds = new TreeMap<>();

  private static String[] run(String command) {
    long t = System.nanoTime();
    String[] out = ConsoleRun.run(command.equals("forget")
        ? new String[] {"forget", "--author", ID, "--config", "jobs/nightly.conf", "--warehouse", warehouse.toString(),
            "--reports", reports.toString()}
        : new String[] {command, "--config", "jobs/nightly.conf", "--warehouse", warehouse.toString(), "--reports",
            reports.toString()});
    seconds.put(command + (seconds.containsKey(command) ? " again" : ""), (System.nanoTime() - t) / 1_000_000_000);
    assertThat(out[0]).as(out[1]).isEqualTo("0");
    return out;
  }

  /** Every row of every table as JSON (nested lists and structs included), read by a session of its own. */
  private static Map<String, List<String>> snapshot() {
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
    run("nightly");
    beforeForget = snapshot();
    forget = run("forget");
    afterForget = snapshot();
    ingest = run("ingest");
    afterIngest = snapshot();
    System.out.println("ForgetTest seconds per command: " + seconds);
  }

  private static boolean namesKim(String json) {
    return json.toLowerCase(Locale.ROOT).contains(HANDLE) || ID_VALUE.matcher(json).find();
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
    assertThat(forget[1].toLowerCase(Locale.ROOT)).doesNotContain(HANDLE);
    assertThat(ingest[1].toLowerCase(Locale.ROOT)).doesNotContain(HANDLE);
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
