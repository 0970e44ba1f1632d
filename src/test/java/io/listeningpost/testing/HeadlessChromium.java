package io.listeningpost.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Chromium, headless, as a real browser for the report: the DOM after the page's scripts ran, and
 * screenshots. Same contract as {@link Sklearn}: under CI a missing browser fails the test, elsewhere it
 * skips with a message.
 */
public final class HeadlessChromium {
  static final String BINARY = "chromium";
  static final String INSTALL = "apt-get install chromium";
  private static final int SCRIPT_BUDGET_MS = 5000;
  private static final int TIMEOUT_S = 120;

  private HeadlessChromium() {}

  /** The page's DOM after its scripts ran. */
  public static String dumpDom(Path page) throws IOException, InterruptedException {
    return run(page, List.of("--dump-dom"));
  }

  /** A picture of the page at the given width and height. */
  public static Path screenshot(Path page, Path png, int width, int height) throws IOException, InterruptedException {
    Files.createDirectories(png.toAbsolutePath().getParent());
    run(page, List.of("--hide-scrollbars", "--window-size=" + width + "," + height,
        "--screenshot=" + png.toAbsolutePath()));
    return png;
  }

  private static String run(Path page, List<String> extra) throws IOException, InterruptedException {
    String missing = missing();
    if (missing != null && Networkx.underCi(System.getenv("CI"))) {
      org.junit.jupiter.api.Assertions.fail("browser test cannot run under CI: " + missing + " (" + INSTALL + ")");
    }
    org.junit.jupiter.api.Assumptions.assumeTrue(missing == null, () -> "browser test SKIPPED: " + missing + "; "
        + INSTALL + " to run it (under CI, with CI set, this fails instead of skipping)");
    Path profile = Files.createTempDirectory("chromium-profile");
    List<String> cmd = new ArrayList<>(List.of(BINARY, "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + profile, "--virtual-time-budget=" + SCRIPT_BUDGET_MS));
    cmd.addAll(extra);
    cmd.add(page.toAbsolutePath().toUri().toString());
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("chromium did not finish in " + TIMEOUT_S + " s on " + page);
    }
    if (p.exitValue() != 0) {
      throw new IOException("chromium exited with " + p.exitValue() + " on " + page);
    }
    return new String(out, StandardCharsets.UTF_8);
  }

  private static String missing() throws InterruptedException {
    try {
      Process p = new ProcessBuilder(BINARY, "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return BINARY + " --version did not finish in 60 s";
      }
      return p.exitValue() == 0 ? null : BINARY + " --version failed";
    } catch (IOException e) {
      return BINARY + " cannot be started (" + e.getMessage() + ")";
    }
  }
}
