package io.listeningpost.testing;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a Python script with Debian's scikit-learn, the second implementation topic model figures are
 * checked against. Same contract as {@link Networkx}: output lines "key value...", numbers only; under CI a
 * missing scikit-learn fails the test, elsewhere it skips with a message.
 */
public final class Sklearn {
  static final String INSTALL = "apt-get install python3-sklearn";

  private Sklearn() {}

  public static Map<String, double[]> run(String script, String... args) throws IOException, InterruptedException {
    assumeAvailable();
    return Networkx.runPython(script, args);
  }

  /** Skips the calling test when scikit-learn cannot run here; fails it under CI. */
  public static void assumeAvailable() throws InterruptedException {
    String missing = missing();
    if (missing != null && Networkx.underCi(System.getenv("CI"))) {
      org.junit.jupiter.api.Assertions.fail("scikit-learn cross-check cannot run under CI: " + missing + " ("
          + INSTALL + ")");
    }
    org.junit.jupiter.api.Assumptions.assumeTrue(missing == null, () -> "scikit-learn cross-check SKIPPED: "
        + missing + "; " + INSTALL + " to run it (under CI, with CI set, this fails instead of skipping)");
  }

  private static String missing() throws InterruptedException {
    Process p;
    try {
      p = new ProcessBuilder(Networkx.PYTHON, "-c", "import sklearn, numpy").redirectErrorStream(true).start();
    } catch (IOException e) {
      return Networkx.PYTHON + " cannot be started (" + e.getMessage() + ")";
    }
    try {
      p.getInputStream().readAllBytes();
    } catch (IOException e) {
      // The exit status below decides.
    }
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return Networkx.PYTHON + " -c 'import sklearn' did not finish in 60 s";
    }
    return p.exitValue() == 0 ? null : Networkx.PYTHON + " cannot import sklearn and numpy";
  }
}
