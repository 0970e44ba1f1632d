package io.listeningpost.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs a Python script with Debian's networkx, the second implementation graph results are checked
 * against. Each output line is "key value..."; values are numbers. CI (environment variable CI set, as
 * .ci/run's callers set it) installs python3-networkx, and there a missing networkx fails the test; on
 * a machine without it, outside CI, the cross-check is skipped with a message that says so.
 */
public final class Networkx {
  static final String PYTHON = "/usr/bin/python3";
  static final String INSTALL = "apt-get install python3-networkx";

  private Networkx() {}

  public static Map<String, double[]> run(String script, String... args) throws IOException, InterruptedException {
    require(missing(), underCi(System.getenv("CI")));
    return runPython(script, args);
  }

  /** Runs the script with {@link #PYTHON} and parses its "key value..." lines, without checking modules. */
  static Map<String, double[]> runPython(String script, String... args) throws IOException, InterruptedException {
    Path file = Files.createTempFile("networkx", ".py");
    Files.writeString(file, script.stripIndent(), StandardCharsets.UTF_8);
    List<String> cmd = new ArrayList<>(List.of(PYTHON, file.toString()));
    cmd.addAll(List.of(args));
    Path err = Files.createTempFile("networkx", ".err");
    Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("networkx script failed:\n%s", Files.readString(err)).isZero();
    Files.deleteIfExists(err);
    Map<String, double[]> result = new HashMap<>();
    for (String line : out.split("\n")) {
      String[] f = line.trim().split("\\s+");
      if (f.length >= 2) {
        double[] v = new double[f.length - 1];
        for (int i = 1; i < f.length; i++) {
          v[i - 1] = Double.parseDouble(f[i]);
        }
        result.put(f[0], v);
      }
    }
    Files.deleteIfExists(file);
    return result;
  }

  /** Whether the value of the CI environment variable means "running under CI" (set, and not false). */
  static boolean underCi(String ci) {
    return ci != null && !ci.isBlank() && !ci.trim().equalsIgnoreCase("false") && !ci.trim().equals("0");
  }

  /**
   * Why networkx cannot be used here (no python3 at {@link #PYTHON}, or networkx not importable), or null
   * when it can.
   */
  static String missing() throws InterruptedException {
    Process p;
    try {
      p = new ProcessBuilder(PYTHON, "-c", "import networkx").redirectErrorStream(true).start();
    } catch (IOException e) {
      return PYTHON + " cannot be started (" + e.getMessage() + ")";
    }
    try {
      p.getInputStream().readAllBytes();
    } catch (IOException e) {
      // The exit status below decides.
    }
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return PYTHON + " -c 'import networkx' did not finish in 60 s";
    }
    return p.exitValue() == 0 ? null : PYTHON + " cannot import networkx";
  }

  /** Fails under CI and skips (aborts) elsewhere when {@code missing} says why networkx cannot be used. */
  static void require(String missing, boolean ci) {
    if (missing == null) {
      return;
    }
    if (ci) {
      Assertions.fail("networkx cross-check cannot run under CI: " + missing + " (.ci/run installs it: " + INSTALL
          + ")");
    }
    Assumptions.abort("networkx cross-check SKIPPED: " + missing + "; " + INSTALL + " to run it (under CI, with CI "
        + "set, this fails instead of skipping)");
  }
}
