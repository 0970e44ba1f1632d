package io.listeningpost.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.listeningpost.testing.ConsoleRun;
import io.listeningpost.testing.ParquetFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.NanoTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The status command on a small warehouse written with parquet-hadoop: three runs whose _runs files are of
 * an older layout (no message, INT96 times), the current one and a newer one (extra columns, a PARTIAL
 * status), two alerts partitions, a partitioned table, reports and run summaries.
 */
class StatusCommandTest {
  private static final String CODE = "0.1.0+abc1234";
  private static final String OLD_RUN = "20261127T010000Z-ingest-aaaa";
  private static final String FAILED_RUN = "20261128T010000Z-nightly-bbbb";
  private static final String NEW_RUN = "20261129T010000Z-nightly-cccc";

  private static final String COUNTS = """
        optional group table_counts (LIST) {
          repeated group list {
            optional group element {
              optional binary table_name (STRING);
              optional int64 rows_read;
              optional int64 rows_written;
              optional int64 rows_deduplicated;
              optional int64 rows_quarantined;
            }
          }
        }
      """;
  private static final String RUNS_HEAD = """
        optional binary run_id (STRING);
        optional binary job (STRING);
        optional int32 run_date (DATE);
        optional binary status (STRING);
      """;
  private static final String RUNS_OLD = "message spark_schema {" + RUNS_HEAD + """
        optional int96 started_at;
        optional int64 duration_ms;
      """ + COUNTS + "}";
  private static final String RUNS_CURRENT = "message spark_schema {" + RUNS_HEAD + """
        optional int64 started_at (TIMESTAMP(MICROS,true));
        optional int64 duration_ms;
      """ + COUNTS + """
        optional binary message (STRING);
      }""";
  private static final String RUNS_NEWER = "message spark_schema {" + RUNS_HEAD + """
        optional int64 started_at (TIMESTAMP(MICROS,true));
        optional int64 duration_ms;
      """ + COUNTS + """
        optional binary message (STRING);
        optional group stages (LIST) {
          repeated group list {
            optional group element {
              optional binary stage (STRING);
              optional binary status (STRING);
            }
          }
        }
        optional binary input_fingerprint (STRING);
      }""";
  private static final String ALERTS = """
      message spark_schema {
        optional binary alert_id (STRING);
        optional binary kind (STRING);
        optional binary watched_term (STRING);
        optional binary community (STRING);
        optional binary platform (STRING);
        optional binary severity (STRING);
        optional double score;
        optional binary reason (STRING);
        optional binary evidence_url (STRING);
        optional binary author_role (STRING);
        optional int64 replies;
        optional int64 quotes;
        optional int64 shares;
        optional binary next_step (STRING);
        optional binary run_id (STRING);
      }""";
  private static final String POSTS = """
      message spark_schema {
        optional binary post_id (STRING);
        optional binary run_id (STRING);
      }""";

  @TempDir
  Path dir;
  Path warehouse;
  Path reports;

  @BeforeEach
  void smallWarehouse() throws IOException {
    warehouse = dir.resolve("warehouse");
    reports = dir.resolve("reports");
    ParquetFixtures.write(warehouse.resolve("_runs/part-00000-a.snappy.parquet"), RUNS_OLD, footer("_runs", OLD_RUN),
        f -> List.of(run(f.newGroup(), OLD_RUN, "ingest", "SUCCEEDED", 42_000, "posts", 10, 7, 2, 1)
            .append("started_at", int96(Instant.parse("2026-11-27T01:00:00Z")))));
    ParquetFixtures.write(warehouse.resolve("_runs/part-00000-b.snappy.parquet"), RUNS_CURRENT,
        footer("_runs", FAILED_RUN),
        f -> List.of(run(f.newGroup(), FAILED_RUN, "nightly", "FAILED", 95_000, "posts", 4, 4, 0, 0)
            .append("started_at", micros(Instant.parse("2026-11-28T01:00:00Z")))
            .append("message", "The run failed: disk full")));
    ParquetFixtures.write(warehouse.resolve("_runs/part-00000-c.snappy.parquet"), RUNS_NEWER, footer("_runs", NEW_RUN),
        f -> {
          Group g = run(f.newGroup(), NEW_RUN, "nightly", "PARTIAL", 3_725_000, "posts", 6, 5, 1, 0)
              .append("started_at", micros(Instant.parse("2026-11-29T01:00:00Z")))
              .append("input_fingerprint", "f00d");
          counts(g.getGroup("table_counts", 0), "alerts", 3, 3, 0, 0);
          g.addGroup("stages").addGroup("list").addGroup("element").append("stage", "graph").append("status", "FAILED");
          return List.of(g);
        });
    ParquetFixtures.write(warehouse.resolve("alerts/dt=2026-11-28/part-00000.snappy.parquet"), ALERTS,
        footer("alerts", FAILED_RUN),
        f -> List.of(alert(f.newGroup(), "high", "an alert of the day before", "https://example.org/old", 0)));
    ParquetFixtures.write(warehouse.resolve("alerts/dt=2026-11-29/part-00000.snappy.parquet"), ALERTS,
        footer("alerts", NEW_RUN),
        f -> List.of(alert(f.newGroup(), "high", "unmet: ghosted after the final interview", "https://x.com/a/1", 12)
                .append("author_role", "critic"),
            alert(f.newGroup(), "medium", "unmet: no feedback", "https://reddit.com/r/jobs/2", 1),
            alert(f.newGroup(), "low", "unmet: slow reply", "https://example.org/3", 0)));
    ParquetFixtures.write(warehouse.resolve("posts/dt=2026-11-28/part-00000.snappy.parquet"), POSTS,
        footer("posts", FAILED_RUN), f -> posts(f.newGroup(), 2, FAILED_RUN, f::newGroup));
    ParquetFixtures.write(warehouse.resolve("posts/dt=2026-11-29/part-00000.snappy.parquet"), POSTS,
        footer("posts", NEW_RUN), f -> posts(f.newGroup(), 3, NEW_RUN, f::newGroup));
    Files.createDirectories(warehouse.resolve("_commits"));
    Files.createDirectories(warehouse.resolve("_staging"));
    Files.createDirectories(reports.resolve("2026-11-28"));
    Files.writeString(reports.resolve("2026-11-28/report.html"), "<html></html>");
    Files.createDirectories(reports.resolve("2026-11-29"));
    Files.createDirectories(reports.resolve("runs"));
    Files.writeString(reports.resolve("runs/" + NEW_RUN + ".txt"), "summary");
  }

  @Test
  void showsTheRunsNewestFirstTheOpenAlertsTheReportAndEachTablesVersions() {
    String[] r = status();
    assertThat(r[0]).isEqualTo("0");
    String out = r[1];
    assertThat(out).contains("Runs: 3 recorded; the last 3, newest first");
    assertThat(out.indexOf(NEW_RUN)).isLessThan(out.indexOf(FAILED_RUN));
    assertThat(out.indexOf(FAILED_RUN)).isLessThan(out.indexOf(OLD_RUN));
    assertThat(lineWith(out, NEW_RUN + " ")).contains("nightly", "2026-11-29", "PARTIAL", "1 h 02 m");
    assertThat(lineWith(out, OLD_RUN)).contains("ingest", "2026-11-27", "SUCCEEDED", "42.0 s");
    assertThat(out).contains("The run failed: disk full");
    assertThat(out).contains("Counts of the latest run " + NEW_RUN);
    assertThat(out).containsPattern("\n  posts +6 +5 +1 +0\n").containsPattern("\n  alerts +3 +3 +0 +0\n");

    assertThat(out).contains("Open alerts of dt=2026-11-29: 3 (1 high, 1 medium, 1 low)");
    assertThat(lineWith(out, "high    candidate experience")).contains("Acme Corp", "r/jobs (reddit)",
        "picked up 12 times", "author: critic");
    assertThat(out).contains("unmet: ghosted after the final interview", "https://x.com/a/1", "https://example.org/3");
    assertThat(out).doesNotContain("an alert of the day before");

    assertThat(out).contains("Latest report:       " + reports.resolve("2026-11-28/report.html"));
    assertThat(out).contains("Latest run summary:  " + reports.resolve("runs/" + NEW_RUN + ".txt"));

    assertThat(out).containsPattern("\n  posts +2 +2 +5 +" + NEW_RUN + " +2 +" + CODE.replace("+", "\\+") + "\n");
    assertThat(out).containsPattern("\n  _runs +- +3 +3 +" + NEW_RUN + " ");
    assertThat(out).contains("Publishes: none left half done.");
  }

  @Test
  void runsLimitsTheRunsShownAndReadsOnlyTheirFiles() throws IOException {
    // The oldest run's rows are damaged and its footer is whole: read only when that run is asked for.
    Path oldest = warehouse.resolve("_runs/part-00000-a.snappy.parquet");
    byte[] bytes = Files.readAllBytes(oldest);
    java.util.Arrays.fill(bytes, 4, 24, (byte) 0xFF);
    Files.write(oldest, bytes);
    String[] two = status("--runs", "2");
    assertThat(two[0]).isEqualTo("0");
    assertThat(two[1]).contains("Runs: 3 recorded; the last 2, newest first").contains(NEW_RUN, FAILED_RUN)
        .doesNotContain(OLD_RUN).doesNotContain("unreadable");
    String[] three = status("--runs", "3");
    assertThat(three[0]).isEqualTo("0");
    assertThat(lineWith(three[1], "unreadable:")).contains("part-00000-a.snappy.parquet");
  }

  @Test
  void jsonKeepsEveryColumnOfOldAndNewRunFiles() throws IOException {
    String[] r = status("--format", "json");
    assertThat(r[0]).isEqualTo("0");
    JsonNode status = new ObjectMapper().readTree(r[1]);
    assertThat(status.get("state").asText()).isEqualTo("warehouse");
    assertThat(status.get("runs_recorded").asLong()).isEqualTo(3);
    JsonNode runs = status.get("runs");
    assertThat(runs).hasSize(3);
    assertThat(runs.get(0).get("status").asText()).isEqualTo("PARTIAL");
    assertThat(runs.get(0).get("input_fingerprint").asText()).isEqualTo("f00d");
    assertThat(runs.get(0).get("stages").get(0).get("status").asText()).isEqualTo("FAILED");
    assertThat(runs.get(0).get("table_counts").get(1).get("table_name").asText()).isEqualTo("alerts");
    assertThat(runs.get(1).get("message").asText()).isEqualTo("The run failed: disk full");
    assertThat(runs.get(2).has("message")).isFalse();
    assertThat(runs.get(2).get("started_at").asText()).isEqualTo("2026-11-27T01:00:00Z");
    assertThat(runs.get(2).get("run_date").asText()).isEqualTo("2026-11-27");
    JsonNode alerts = status.get("alerts");
    assertThat(alerts.get("partition").asText()).isEqualTo("dt=2026-11-29");
    assertThat(alerts.get("by_severity").toString()).isEqualTo("{\"high\":1,\"medium\":1,\"low\":1}");
    assertThat(alerts.get("alerts").get(1).get("evidence_url").asText()).isEqualTo("https://reddit.com/r/jobs/2");
    assertThat(status.get("latest_report").asText()).endsWith("2026-11-28/report.html");
    JsonNode posts = table(status, "posts");
    assertThat(posts.get("partitions").asInt()).isEqualTo(2);
    assertThat(posts.get("rows").asLong()).isEqualTo(5);
    assertThat(posts.get("newest_run_id").asText()).isEqualTo(NEW_RUN);
    assertThat(posts.get("schema_version").asText()).isEqualTo("2");
    assertThat(posts.get("code_version").asText()).isEqualTo(CODE);
    assertThat(status.get("unfinished_publishes")).isEmpty();
  }

  @Test
  void aPublishLeftHalfDoneIsShownWithTheAdviceToRepair() throws IOException {
    Files.writeString(warehouse.resolve("_commits/" + NEW_RUN + ".posts"), "listening-post publish v1\n");
    Files.createDirectories(warehouse.resolve("_staging/" + NEW_RUN + "/posts"));
    String[] r = status();
    assertThat(r[0]).isEqualTo("0");
    assertThat(r[1]).contains("Publishes left half done", "_commits/" + NEW_RUN + ".posts", "_staging/" + NEW_RUN,
        "jobs/listening-post repair --warehouse " + warehouse);
  }

  @Test
  void aDamagedFileIsNamedAndTheRestIsShown() throws IOException {
    Files.writeString(warehouse.resolve("posts/dt=2026-11-29/part-00001.snappy.parquet"), "PAR1 cut short");
    String[] r = status();
    assertThat(r[0]).isEqualTo("0");
    assertThat(r[1]).containsPattern("\n  posts +2 +3 +5 +" + NEW_RUN + " ");
    assertThat(lineWith(r[1], "unreadable:")).contains("part-00001.snappy.parquet");
  }

  @Test
  void aWarehouseNoRunHasWrittenYetSaysNoRunsYet() throws IOException {
    String[] missing = ConsoleRun.run("status", "--warehouse", dir.resolve("nothing").toString(), "--reports",
        reports.toString());
    assertThat(missing[0]).isEqualTo("0");
    assertThat(missing[1]).contains("no runs yet (the folder does not exist)");
    Files.createDirectories(dir.resolve("empty"));
    String[] empty = ConsoleRun.run("status", "--warehouse", dir.resolve("empty").toString(), "--reports",
        reports.toString(), "--format", "json");
    assertThat(empty[0]).isEqualTo("0");
    assertThat(new ObjectMapper().readTree(empty[1]).get("state").asText()).isEqualTo("empty");
  }

  @Test
  void aFolderThatIsNotAWarehouseIsSaidSo() throws IOException {
    Path other = dir.resolve("other");
    Files.createDirectories(other);
    Files.writeString(other.resolve("notes.txt"), "hello");
    ParquetFixtures.write(other.resolve("export/part-0.parquet"), POSTS, Map.of(),
        f -> posts(f.newGroup(), 1, "x", f::newGroup));
    String[] r = ConsoleRun.run("status", "--warehouse", other.toString(), "--reports", reports.toString());
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[1]).contains(other + " is not a Listening Post warehouse");
  }

  @Test
  void aJobFileWithoutSourcesGivesTheFoldersRelativeToItself() throws IOException {
    Path job = dir.resolve("job.conf");
    Files.writeString(job, "warehouse = \"warehouse\"\nreports = \"reports\"\n");
    String[] r = ConsoleRun.run("status", "--config", job.toString());
    assertThat(r[0]).isEqualTo("0");
    assertThat(r[1]).contains("Warehouse " + warehouse, "Runs: 3 recorded");
    assertThat(ConsoleRun.run("status", "--config", dir.resolve("none.conf").toString())[0]).isEqualTo("2");
    assertThat(status("--format", "yaml")[0]).isEqualTo("2");
    assertThat(status("--runs", "0")[0]).isEqualTo("2");
  }

  @Test
  void loadsNoSparkClass() throws Exception {
    Path classes = dir.resolve("classes.log");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xlog:class+load=info:file=" + classes, "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "status", "--warehouse", warehouse.toString(), "--reports", reports.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(dir.resolve("out.txt"))).isZero();
    List<String> loaded = Files.readAllLines(classes, StandardCharsets.UTF_8);
    assertThat(loaded).anyMatch(l -> l.contains("io.listeningpost.storage.WarehouseSnapshot "));
    assertThat(loaded).noneMatch(l -> l.contains(" org.apache.spark.") || l.contains(" scala."));
  }

  private String[] status(String... more) {
    List<String> args = new ArrayList<>(List.of("status", "--warehouse", warehouse.toString(), "--reports",
        reports.toString()));
    args.addAll(List.of(more));
    return ConsoleRun.run(args.toArray(new String[0]));
  }

  private static JsonNode table(JsonNode status, String name) {
    for (JsonNode t : status.get("tables")) {
      if (t.get("table").asText().equals(name)) {
        return t;
      }
    }
    throw new AssertionError("no table " + name + " in " + status.get("tables"));
  }

  private static String lineWith(String text, String part) {
    return text.lines().filter(l -> l.contains(part)).findFirst()
        .orElseThrow(() -> new AssertionError("no line with '" + part + "' in:\n" + text));
  }

  private static Map<String, String> footer(String table, String runId) {
    return Map.of("listening_post.table", table, "listening_post.schema_version", "2",
        "listening_post.run_id", runId, "listening_post.code_version", CODE);
  }

  private static Group run(Group g, String runId, String job, String status, long millis, String table, long read,
      long written, long deduplicated, long quarantined) {
    String day = runId.substring(0, 4) + "-" + runId.substring(4, 6) + "-" + runId.substring(6, 8);
    g.append("run_id", runId).append("job", job).append("run_date", (int) LocalDate.parse(day).toEpochDay())
        .append("status", status).append("duration_ms", millis);
    counts(g.addGroup("table_counts"), table, read, written, deduplicated, quarantined);
    return g;
  }

  private static void counts(Group list, String table, long read, long written, long deduplicated, long quarantined) {
    list.addGroup("list").addGroup("element").append("table_name", table).append("rows_read", read)
        .append("rows_written", written).append("rows_deduplicated", deduplicated)
        .append("rows_quarantined", quarantined);
  }

  private static Group alert(Group g, String severity, String reason, String url, long replies) {
    return g.append("alert_id", Integer.toHexString(url.hashCode())).append("kind", "candidate experience")
        .append("watched_term", "Acme Corp").append("community", "r/jobs").append("platform", "reddit")
        .append("severity", severity).append("score", 0.9).append("reason", reason).append("evidence_url", url)
        .append("replies", replies).append("quotes", 0L).append("shares", 0L)
        .append("next_step", "Reply publicly today.").append("run_id", NEW_RUN);
  }

  private static List<Group> posts(Group first, int n, String runId, java.util.function.Supplier<Group> more) {
    List<Group> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add((i == 0 ? first : more.get()).append("post_id", runId + "-" + i).append("run_id", runId));
    }
    return rows;
  }

  private static long micros(Instant t) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, t);
  }

  private static NanoTime int96(Instant t) {
    long day = t.getEpochSecond() / 86_400;
    long nanos = (t.getEpochSecond() % 86_400) * 1_000_000_000L + t.getNano();
    return new NanoTime((int) (day + 2_440_588), nanos);
  }
}
