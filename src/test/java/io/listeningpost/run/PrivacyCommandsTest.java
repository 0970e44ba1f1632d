package io.listeningpost.run;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.assertj.core.api.Assertions.assertThat;

import io.listeningpost.storage.Tables;
import io.listeningpost.storage.Warehouse;
import io.listeningpost.testing.ConsoleRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code forget} and {@code retain} on an ingest of the per-format samples, through the command line: a Twitter
 * author whose post another author replies to by handle and retweets, erased and ingested again; and retention
 * of the samples' last days. (ForgetTest does the same on the whole nightly job, reports included.)
 */
@Tag("spark")
class PrivacyCommandsTest {
  private static final List<String> SAMPLES = List.of("--source", "stackexchange=data-samples/stackexchange",
      "--source", "reddit=data-samples/reddit", "--source", "twitter=data-samples/twitter", "--source",
      "mastodon=data-samples/mastodon", "--source", "feed=data-samples/feed", "--source", "csv=data-samples/csv",
      "--source", "json=data-samples/json");

  @TempDir
  Path dir;

  /**
   * nightly.conf with its paths made absolute and a line added, so that the copy runs from the temporary folder.
   * The per-format samples quarantine more than the default share of their posts (their malformed records), so
   * the job allows it, and ingest succeeds rather than ending PARTIAL.
   */
  private Path config(String extra) throws IOException {
    String nightly = Files.readString(Path.of("jobs/nightly.conf"))
        .replace("\"../", "\"" + Path.of("").toAbsolutePath() + "/");
    return Files.writeString(dir.resolve("job.conf"), nightly + "\nrun.max-quarantine-share = 0.5\n" + extra + "\n");
  }

  private String[] run(Path conf, String command, String... more) {
    List<String> args = new ArrayList<>(List.of(command, "--config", conf.toString(), "--warehouse",
        dir.resolve("warehouse").toString(), "--reports", dir.resolve("reports").toString()));
    args.addAll(List.of(more));
    if (command.equals("ingest")) {
      args.addAll(SAMPLES);
    }
    String[] out = ConsoleRun.run(args.toArray(new String[0]));
    assertThat(out[0]).as(out[1]).isEqualTo("0");
    return out;
  }

  private <T> T withSpark(Function<SparkSession, T> work) {
    SparkSession spark = SparkSessions.create("local[2]", 2, "privacy-commands-test");
    try {
      return work.apply(spark);
    } finally {
      spark.stop();
    }
  }

  private Dataset<Row> table(SparkSession spark, String name) {
    return spark.read().schema(Tables.schemaOf(name)).parquet(dir.resolve("warehouse").resolve(name).toString());
  }

  private Map<String, List<String>> rows(String... tables) {
    return withSpark(spark -> {
      Map<String, List<String>> out = new TreeMap<>();
      for (String t : tables) {
        out.put(t, table(spark, t).select(to_json(struct(col("*")))).as(Encoders.STRING()).collectAsList());
      }
      return out;
    });
  }

  @Test
  void forgetTakesTheAuthorOutOfEveryTableAndAnIngestOfTheSameSourcesDoesNotBringThemBack() throws IOException {
    Path conf = config("");
    run(conf, "ingest");
    Map<String, List<String>> before = rows("posts", "authors", "interactions");
    assertThat(String.join("\n", before.get("posts"))).contains("jdoe_codes").contains("RT @jdoe_codes");

    String[] forget = run(conf, "forget", "--author", "501");
    Map<String, List<String>> after = rows("posts", "authors", "interactions", "quarantine", "_erased");
    after.forEach((t, rows) -> assertThat(rows).as(t).noneMatch(j -> j.toLowerCase(Locale.ROOT).contains("jdoe_codes")
        || j.contains("\"501\"")));
    // The author's post and the retweet of it went; the reply that named them stays, without their handle.
    assertThat(before.get("posts").size() - after.get("posts").size()).isEqualTo(2);
    assertThat(after.get("posts")).anyMatch(j -> j.contains("\"author_id\":\"900\"") && j.contains("@[erased]"));
    assertThat(forget[1]).containsPattern("(?m)^  posts +[0-9,]+ +[0-9,]+ +0 +0 +2 ok$")
        .containsPattern("(?m)^  authors +[0-9,]+ +[0-9,]+ +0 +0 +1 ok$").doesNotContain("jdoe_codes");
    assertThat(Files.list(dir.resolve("reports").resolve("runs")).toList()).allSatisfy(f ->
        assertThat(Files.readString(f)).doesNotContain("jdoe_codes"));
    List<Row> runs = withSpark(spark -> table(spark, Tables.RUNS).filter(col("job").equalTo("forget"))
        .selectExpr("status", "aggregate(table_counts, 0L, (a, c) -> a + c.rows_removed)", "to_json(struct(*))")
        .collectAsList());
    assertThat(runs).hasSize(1);
    assertThat(runs.get(0).getString(0)).isEqualTo("SUCCEEDED");
    assertThat(runs.get(0).getLong(1)).isGreaterThanOrEqualTo(4);
    assertThat(runs.get(0).getString(2)).doesNotContain("jdoe_codes").doesNotContain("\"501\"");

    String[] again = run(conf, "ingest");
    Map<String, List<String>> reingested = rows("posts", "authors", "interactions");
    for (String t : List.of("posts", "authors", "interactions")) {
      assertThat(reingested.get(t)).as(t).containsExactlyInAnyOrderElementsOf(after.get(t));
    }
    assertThat(again[1]).contains("author erased (forget)").contains("share of an erased author's post (forget)")
        .containsPattern("(?m)^  posts +[0-9,]+ +0 +[0-9,]+ +[0-9,]+ ok$").doesNotContain("MISMATCH");
  }

  @Test
  void underPseudonymisationTheRawIdFindsThePseudonymAndTheRegisterIsKeyedWithTheKey() throws IOException {
    Path keyFile = Files.writeString(dir.resolve("pseudonym.key"), "k3y-for-the-privacy-commands-test-51c2\n");
    Path keyed = config("privacy { pseudonymise = true, key-file = \"" + keyFile + "\" }");
    run(keyed, "ingest");
    long before = rows("posts").get("posts").size();
    String[] forget = run(keyed, "forget", "--author", "501");
    assertThat(forget[1]).containsPattern("(?m)^  posts +[0-9,]+ +[0-9,]+ +0 +0 +2 ok$");
    Map<String, List<String>> after = rows("posts", Tables.ERASED);
    assertThat(before - after.get("posts").size()).isEqualTo(2);
    assertThat(after.get(Tables.ERASED)).isNotEmpty()
        .allMatch(j -> j.contains("\"keyed_by\":\"pseudonym key\"") && !j.contains("\"salt\""));
    run(keyed, "ingest");
    assertThat(rows("posts").get("posts")).containsExactlyInAnyOrderElementsOf(after.get("posts"));
    // The register is keyed with the pseudonym key: an ingest without it cannot check it, and says so.
    String[] plain = ConsoleRun.run("ingest", "--config", config("").toString(), "--warehouse",
        dir.resolve("warehouse").toString(), "--reports", dir.resolve("reports").toString(), SAMPLES.get(0),
        SAMPLES.get(1));
    assertThat(plain[0]).isEqualTo("1");
    assertThat(plain[1]).contains("keyed with the pseudonym key");
  }

  @Test
  void forgetOfAnIdTheWarehouseDoesNotHoldChangesNothingUnlessAPlatformIsGiven() throws IOException {
    Path conf = config("");
    run(conf, "ingest");
    String[] unknown = ConsoleRun.run("forget", "--author", "no-such-author", "--config", conf.toString(),
        "--warehouse", dir.resolve("warehouse").toString(), "--reports", dir.resolve("reports").toString());
    assertThat(unknown[0]).isEqualTo("1");
    assertThat(unknown[1]).contains("nothing was erased").doesNotContain("no-such-author");
    assertThat(dir.resolve("warehouse").resolve(Tables.ERASED)).doesNotExist();
    String[] recorded = run(conf, "forget", "--author", "no-such-author", "--platform", "reddit");
    assertThat(recorded[1]).contains("the author is not in the warehouse");
    assertThat(rows(Tables.ERASED).get(Tables.ERASED)).isNotEmpty().noneMatch(j -> j.contains("no-such-author"));
  }

  @Test
  void retentionDropsOldPartitionsAndWhatOnlyTheyKeptAndASecondRunDropsNothing() throws IOException {
    Path conf = config("");
    run(conf, "ingest");
    List<Date> days = withSpark(spark -> table(spark, Tables.POSTS).select("dt").distinct().orderBy("dt")
        .as(Encoders.DATE()).collectAsList());
    assertThat(days).hasSizeGreaterThan(3);
    LocalDate runDate = days.get(days.size() - 1).toLocalDate();
    LocalDate firstKept = days.get(days.size() - 3).toLocalDate();
    long keep = ChronoUnit.DAYS.between(firstKept, runDate);
    Path retaining = config("retention.days = " + keep);
    Files.createDirectories(dir.resolve("reports").resolve(firstKept.minusDays(1).toString()));
    Files.writeString(dir.resolve("reports").resolve(firstKept.minusDays(1).toString()).resolve("report.html"), "old");
    Files.createDirectories(dir.resolve("reports").resolve(firstKept.toString()));
    Files.writeString(dir.resolve("reports").resolve(firstKept.toString()).resolve("report.html"), "kept");

    String[] retain = run(retaining, "retain", "--date", runDate.toString());
    assertThat(retain[1]).contains("posts: ").contains("partitions dropped").doesNotContain("MISMATCH");
    withSpark(spark -> {
      for (String t : Tables.names()) {
        if (Tables.isPartitioned(t) && Files.exists(dir.resolve("warehouse").resolve(t))) {
          assertThat(table(spark, t).filter(col("dt").lt(Date.valueOf(firstKept))).count()).as(t).isZero();
        }
      }
      // Every author left has a post left or a profile seen since the cut, and their activity is the posts'.
      Dataset<Row> activity = table(spark, Tables.POSTS).filter(col("author_id").isNotNull())
          .groupBy("platform", "author_id").count();
      Dataset<Row> authors = table(spark, Tables.AUTHORS).join(activity, Warehouse.seq("platform", "author_id"), "left");
      assertThat(authors.filter("coalesce(`count`, 0) <> post_count").count()).isZero();
      assertThat(authors.filter("`count` IS NULL AND (profile_observed_at IS NULL OR profile_observed_at < '"
          + firstKept + "')").count()).isZero();
      return null;
    });
    assertThat(dir.resolve("reports").resolve(firstKept.minusDays(1).toString())).doesNotExist();
    assertThat(dir.resolve("reports").resolve(firstKept.toString()).resolve("report.html")).exists();

    String[] second = run(retaining, "retain", "--date", runDate.toString());
    assertThat(second[1]).contains("nothing dropped");
    List<Row> runs = withSpark(spark -> table(spark, Tables.RUNS).filter(col("job").equalTo("retain"))
        .orderBy("started_at").selectExpr("aggregate(table_counts, 0L, (a, c) -> a + c.rows_removed)").collectAsList());
    assertThat(runs).hasSize(2);
    assertThat(runs.get(0).getLong(0)).isPositive();
    assertThat(runs.get(1).getLong(0)).isZero();
  }
}
