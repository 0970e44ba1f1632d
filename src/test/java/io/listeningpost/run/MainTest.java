package io.listeningpost.run;

import io.listeningpost.testing.ConsoleRun;
import static io.listeningpost.testing.ParquetFiles.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.listeningpost.enrich.sentiment.PostSentimentScorer;
import io.listeningpost.enrich.sentiment.SocialSentimentModel;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import org.junit.jupiter.api.io.TempDir;

/** The command line refuses bad input before Spark starts; these tests never start Spark. */
class MainTest {

  private static String[] run(String... args) {
    return ConsoleRun.run(args);
  }

  @Test
  void aWrongConfigValueStopsTheJobWithExitCode2(@TempDir Path dir) throws Exception {
    Path conf = Files.writeString(dir.resolve("bad.conf"), "ingest.max-text-chars = 12\nsources = []\n");
    String[] r = run("ingest", "--config", conf.toString());
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[1]).contains("ingest.max-text-chars = 12: must be between").contains("at least one source");
  }

  @Test
  void badCommandLineValuesStopTheJobWithExitCode2AndAreNamed() {
    String[] r = run("ingest", "--date", "21/11/2026", "--source", "myspace=/tmp", "--master", "nowhere");
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[1]).contains("--date = 21/11/2026: expected YYYY-MM-DD");
    String[] s = run("ingest", "--source", "myspace=/tmp", "--master", "nowhere");
    assertThat(s[0]).isEqualTo("2");
    assertThat(s[1]).contains("--source myspace=/tmp: expected FORMAT=PATH").contains("--master = \"nowhere\"");
  }

  @Test
  void everyCommandAnswersHelpWithExitCode0AndDocumentsEachOfItsOptions() {
    Map<String, CommandLine> commands = new CommandLine(new Main()).getSubcommands();
    assertThat(commands).containsKeys("ingest", "enrich", "graph", "nightly", "generate", "score-sentiment",
        "train-sentiment");
    commands.forEach((name, cmd) -> {
      String[] r = run(name, "--help");
      assertThat(r[0]).as(name).isEqualTo("0");
      assertThat(r[1]).as(name).contains("Usage: listening-post " + name);
      for (OptionSpec option : cmd.getCommandSpec().options()) {
        if (!option.hidden()) {
          assertThat(r[1]).as("%s --help", name).contains(option.longestName());
        }
      }
    });
  }

  @Test
  void generateRefusesAFolderItDidNotWriteWithExitCode2UnlessForced(@TempDir Path dir) throws Exception {
    Path out = Files.createDirectories(dir.resolve("data"));
    Files.writeString(out.resolve("notes.txt"), "mine");
    String[] r = run("generate", "--posts", "50", "--out", out.toString());
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[1]).contains("--out " + out + " is not empty and was not written by `generate`").contains("--force");
    assertThat(out.resolve("notes.txt")).exists();

    String[] forced = run("generate", "--posts", "50", "--out", out.toString(), "--force");
    assertThat(forced[0]).isEqualTo("0");
    assertThat(out.resolve("notes.txt")).doesNotExist();
    // Once generated, the folder is the generator's to replace.
    String[] again = run("generate", "--posts", "50", "--out", out.toString());
    assertThat(again[0]).isEqualTo("0");
  }

  @Test
  void scoreSentimentWritesOneLinePerInputLineWhateverTheLine(@TempDir Path dir) throws Exception {
    byte[] binary = {(byte) 0xff, (byte) 0xfe, 0x00, 0x01, (byte) 0x80, 0x41};
    // Longer than the default --max-chars of 20,000: its first 20,000 characters are negative, the
    // whole line (with a longer, positive tail) is not.
    String head = "the recruiter was rude and the interview was awful. ".repeat(400);
    String longLine = head + "I love this job, wonderful team, great people! ".repeat(2_000);
    Path in = dir.resolve("in.txt");
    try (var os = Files.newOutputStream(in)) {
      os.write(("I love my new job at Acme 😍\n\n   \nThis company ghosted me, awful experience\n" + longLine
          + "\n🎉🎉\nLe recrutement est terminé.\n").getBytes(StandardCharsets.UTF_8));
      os.write(binary);
      os.write("\r\nlast line without newline".getBytes(StandardCharsets.UTF_8));
    }
    Path out = dir.resolve("out.tsv");
    String[] r = run("score-sentiment", "--in", in.toString(), "--out", out.toString());
    assertThat(r[0]).isEqualTo("0");
    var lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(9);
    assertThat(lines).allMatch(l -> l.matches("(negative|neutral|positive)\t-?\\d+(\\.\\d+)?"));
    assertThat(lines.get(0)).startsWith("positive\t");
    assertThat(lines.get(1)).isEqualTo("neutral\t0");
    assertThat(lines.get(2)).isEqualTo("neutral\t0");
    assertThat(lines.get(3)).startsWith("negative\t");
    // An emoji-only line: social-linear-2 scores it neutral, leaning positive (P(positive) > P(negative)).
    assertThat(Double.parseDouble(lines.get(5).split("\t")[1])).isPositive();
    // The long line is scored on its first 20,000 characters only.
    assertThat(head.length()).isGreaterThan(20_000);
    PostSentimentScorer scorer = new PostSentimentScorer(SocialSentimentModel.shipped());
    assertThat(scorer.social(longLine).label()).isNotEqualTo("negative");
    PostSentimentScorer.Sentiment firstChars = scorer.social(longLine.substring(0, 20_000));
    assertThat(firstChars.label()).isEqualTo("negative");
    String[] scoredLong = lines.get(4).split("\t");
    assertThat(scoredLong[0]).isEqualTo(firstChars.label());
    assertThat(Double.parseDouble(scoredLong[1])).isCloseTo(firstChars.score(), within(5e-5));
  }

  @Test
  void graphWithEdgesScoresANodeXlExportAndQuarantinesItsBadRows(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("network");
    String[] r = run("graph", "--edges", "src/test/resources/edgelists/nodexl-edges.csv", "--out", out.toString());
    assertThat(r[0]).isEqualTo("0");
    // The export's four names (its self-loop left out) are scored and ranked; its two bad rows are
    // quarantined with their line and reason.
    assertThat(rows(out.resolve("influencers"))).extracting(g -> g.getString("author_id", 0))
        .containsExactlyInAnyOrder("acme_careers", "jane_doe", "#hiring", "recruiter_bob");
    assertThat(rows(out.resolve("communities")).stream().mapToInt(g -> g.getInteger("size", 0)).sum()).isEqualTo(4);
    assertThat(rows(out.resolve("quarantine"))).extracting(g -> g.getString("position", 0), g -> g.getString("reason", 0))
        .containsExactlyInAnyOrder(tuple("line 7", "weight 'n/a' is not a number"), tuple("line 9", "missing source"));
  }

  /** A job file that names only its warehouse, as a new user writes one. */
  private static Path warehouseOnlyJob(Path dir) throws Exception {
    return Files.writeString(dir.resolve("job.conf"), "warehouse = \"" + dir.resolve("wh") + "\"\n");
  }

  @Test
  void aBadConfStopsTheRunWithExitCode2NamingTheKeyTheValueAndConf(@TempDir Path dir) throws Exception {
    String[] r = run("ingest", "--config", warehouseOnlyJob(dir).toString(), "--source", "reddit=data-samples/reddit",
        "--conf", "graph.window-days=-3", "--conf", "graph.windw-days=30", "--conf", "nonsense");
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[1]).contains("Invalid configuration (" + dir.resolve("job.conf") + " and the command line)")
        .contains("graph.window-days = -3 (from --conf): must be between 1 and 3650")
        .contains("unknown key 'graph.windw-days' given with --conf (did you mean 'graph.window-days'?)")
        .contains("--conf nonsense: expected KEY=VALUE")
        .doesNotContain("sources = []");
    assertThat(dir.resolve("wh")).doesNotExist();
  }

  @Test
  void anExplicitOptionAndAConfOfTheSameKeyAreRefusedTogether(@TempDir Path dir) throws Exception {
    String[] r = run("ingest", "--config", warehouseOnlyJob(dir).toString(), "--source", "reddit=data-samples/reddit",
        "--warehouse", dir.resolve("a").toString(), "--conf", "warehouse=" + dir.resolve("b"));
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[1]).contains("--warehouse and --conf warehouse=" + dir.resolve("b") + " both set warehouse: give one");
  }

  @Test
  void aWarehouseThatIsSomeoneElsesFolderOrAFileIsRefusedBeforeSparkStarts(@TempDir Path dir) throws Exception {
    Path home = Files.createDirectories(dir.resolve("home/Documents"));
    Files.writeString(dir.resolve("home/notes.txt"), "mine");
    String[] r = run("ingest", "--config", warehouseOnlyJob(dir).toString(), "--source", "reddit=data-samples/reddit",
        "--warehouse", home.getParent().toString());
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[1]).contains("warehouse = \"" + home.getParent() + "\": is not a warehouse: it holds Documents, "
        + "notes.txt");
    String[] file = run("repair", "--config", warehouseOnlyJob(dir).toString(), "--source", "reddit=data-samples/reddit",
        "--conf", "warehouse=" + dir.resolve("home/notes.txt"));
    assertThat(file[0]).isEqualTo("2");
    assertThat(file[1]).contains("is a file, not a folder");
  }

  @Test
  void aCsvSourceOnTheCommandLineNeedsAMappingInTheJobFileAndSaysSoOnce(@TempDir Path dir) throws Exception {
    String[] r = run("ingest", "--config", warehouseOnlyJob(dir).toString(), "--source", "csv=data-samples/csv");
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[1]).contains("--source csv=data-samples/csv: a csv source needs a mapping; the config has no csv source")
        .doesNotContain("sources = []");
  }

  @Test
  void credentialsOnTheCommandLineAreNeverPrinted(@TempDir Path dir) throws Exception {
    String[] r = run("ingest", "--config", warehouseOnlyJob(dir).toString(),
        "--source", "reddit=https://ann:SOURCEPW@example.com/export?token=TOKENPW",
        "--conf", "warehouse=s3a://AKIAEXAMPLE:WAREHOUSEPW@bucket/wh", "--master", "spark://admin:MASTERPW@host:7077");
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[1]).contains("spark://***@host:7077").doesNotContain("SOURCEPW", "TOKENPW", "WAREHOUSEPW", "MASTERPW");
  }

  @Test
  void backfillAndRerunOptionsThatCannotGoTogetherStopTheJobWithExitCode2() {
    String[] both = run("nightly", "--date", "2026-11-29", "--from", "2026-11-01", "--to", "2026-11-05");
    assertThat(both[0]).isEqualTo("2");
    assertThat(both[1]).contains("--date goes with a single run; --from/--to name a backfill's days");
    String[] backwards = run("nightly", "--from", "2026-11-05", "--to", "2026-11-01");
    assertThat(backwards[0]).isEqualTo("2");
    assertThat(backwards[1]).contains("--from = 2026-11-05 is after --to = 2026-11-01");
    String[] toAlone = run("nightly", "--to", "2026-11-05");
    assertThat(toAlone[0]).isEqualTo("2");
    assertThat(toAlone[1]).contains("--to = 2026-11-05 needs --from");
    String[] rerun = run("nightly", "--rerun", "graph", "--rerun", "graf");
    assertThat(rerun[0]).isEqualTo("2");
    assertThat(rerun[1]).contains("--rerun graf: not a stage; one of ingest, enrich, graph, audiences, alerts, report "
        + "or all");
    String[] format = run("nightly", "--log-format", "xml");
    assertThat(format[0]).isEqualTo("2");
    assertThat(format[1]).contains("expected text or json, not 'xml'");
  }

  @Test
  void runSettingsAreCheckedBeforeAnythingStarts(@TempDir Path dir) throws Exception {
    Path conf = Files.writeString(dir.resolve("bad.conf"), "run { time-zone = \"Mars/Olympus\", "
        + "max-quarantine-share = 1.5, lock-stale-minutes = 0 }\nsources = [ { format = reddit, path = \""
        + Path.of("data-samples/reddit").toAbsolutePath() + "\" } ]\n");
    String[] r = run("nightly", "--config", conf.toString());
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[1]).contains("run.time-zone = \"Mars/Olympus\": not a time zone id")
        .contains("run.max-quarantine-share = 1.5: must be between 0.0 and 1.0")
        .contains("run.lock-stale-minutes = 0: must be between 1 and 10080");
  }

  @Test
  void aWarehouseLockedByARunStillRunningStopsTheJobWithExitCode4BeforeSparkStarts(@TempDir Path dir)
      throws Exception {
    Path warehouse = dir.resolve("wh");
    try (var held = io.listeningpost.storage.WarehouseLock.acquire(warehouse.toString(),
        new org.apache.hadoop.conf.Configuration(), "20261129T221000Z-nightly-ab12", "nightly 2026-11-29",
        java.time.Duration.ofMinutes(10))) {
      for (String command : new String[] {"nightly", "graph", "repair"}) {
        String[] r = run(command, "--warehouse", warehouse.toString(), "--reports", dir.resolve("r").toString());
        assertThat(r[0]).as(command).isEqualTo("4");
        assertThat(r[1]).as(command).contains("The warehouse " + warehouse
            + " is locked by run 20261129T221000Z-nightly-ab12 (nightly 2026-11-29, pid "
            + ProcessHandle.current().pid()).contains("it is still running. Wait for it or stop it.");
      }
    }
  }

  @Test
  void theHelpOfEveryCommandThatWritesListsItsExitCodes() {
    for (String command : new String[] {"nightly", "ingest", "graph", "report"}) {
      assertThat(run(command, "--help")[1]).as(command).contains("Exit codes:", "0   success", "1   failure",
          "2   bad configuration", "3   partial success", "4   the warehouse is locked");
    }
  }
}
