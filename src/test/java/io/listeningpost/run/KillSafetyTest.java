package io.listeningpost.run;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.listeningpost.storage.CrashTestPause;
import io.listeningpost.storage.TablePublisher;
import io.listeningpost.storage.Tables;
import io.listeningpost.storage.Warehouse;
import io.listeningpost.testing.FileTrees;
import io.listeningpost.testing.ChildRun;
import io.listeningpost.testing.ConsoleRun;
import io.listeningpost.testing.LocalSpark;
import io.listeningpost.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nightly} in a JVM of its own, killed with SIGKILL: while Spark writes the staging of enrich, graph and
 * report, and at exact steps (between the two renames that replace a posts partition, between those that
 * replace the whole authors table, and between the write of the report page and its rename). After each kill
 * every folder a reader finds is whole, its state before the killed run or after an uninterrupted one (a
 * folder moved aside by a publish the kill cut short is named by its record), and once the publish is rolled
 * forward every table and report is one of those two states. The run after the last kill ends with the same
 * warehouse and report as uninterrupted runs of the same nights. The kills are chained, each on the rerun of
 * the same night, so each rerun also recovers what the previous kill left, the killed run's warehouse lock
 * included.
 */
@Tag("spark")
@Tag("nlp")
class KillSafetyTest {
  @RegisterExtension
  static final LocalSpark SPARK = new LocalSpark();

  @TempDir
  static Path dir;

  private static final String DATE = "2026-11-29";
  private static final String HEAP = "2g";
  private static final String RUN_ID = "\\d{8}T\\d{6}Z-[a-z]+-[0-9a-f]{4}";

  /** Night 1 publishes the baseline; night 2 reads the same and more, so it replaces most of what night 1 wrote. */
  private static final List<String> NIGHT_1 = List.of("stackexchange", "reddit", "mastodon");
  private static final List<String> NIGHT_2 = List.of("stackexchange", "reddit", "mastodon", "twitter", "feed",
      "csv", "json");

  /** Columns that say which run wrote a row, or when, besides run_id: the only ones that may differ. */
  private static final Map<String, List<String>> RUN_DEPENDENT = Map.of(
      Tables.POST_NLP, List.of("post_run_id"),
      Tables.NLP_CACHE, List.of("analysed_at"),
      Tables.ALERTS, List.of("created_at"));

  /**
   * Where to kill. With {@code pauseAt} null, as soon as the first of {@code triggers} appears in the run's
   * staging (Spark is still writing it); otherwise at the exact step {@code pauseAt} names (see
   * {@link CrashTestPause}), e.g. between the two renames that replace a folder. {@code untouched} belong to
   * later stages.
   */
  private record KillPoint(String where, String pauseAt, List<String> triggers, List<String> untouched,
      boolean reportUntouched) {}

  private static final List<KillPoint> KILL_POINTS = List.of(
      new KillPoint("ingest, between the renames of a posts partition", "posts moved aside dt=.*", List.of(),
          List.of(Tables.AUTHORS, Tables.POST_NLP, Tables.INFLUENCERS, Tables.STRATEGY_ANSWERS), true),
      new KillPoint("ingest, between the renames of the whole authors table", "authors moved aside authors",
          List.of(), List.of(Tables.POST_NLP, Tables.INFLUENCERS, Tables.STRATEGY_ANSWERS), true),
      new KillPoint("enrich", null, List.of(Tables.NLP_CACHE, Tables.POST_NLP), List.of(Tables.INFLUENCERS,
          Tables.STRATEGY_ANSWERS), true),
      new KillPoint("graph", null, List.of(Tables.INFLUENCERS, Tables.COMMUNITIES), List.of(Tables.STRATEGY_ANSWERS),
          true),
      new KillPoint("report", null, List.of(Tables.STRATEGY_ANSWERS), List.of(), false),
      new KillPoint("report, its page written and not yet renamed", "report\\.html written, not yet renamed",
          List.of(), List.of(), true));

  private record Layout(Path root) {
    Path warehouse() {
      return root.resolve("warehouse");
    }

    Path reports() {
      return root.resolve("reports");
    }

    Path staging() {
      return warehouse().resolve("_staging");
    }
  }

  /** A warehouse and its reports as readers see them: rows without run-dependent columns, by partition. */
  private record State(Map<String, Map<String, List<String>>> tables, Set<String> runIds, Map<String, String> reports) {
    Map<String, List<String>> table(String name) {
      return tables.get(name);
    }
  }

  @Test
  void aRunKilledInAnyStageLeavesWholeTablesAndReportsAndTheNextRunEndsAsAnUninterruptedOne() throws Exception {
    long start = System.nanoTime();
    Path job = jobFile();
    Layout killed = new Layout(dir.resolve("killed"));
    Layout reference = new Layout(dir.resolve("reference"));
    complete(job, killed, NIGHT_1, "night-1");
    FileTrees.copy(killed.root(), reference.root());
    complete(job, reference, NIGHT_2, "reference-night-2");
    State after = read(reference);
    State state = read(killed);
    assertThat(state.runIds()).as("_runs after night 1").hasSize(1);
    assertThat(after.runIds()).as("_runs after the uninterrupted night 2").hasSize(2).containsAll(state.runIds());
    Set<String> runsBeforeTheKills = state.runIds();
    log(start, "night 1 and the uninterrupted night 2");
    for (KillPoint p : KILL_POINTS) {
      for (String t : p.untouched()) {
        assertThat(after.table(t)).as("night 2 changes %s, so a kill in %s can show whether it reached it", t,
            p.where()).isNotEqualTo(state.table(t));
      }
    }
    assertThat(after.reports()).as("night 2 rewrites the report").isNotEqualTo(state.reports());

    String leftStaging = null;
    String leftLock = null;
    int n = 0;
    for (KillPoint p : KILL_POINTS) {
      n++;
      Set<String> runsBefore = runFolders(killed);
      ChildRun run;
      String[] runAndTrigger;
      if (p.pauseAt() == null) {
        run = ChildRun.start(dir.resolve("logs"), "night-2-kill-" + n, HEAP, args(job, killed, NIGHT_2));
        runAndTrigger = killWhenStaged(run, killed, runsBefore, p);
      } else {
        Path marker = dir.resolve("logs").resolve("paused-" + n);
        run = ChildRun.start(dir.resolve("logs"), "night-2-kill-" + n, HEAP,
            Map.of("listeningpost.crash-test.pause-at", p.pauseAt(), "listeningpost.crash-test.marker",
                marker.toString()), args(job, killed, NIGHT_2));
        runAndTrigger = killWhenPaused(run, killed, runsBefore, marker, p);
      }
      String runId = runAndTrigger[0];
      if (leftLock != null) {
        assertThat(run.stdout() + run.stderr()).as("the run after a kill takes over the killed run's warehouse lock")
            .contains("took over the lock of run " + leftLock);
      }
      if (leftStaging != null) {
        assertThat(run.stdout() + run.stderr()).as("the run after a kill removes the staging the killed run left")
            .contains("removed unpublished staging of run " + leftStaging);
      }
      log(start, "kill " + n + ", in " + p.where() + " at " + runAndTrigger[1] + " (run " + runId + ")");

      State now = read(killed);
      List<String> pending = pending(killed);
      if (!pending.isEmpty()) {
        // Right after a kill between a publish's renames: every folder a reader finds is whole, its state
        // before the run or after; a folder missing is one the publish record names, moved aside.
        assertWholeFoldersOrNamedByTheRecord(now, state, after, pendingTargets(killed, pending), p.where());
      }
      boolean repaired = false;
      boolean stagingLeft = Files.exists(killed.staging().resolve(runId));
      if (!pending.isEmpty() || p.where().equals("graph")) {
        // A kill between the renames of a publish leaves its record: the folders it names are whole only
        // once it is rolled forward. Repair, as an operator would; the graph kill is repaired in any case.
        String[] repair = ConsoleRun.run("repair", "--config", job.toString(), "--warehouse",
            killed.warehouse().toString());
        assertThat(repair[0]).as(repair[1]).isEqualTo("0");
        assertThat(repair[1]).contains("took over the lock of run " + runId);
        for (String record : pending) {
          assertThat(repair[1]).contains("completed the interrupted publish " + record);
        }
        if (stagingLeft) {
          assertThat(repair[1]).contains("removed unpublished staging of run " + runId);
        }
        repaired = true;
        now = read(killed);
        log(start, "repair after the kill in " + p.where() + "; publishes it completed: " + pending);
      }
      assertWholeAndBeforeOrAfter(now, state, after, runId, p.where());
      for (String t : p.untouched()) {
        assertThat(now.table(t)).as("%s, written after the kill point, is as before the run killed in %s", t,
            p.where()).isEqualTo(state.table(t));
      }
      if (p.reportUntouched()) {
        assertThat(now.reports()).as("the report, written after %s, is as before the kill", p.where())
            .isEqualTo(state.reports());
      }
      leftStaging = !repaired && Files.exists(killed.staging().resolve(runId)) ? runId : null;
      leftLock = repaired ? null : runId;
      state = now;
    }

    ChildRun last = complete(job, killed, NIGHT_2, "night-2-after-the-kills");
    if (leftStaging != null) {
      assertThat(last.stdout() + last.stderr()).contains("removed unpublished staging of run " + leftStaging);
    }
    if (leftLock != null) {
      assertThat(last.stdout() + last.stderr()).contains("took over the lock of run " + leftLock);
    }
    State end = read(killed);
    assertThat(end.runIds()).as("_runs: night 1, the last run and no killed run but one killed after it recorded")
        .containsAll(runsBeforeTheKills).hasSizeBetween(2, 3);
    for (String t : after.tables().keySet()) {
      assertThat(end.table(t)).as("%s after the kills and a last run, against uninterrupted runs", t)
          .isEqualTo(after.table(t));
    }
    assertThat(end.reports()).as("the report after the kills and a last run").isEqualTo(after.reports());
    assertThat(runFolders(killed)).as("staging left in %s", killed.staging()).isEmpty();
    assertThat(pending(killed)).as("publishes left half done").isEmpty();
    try (Stream<Path> files = Files.walk(killed.root())) {
      assertThat(files.map(f -> killed.root().relativize(f).toString())
          .filter(f -> f.contains("_temporary") || f.endsWith(".tmp"))).as("debris of killed writes").isEmpty();
    }
    log(start, "the last run, compared with the uninterrupted one");
  }

  /** Polls every 20 ms for the run's staging of a trigger table, then kills the run; returns {run id, trigger}. */
  private static String[] killWhenStaged(ChildRun run, Layout layout, Set<String> runsBefore, KillPoint p)
      throws Exception {
    long deadline = System.nanoTime() + 20L * 60 * 1_000_000_000;
    while (true) {
      if (!run.process().isAlive()) {
        fail("the run ended (exit " + run.process().exitValue() + ") before its staging of " + p.triggers()
            + " was seen, so it was not killed in " + p.where() + "\n" + run.tail());
      }
      for (String runId : runFolders(layout)) {
        if (runsBefore.contains(runId)) {
          continue;
        }
        for (String trigger : p.triggers()) {
          if (Files.exists(layout.staging().resolve(runId).resolve(trigger))) {
            run.kill();
            assertThat(run.process().exitValue()).as("exit status of the run killed in %s, at its staging of %s "
                + "(137: SIGKILL; any other: it had ended by itself)\n%s", p.where(), trigger, run.tail())
                .isEqualTo(137);
            return new String[] {runId, "its staging of " + trigger};
          }
        }
      }
      if (System.nanoTime() > deadline) {
        run.kill();
        fail("no staging of " + p.triggers() + " within 20 minutes\n" + run.tail());
      }
      Thread.sleep(20);
    }
  }

  /** Waits for the run to pause at its kill point, then kills it; returns {run id, the step it paused at}. */
  private static String[] killWhenPaused(ChildRun run, Layout layout, Set<String> runsBefore, Path marker,
      KillPoint p) throws Exception {
    long deadline = System.nanoTime() + 20L * 60 * 1_000_000_000;
    while (!Files.exists(marker)) {
      if (!run.process().isAlive()) {
        fail("the run ended (exit " + run.process().exitValue() + ") before it reached " + p.pauseAt()
            + ", so it was not killed in " + p.where() + "\n" + run.tail());
      }
      if (System.nanoTime() > deadline) {
        run.kill();
        fail("the run did not reach " + p.pauseAt() + " within 20 minutes\n" + run.tail());
      }
      Thread.sleep(20);
    }
    String step = Files.readString(marker, StandardCharsets.UTF_8);
    run.kill();
    assertThat(run.process().exitValue()).as("exit status of the run killed at %s\n%s", step, run.tail())
        .isEqualTo(137);
    Set<String> runs = runFolders(layout);
    runs.removeAll(runsBefore);
    assertThat(runs).as("the staging folder of the run killed at %s", step).hasSize(1);
    return new String[] {runs.iterator().next(), step};
  }

  /** The folders, relative to the warehouse (e.g. {@code posts/dt=2026-11-29}), that pending publishes replace. */
  private static Set<String> pendingTargets(Layout layout, List<String> pending) throws IOException {
    Set<String> targets = new TreeSet<>();
    String root = layout.warehouse().toString() + "/";
    for (String record : pending) {
      List<String> lines = Files.readAllLines(layout.warehouse().resolve("_commits").resolve(record));
      for (String line : lines.subList(1, lines.size())) {
        String target = line.split("\t", -1)[0];
        targets.add(target.substring(target.indexOf(root) + root.length()));
      }
    }
    return targets;
  }

  /**
   * Each table's folders (its partitions, or the whole table) as a reader finds them right after a kill between
   * a publish's renames: each one present is its state before the run or after an uninterrupted one, and each
   * one missing is named by a pending publish record.
   */
  private static void assertWholeFoldersOrNamedByTheRecord(State now, State before, State after,
      Set<String> pendingTargets, String where) {
    for (String t : after.tables().keySet()) {
      if (t.equals(Tables.NLP_CACHE)) {
        continue;
      }
      Set<String> keys = new TreeSet<>(before.table(t).keySet());
      keys.addAll(after.table(t).keySet());
      keys.addAll(now.table(t).keySet());
      for (String k : keys) {
        List<String> rows = now.table(t).get(k);
        String folder = k.isEmpty() ? t : t + "/dt=" + k;
        if (rows == null && (pendingTargets.contains(folder) || pendingTargets.contains(t))) {
          continue;
        }
        assertThat(java.util.Objects.equals(rows, before.table(t).get(k))
            || java.util.Objects.equals(rows, after.table(t).get(k)))
            .as("right after the kill in %s, %s is whole, as before the run or as after it (%s); publishes pending: %s",
                where, folder, rows == null ? "missing" : rows.size() + " rows", pendingTargets)
            .isTrue();
      }
    }
  }

  /**
   * Every table is its state before the killed run or after the uninterrupted one; nlp_cache, which grows
   * by whole files, holds at least the first and at most the second. _runs holds the earlier runs and, at
   * most, the killed one. The report is complete and one of its two versions.
   */
  private static void assertWholeAndBeforeOrAfter(State now, State before, State after, String killedRun,
      String stage) {
    for (String t : after.tables().keySet()) {
      Map<String, List<String>> rows = now.table(t);
      if (rows.equals(before.table(t)) || rows.equals(after.table(t))) {
        continue;
      }
      if (t.equals(Tables.NLP_CACHE)) {
        List<String> all = flatten(rows);
        assertThat(contains(all, flatten(before.table(t))) && contains(flatten(after.table(t)), all))
            .as("after the kill in %s, nlp_cache holds what it held and part of what the run adds", stage).isTrue();
        continue;
      }
      fail("after the kill in " + stage + ", " + t + " is neither as before the run nor as after an uninterrupted "
          + "one: partitions " + differing(rows, before.table(t), after.table(t)));
    }
    Set<String> allowed = new HashSet<>(before.runIds());
    allowed.add(killedRun);
    assertThat(allowed).as("_runs after the kill in %s", stage).containsAll(now.runIds());
    assertThat(now.runIds()).containsAll(before.runIds());
    assertThat(now.reports()).as("the report after the kill in %s", stage).satisfiesAnyOf(
        r -> assertThat(r).isEqualTo(before.reports()), r -> assertThat(r).isEqualTo(after.reports()));
  }

  private static String differing(Map<String, List<String>> now, Map<String, List<String>> before,
      Map<String, List<String>> after) {
    Set<String> keys = new TreeSet<>(now.keySet());
    keys.addAll(before.keySet());
    keys.addAll(after.keySet());
    List<String> out = new ArrayList<>();
    for (String k : keys) {
      List<String> r = now.get(k);
      if (!(java.util.Objects.equals(r, before.get(k)) || java.util.Objects.equals(r, after.get(k)))) {
        out.add(k + " (" + (r == null ? "missing" : r.size() + " rows") + "; before "
            + (before.get(k) == null ? "missing" : before.get(k).size()) + ", after "
            + (after.get(k) == null ? "missing" : after.get(k).size()) + ")");
      }
    }
    return String.join(", ", out);
  }

  private static List<String> flatten(Map<String, List<String>> table) {
    return table.values().stream().flatMap(List::stream).toList();
  }

  /** Whether {@code outer} holds every row of {@code inner}, as many times. */
  private static boolean contains(List<String> outer, List<String> inner) {
    Map<String, Integer> counts = new HashMap<>();
    outer.forEach(r -> counts.merge(r, 1, Integer::sum));
    for (String r : inner) {
      if (counts.merge(r, -1, Integer::sum) < 0) {
        return false;
      }
    }
    return true;
  }

  /** Reads every table as a reader would (Warehouse.read, all rows) and the run date's report files. */
  private static State read(Layout layout) throws IOException {
    Warehouse w = new Warehouse(SPARK.spark(), layout.warehouse().toString(), 1, "kill-safety-check",
        TablePublisher.StepHook.NONE);
    Map<String, Map<String, List<String>>> tables = new TreeMap<>();
    Set<String> runIds = new TreeSet<>();
    for (String t : Tables.names()) {
      Dataset<Row> rows = w.read(t);
      if (t.equals(Tables.RUNS)) {
        rows.select(col(Tables.RUN_ID)).collectAsList().forEach(r -> runIds.add(r.getString(0)));
        continue;
      }
      List<String> drop = new ArrayList<>(RUN_DEPENDENT.getOrDefault(t, List.of()));
      drop.add(Tables.RUN_ID);
      boolean partitioned = Tables.isPartitioned(t);
      Map<String, List<String>> byPartition = new TreeMap<>();
      for (Row r : rows.drop(drop.toArray(new String[0])).collectAsList()) {
        String partition = partitioned ? String.valueOf((Object) r.getAs("dt")) : "";
        byPartition.computeIfAbsent(partition, k -> new ArrayList<>()).add(r.toString());
      }
      byPartition.values().forEach(l -> l.sort(null));
      tables.put(t, byPartition);
    }
    Map<String, String> reports = new TreeMap<>();
    Path day = layout.reports().resolve(DATE);
    for (String name : List.of("report.html", "summary.md")) {
      Path f = day.resolve(name);
      if (Files.exists(f)) {
        String text = Files.readString(f, StandardCharsets.UTF_8);
        if (name.endsWith(".html")) {
          assertThat(text.strip()).as("%s is complete", f).endsWith("</html>");
        }
        reports.put(name, text.replaceAll(RUN_ID, "<run>"));
      }
    }
    Path kept = layout.reports().resolve("runs");
    if (Files.isDirectory(kept)) {
      try (Stream<Path> files = Files.list(kept)) {
        for (Path f : files.filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
          assertThat(Files.readString(f, StandardCharsets.UTF_8)).as("kept run summary %s is complete", f)
              .contains("  outputs:\n").endsWith("\n");
        }
      }
    }
    return new State(tables, runIds, reports);
  }

  private static List<String> pending(Layout layout) throws IOException {
    return new TablePublisher(new org.apache.hadoop.conf.Configuration(), layout.warehouse().toString(),
        "kill-safety-check", TablePublisher.StepHook.NONE).pending();
  }

  private static Set<String> runFolders(Layout layout) throws IOException {
    Set<String> names = new TreeSet<>();
    if (Files.isDirectory(layout.staging())) {
      try (Stream<Path> runs = Files.list(layout.staging())) {
        runs.forEach(r -> names.add(r.getFileName().toString()));
      }
    }
    return names;
  }

  private static ChildRun complete(Path job, Layout layout, List<String> sources, String name) throws Exception {
    ChildRun run = ChildRun.start(dir.resolve("logs"), name, HEAP, args(job, layout, sources));
    assertThat(run.waitFor(20)).as("exit code of %s\n%s", name, run.tail()).isZero();
    return run;
  }

  private static List<String> args(Path job, Layout layout, List<String> sources) {
    List<String> args = new ArrayList<>(List.of("nightly", "--config", job.toString(), "--date", DATE,
        "--warehouse", layout.warehouse().toString(), "--reports", layout.reports().toString()));
    for (String format : sources) {
      args.add("--source");
      args.add(format + "=" + SharedData.sample(format));
    }
    return args;
  }

  /**
   * The nightly job (its relative paths made absolute, as the copy lives elsewhere) on two cores. Audiences
   * is off: it is the longest stage on small input and writes through the same staged publishes as the
   * stages killed here. The time limit per post is long, so that a loaded machine cannot turn an analysis
   * into a timeout in one run and not in another.
   */
  private static Path jobFile() throws IOException {
    Path job = dir.resolve("kill-safety.conf");
    String nightly = Files.readString(Path.of("jobs/nightly.conf"), StandardCharsets.UTF_8)
        .replace("\"../", "\"" + Path.of("").toAbsolutePath() + "/");
    Files.writeString(job, nightly + "\n"
        + "spark { master = \"local[2]\", shuffle-partitions = 2 }\n"
        + "audiences.enabled = false\n"
        + "enrich.post-time-limit-ms = 600000\n"
        // The post key index from the first post on, so that kills fall in its writes too.
        + "ingest.post-key-index-min-posts = 0\n"
        // The reddit sample quarantines an eighth of its posts: the runs are to succeed, not end PARTIAL.
        + "run.max-quarantine-share = 0.5\n");
    return job;
  }

  private static void log(long start, String step) {
    System.out.printf("KillSafetyTest: %s done at %.0f s%n", step, (System.nanoTime() - start) / 1e9);
  }
}
