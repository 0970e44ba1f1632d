package io.listeningpost.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.listeningpost.core.config.SourceSpec;
import io.listeningpost.storage.Tables;
import io.listeningpost.testing.LocalSpark;
import io.listeningpost.testing.SampleJobs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The nightly job on a real Spark standalone cluster (jobs/local-cluster: a master and two one-core
 * workers on 127.0.0.1 whose classpath is Spark's alone) writes the same rows in every table as in
 * local mode, with one worker and its executor killed while enrich runs. The driver is the launcher, as for a
 * user; the executors get our code and libraries from target/listening-post-cluster.jar only, which
 * the package phase builds, so this runs in the integration-test phase.
 */
@Tag("cluster")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalClusterTest {
  @RegisterExtension
  static final LocalSpark SPARK = new LocalSpark();

  private static final Path HOME = Path.of("").toAbsolutePath();
  private static final Path DIR = HOME.resolve("target/cluster-test");
  // A limit against a hung run, not a speed check: on a loaded 2-core machine one run took over 6 minutes.
  private static final Duration RUN_LIMIT = Duration.ofMinutes(20);

  /**
   * Columns that say when or as which run a row was written, not what it holds. A run's stages carry their
   * times and the fingerprints of the files they wrote, which differ from one warehouse to another.
   */
  private static final Map<String, List<String>> RUN_COLUMNS = Map.of(
      Tables.RUNS, List.of(Tables.RUN_ID, "started_at", "finished_at", "duration_ms", "spark_master", "config_hash",
          "stages"),
      Tables.POST_NLP, List.of(Tables.RUN_ID, "post_run_id"),
      Tables.NLP_CACHE, List.of(Tables.RUN_ID, "analysed_at"),
      Tables.ALERTS, List.of(Tables.RUN_ID, "created_at"));

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private Map<String, String> clusterEnv;
  private String masterUrl;

  @BeforeAll
  void startCluster() throws Exception {
    deleteTree(DIR.resolve("test-logs"));
    deleteTree(DIR.resolve("runs"));
    clusterEnv = Map.of("LOCAL_CLUSTER_DIR", DIR.toString(), "LOCAL_CLUSTER_MASTER_PORT", freePort(),
        "LOCAL_CLUSTER_UI_PORT", freePort(), "LOCAL_CLUSTER_TIMEOUT", "180");
    Finished start = run("cluster-start", List.of("jobs/local-cluster", "start"), clusterEnv, Duration.ofMinutes(4));
    assertThat(start.exit()).as("jobs/local-cluster start:\n" + start.stderr()).isZero();
    List<String> lines = start.stdout().lines().toList();
    masterUrl = lines.get(lines.size() - 1);
    assertThat(masterUrl).matches("spark://127\\.0\\.0\\.1:\\d+");
    assertThat(aliveWorkers()).isEqualTo(2);
  }

  @AfterAll
  void stopCluster() throws Exception {
    if (clusterEnv != null) {
      Finished stop = run("cluster-stop", List.of("jobs/local-cluster", "stop"), clusterEnv, Duration.ofMinutes(1));
      assertThat(stop.exit()).as(stop.stderr()).isZero();
      // Each executor keeps a copy of the shipped jars (about 1 GB with the models); the logs stay.
      deleteTree(DIR.resolve("work"));
      deleteTree(DIR.resolve("tmp"));
    }
  }

  @Test
  @Order(1)
  void clusterJarHoldsOurLibrariesAndNoneOfSpark() throws IOException {
    Set<String> sparkJars = Set.copyOf(fileNames(DIR.resolve("spark-home/jars")));
    assertThat(sparkJars).anyMatch(n -> n.startsWith("spark-core_")).noneMatch(n -> n.startsWith("lingua-"));
    try (ZipFile jar = new ZipFile(HOME.resolve("target/listening-post-cluster.jar").toFile())) {
      assertThat(jar.stream().map(ZipEntry::getName))
          .noneMatch(n -> n.startsWith("org/apache/spark/") || n.startsWith("scala/")
              || n.startsWith("org/apache/hadoop/"));
      // Every library of ours at run time, compile or runtime scope, that the cluster's Spark does not bring.
      String runtime = Files.readString(HOME.resolve("target/runtime-classpath.txt")).strip();
      List<String> checked = new ArrayList<>();
      for (String library : runtime.split(":")) {
        String name = Path.of(library).getFileName().toString();
        if (sparkJars.contains(name) || name.matches("stanford-corenlp-.*-models(-english)?\\.jar")) {
          continue;
        }
        String someClass = firstClass(Path.of(library));
        if (someClass != null) {
          assertThat(jar.getEntry(someClass)).as(someClass + " of " + name + " in the cluster jar").isNotNull();
          checked.add(name);
        }
      }
      assertThat(checked).anyMatch(n -> n.startsWith("kotlin-stdlib-")).anyMatch(n -> n.startsWith("fastutil"))
          .anyMatch(n -> n.startsWith("stanford-corenlp-"));
    }
  }

  /**
   * One cluster run covers both: it runs every stage on the cluster, and losing a worker part-way through
   * enrich must not change a row either.
   */
  @Test
  @Order(2)
  void nightlyOnTheClusterWritesTheRowsOfLocalModeAlsoWhenAWorkerIsLostWhileEnriching() throws Exception {
    Path cluster = DIR.resolve("runs/cluster-lost-worker");
    String uiPort = freePort();
    Process driver = startNightly("nightly-lost-worker", cluster, masterUrl,
        Map.of("LISTENING_POST_JAVA_OPTS", "-Dspark.ui.enabled=true -Dspark.ui.port=" + uiPort));
    String app = await(driver, "the application on the driver's UI", () -> {
      JsonNode apps = json("http://127.0.0.1:" + uiPort + "/api/v1/applications");
      return apps != null && apps.size() == 1 ? apps.get(0).get("id").asText() : null;
    });
    String api = "http://127.0.0.1:" + uiPort + "/api/v1/applications/" + app;
    await(driver, "enrich's analysis running tasks", () -> {
      JsonNode jobs = json(api + "/jobs?status=running");
      if (jobs == null) {
        return null;
      }
      for (JsonNode job : jobs) {
        if ("enrich:analyse".equals(job.path("jobGroup").asText()) && job.path("numActiveTasks").asInt() > 0) {
          return job;
        }
      }
      return null;
    });

    // As a lost machine would: the worker and the executor it started go at once, without a word.
    ProcessHandle worker = ProcessHandle.of(Long.parseLong(Files.readString(DIR.resolve("pids/worker-1.pid"))
        .strip())).orElseThrow();
    List<ProcessHandle> lost = new ArrayList<>(worker.descendants().toList());
    lost.add(worker);
    assertThat(lost).as("worker-1 and its executor").hasSizeGreaterThanOrEqualTo(2);
    lost.forEach(ProcessHandle::destroyForcibly);
    await(driver, "the driver to count an executor lost", () -> {
      JsonNode executors = json(api + "/allexecutors");
      if (executors == null) {
        return null;
      }
      for (JsonNode e : executors) {
        if (!"driver".equals(e.path("id").asText()) && !e.path("isActive").asBoolean()) {
          return e;
        }
      }
      return null;
    });

    Finished run = finish("nightly-lost-worker", driver);
    assertSucceeded(run);
    assertThat(aliveWorkers()).isEqualTo(1);
    assertSameTables(localWarehouse(), cluster.resolve("warehouse"));
  }

  /** The reference: the same job in local mode. */
  private Path localWarehouse() throws Exception {
    Path local = DIR.resolve("runs/local");
    Finished run = nightly("nightly-local", local, "local[2]", Map.of());
    assertSucceeded(run);
    return local.resolve("warehouse");
  }

  /** Every table holds the same rows in both warehouses, but for the columns naming the run and its time. */
  private static void assertSameTables(Path expected, Path actual) {
    List<String> compared = new ArrayList<>();
    for (String table : Tables.names()) {
      Dataset<Row> e = table(expected, table);
      Dataset<Row> a = table(actual, table);
      try {
        LocalSpark.assertSameRows(e, a);
      } catch (AssertionError err) {
        throw new AssertionError(table + " differs between local mode and the cluster: " + err.getMessage(), err);
      }
      if (!e.isEmpty()) {
        compared.add(table);
      }
    }
    // The small job reaches every stage: a table left empty in both would compare equal and prove nothing.
    assertThat(compared).contains(Tables.POSTS, Tables.POST_NLP, Tables.INFLUENCERS, Tables.COMMUNITIES,
        Tables.TOPICS, Tables.SEGMENTS, Tables.STRATEGY_ANSWERS, Tables.RUNS);
  }

  private static Dataset<Row> table(Path warehouse, String table) {
    Path folder = warehouse.resolve(table);
    Dataset<Row> rows = Files.exists(folder)
        ? SPARK.spark().read().schema(Tables.schemaOf(table)).parquet(folder.toString())
        : SPARK.spark().createDataFrame(List.of(), Tables.schemaOf(table));
    List<String> drop = new ArrayList<>(RUN_COLUMNS.getOrDefault(table, List.of(Tables.RUN_ID)));
    drop.retainAll(Arrays.asList(rows.columns()));
    return rows.drop(drop.toArray(String[]::new));
  }

  private Finished nightly(String name, Path out, String master, Map<String, String> env) throws Exception {
    return finish(name, startNightly(name, out, master, env));
  }

  /**
   * The launcher, as a user runs it, on the nightly job's small per-format samples. The job file is the
   * nightly job's with the longest time limit per post: a post past it keeps only the fast sentiment, so
   * on a loaded machine a limit that one run meets and another misses would make their rows differ.
   */
  private Process startNightly(String name, Path out, String master, Map<String, String> env) throws IOException {
    deleteTree(out);
    // Beside jobs/ (in target/), so that the nightly job's relative paths resolve as they do from jobs/.
    Path job = HOME.resolve("target/cluster-test-job.conf");
    Files.writeString(job, "include file(\"" + HOME.resolve("jobs/nightly.conf") + "\")\n"
        + "enrich.post-time-limit-ms = 600000\n"
        // The per-format samples quarantine an eighth of the Reddit sample's posts, on purpose.
        + "run.max-quarantine-share = 0.5\n");
    List<String> command = new ArrayList<>(List.of("jobs/listening-post", "nightly", "--config", job.toString(),
        "--master", master, "--warehouse", out.resolve("warehouse").toString(),
        "--reports", out.resolve("reports").toString()));
    for (SourceSpec s : SampleJobs.perFormatSamples(out.resolve("warehouse")).sources()) {
      command.add("--source");
      command.add(s.format().configName() + "=" + s.path());
    }
    Map<String, String> all = new HashMap<>(env);
    all.put("LISTENING_POST_HEAP", "3g");
    // The driver and the executors compile with C1 alone, as ChildRun's runs do: a local-mode nightly on these
    // samples took 0.78 of the CPU with C1 alone (docs/benchmarks.md, Tests), and the two-core machine runs
    // the driver and both executors at once. Options given by the caller come after, and win.
    all.put("LISTENING_POST_JAVA_OPTS", ("-XX:TieredStopAtLevel=1 "
        + "-Dspark.executor.extraJavaOptions=-XX:TieredStopAtLevel=1 "
        + env.getOrDefault("LISTENING_POST_JAVA_OPTS", System.getenv().getOrDefault("LISTENING_POST_JAVA_OPTS", "")))
        .strip());
    return start(name, command, all);
  }

  private static void assertSucceeded(Finished run) {
    assertThat(run.exit()).as(run.name() + " exit code; stderr:\n" + tail(run.stderr())).isZero();
    assertThat(run.stdout()).as(run.name()).contains("SUCCEEDED");
  }

  private int aliveWorkers() throws Exception {
    JsonNode master = json("http://127.0.0.1:" + clusterEnv.get("LOCAL_CLUSTER_UI_PORT") + "/json/");
    return master == null ? -1 : master.path("aliveworkers").asInt();
  }

  private JsonNode json(String url) throws InterruptedException {
    try {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
          .build(), HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200 ? new ObjectMapper().readTree(r.body()) : null;
    } catch (IOException e) {
      return null;
    }
  }

  @FunctionalInterface
  private interface Probe<T> {
    T poll() throws Exception;
  }

  /** Polls until the probe returns something; fails if the driver exits first or the run limit passes. */
  private static <T> T await(Process driver, String what, Probe<T> probe) throws Exception {
    long deadline = System.nanoTime() + RUN_LIMIT.toNanos();
    while (System.nanoTime() < deadline) {
      T found = probe.poll();
      if (found != null) {
        return found;
      }
      if (!driver.isAlive()) {
        throw new AssertionError("the run ended (exit " + driver.exitValue() + ") before " + what);
      }
      Thread.sleep(250);
    }
    driver.destroyForcibly();
    throw new AssertionError("no sign of " + what + " within " + RUN_LIMIT);
  }

  private record Finished(String name, int exit, String stdout, String stderr) {}

  private static Process start(String name, List<String> command, Map<String, String> env) throws IOException {
    Path logs = Files.createDirectories(DIR.resolve("test-logs"));
    ProcessBuilder pb = new ProcessBuilder(command).directory(HOME.toFile())
        .redirectOutput(logs.resolve(name + ".out").toFile()).redirectError(logs.resolve(name + ".err").toFile());
    pb.environment().putAll(env);
    return pb.start();
  }

  private static Finished finish(String name, Process p) throws Exception {
    if (!p.waitFor(RUN_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(name + " did not finish within " + RUN_LIMIT);
    }
    Path logs = DIR.resolve("test-logs");
    return new Finished(name, p.exitValue(), Files.readString(logs.resolve(name + ".out"), StandardCharsets.UTF_8),
        Files.readString(logs.resolve(name + ".err"), StandardCharsets.UTF_8));
  }

  private static Finished run(String name, List<String> command, Map<String, String> env, Duration limit)
      throws Exception {
    Process p = start(name, command, env);
    if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not finish within " + limit);
    }
    return finish(name, p);
  }

  private static String tail(String text) {
    List<String> lines = text.lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  private static String freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return String.valueOf(s.getLocalPort());
    }
  }

  private static List<String> fileNames(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).toList();
    }
  }

  private static String firstClass(Path jar) throws IOException {
    try (ZipFile z = new ZipFile(jar.toFile())) {
      return z.stream().map(ZipEntry::getName)
          .filter(n -> n.endsWith(".class") && !n.startsWith("META-INF/") && !n.endsWith("module-info.class"))
          .findFirst().orElse(null);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
