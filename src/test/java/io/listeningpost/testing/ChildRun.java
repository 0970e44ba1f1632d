package io.listeningpost.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.listeningpost.run.Main;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The command line run in a JVM of its own, as {@code jobs/listening-post} runs it, so that a test can
 * kill it like an operator or the kernel would: same classes and class path as the test, the module
 * openings the test JVM was given (the pom's {@code spark.java.opens}), the launcher's log settings, and
 * the C1 compiler alone.
 */
public final class ChildRun {
  private final Process process;
  private final Path out;
  private final Path err;

  private ChildRun(Process process, Path out, Path err) {
    this.process = process;
    this.out = out;
    this.err = err;
  }

  /** Starts {@code Main} with {@code args}; its standard output and error go to {@code <logs>/<name>.out|.err}. */
  public static ChildRun start(Path logs, String name, String heap, List<String> args) throws IOException {
    return start(logs, name, heap, Map.of(), args);
  }

  /** As {@link #start(Path, String, String, List)}, with system properties for the child JVM. */
  public static ChildRun start(Path logs, String name, String heap, Map<String, String> properties,
      List<String> args) throws IOException {
    String classPath = System.getProperty("java.class.path");
    // Surefire hands the forked test JVM its whole class path in java.class.path; a manifest-only jar
    // there would start a child without Spark.
    assertThat(classPath).as("the test's class path (java.class.path)").contains("spark-sql").contains("picocli");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + heap);
    // A test's runs are short and their input small: compiling hot code with C2 costs more than it saves
    // (measured: night 1 of KillSafetyTest took 46 s of CPU with C1 alone, 77 s with C2).
    command.add("-XX:TieredStopAtLevel=1");
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("--add-opens")).forEach(command::add);
    command.add("-Dlog4j2.configurationFile=" + Path.of("jobs/log4j2.properties").toAbsolutePath());
    command.add("-Dspark.ui.enabled=false");
    properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
    command.add("-cp");
    command.add(classPath);
    command.add(Main.class.getName());
    command.addAll(args);
    Files.createDirectories(logs);
    Path out = logs.resolve(name + ".out");
    Path err = logs.resolve(name + ".err");
    Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    return new ChildRun(p, out, err);
  }

  public Process process() {
    return process;
  }

  /** Waits for the run to end by itself; returns its exit code. */
  public int waitFor(long minutes) throws InterruptedException {
    if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
      kill();
      throw new AssertionError("the run did not end within " + minutes + " minutes\n" + tail());
    }
    return process.exitValue();
  }

  /**
   * SIGKILL, as {@code kill -9}: no shutdown hook, no finally block runs. Returns once the process and
   * anything it started are gone.
   */
  public void kill() throws InterruptedException {
    List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
    all.add(process.toHandle());
    process.destroyForcibly();
    all.forEach(ProcessHandle::destroyForcibly);
    if (!process.waitFor(1, TimeUnit.MINUTES)) {
      throw new AssertionError("the killed run " + process.pid() + " is still alive a minute later");
    }
    for (ProcessHandle h : all) {
      h.onExit().join();
      assertThat(h.isAlive()).as("process %d after SIGKILL", h.pid()).isFalse();
    }
  }

  public String stdout() throws IOException {
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  public String stderr() throws IOException {
    return Files.readString(err, StandardCharsets.UTF_8);
  }

  /** The last lines of both outputs, for a failure message. */
  public String tail() {
    try {
      return "--- stdout (end) ---\n" + last(stdout(), 40) + "\n--- stderr (end) ---\n" + last(stderr(), 40);
    } catch (IOException e) {
      return "(outputs unreadable: " + e + ")";
    }
  }

  private static String last(String text, int lines) {
    String[] all = text.split("\n", -1);
    return String.join("\n", List.of(all).subList(Math.max(0, all.length - lines), all.length));
  }
}
