package io.listeningpost.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;

/**
 * The README's nightly, jobs/nightly.conf on data-samples/, run once per test JVM through the command line
 * in this JVM. The classes that read its output, or change a copy of it, share the one run: each would
 * otherwise spend a minute or two on the same tables.
 */
public final class SampleNightly {
  private static Path root;
  private static RuntimeException failure;

  private SampleNightly() {}

  /**
   * Runs the nightly before a class's own SparkSession starts, for {@code @RegisterExtension @Order(1)}: the
   * command line stops the session it ran in, and would stop one the class had already opened.
   */
  public static BeforeAllCallback first() {
    return context -> root();
  }

  /** The folder holding {@code warehouse/} and {@code reports/}, removed when the JVM exits. */
  public static synchronized Path root() {
    if (failure != null) {
      throw failure;
    }
    if (root == null) {
      try {
        Path dir = Files.createTempDirectory("sample-nightly");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
        String[] out = ConsoleRun.run("nightly", "--config", "jobs/nightly.conf", "--warehouse",
            dir.resolve("warehouse").toString(), "--reports", dir.resolve("reports").toString());
        if (!out[0].equals("0")) {
          throw new IllegalStateException("the sample nightly exited with " + out[0] + ":\n" + out[1]);
        }
        root = dir;
      } catch (IOException e) {
        failure = new UncheckedIOException(e);
      } catch (RuntimeException e) {
        failure = e;
      }
      if (failure != null) {
        throw failure;
      }
    }
    return root;
  }

  public static Path warehouse() {
    return root().resolve("warehouse");
  }

  public static Path reports() {
    return root().resolve("reports");
  }

  /** Its warehouse and reports copied to {@code dir/warehouse} and {@code dir/reports}, for a class that changes them. */
  public static void copyTo(Path dir) {
    FileTrees.copy(warehouse(), dir.resolve("warehouse"));
    FileTrees.copy(reports(), dir.resolve("reports"));
  }

  private static void delete(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // The JVM is exiting; a temporary folder left behind is all that is lost.
    }
  }
}
