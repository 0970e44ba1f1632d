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
import org.junit.jupiter.api.Assumptions;

/**
 * Runs a Python script with Debian's networkx, the second implementation graph results are checked
 * against. Each output line is "key value..."; values are numbers. CI installs python3-networkx; on a
 * machine without it the cross-checks are skipped, never under CI.
 */
public final class Networkx {
  private static final String PYTHON = "/usr/bin/python3";

  private Networkx() {}

  public static Map<String, double[]> run(String script, String... args) throws IOException, InterruptedException {
    boolean available = new ProcessBuilder(PYTHON, "-c", "import networkx").start().waitFor() == 0;
    if (System.getenv("CI") == null) {
      Assumptions.assumeTrue(available, "networkx is not installed (apt-get install python3-networkx)");
    }
    assertThat(available).as("python3-networkx must be installed for the cross-checks").isTrue();
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
}
