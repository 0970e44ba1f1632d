package io.listeningpost.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;

/**
 * The README's nightly, jobs/nightly.conf on data-samples/, run once per test JVM through the command line
 * in this JVM. The classes that read its output, or change a copy of it, share the one run: each would
 * otherwise spend a minute or two on the same tables.
 */
public final class SampleNightly {
  /**
   * Where the run is kept, with {@link #FINISHED} written after it exits 0. {@code notebooks/run --check},
   * later in the same {@code mvn verify}, reads it instead of running the nightly again.
   */
  public static final Path ROOT = Path.of("target/sample-nightly");
  public static final String FINISHED = "finished";
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

  /** The folder holding {@code warehouse/} and {@code reports/}: {@link #ROOT}, written again by each test JVM. */
  public static synchronized Path root() {
    if (failure != null) {
      throw failure;
    }
    if (root == null) {
      try {
        // The mark goes first, so that a delete cut short never leaves it beside a partial run.
        Files.deleteIfExists(ROOT.resolve(FINISHED));
        delete(ROOT);
        Files.createDirectories(ROOT);
        String[] out = ConsoleRun.run("nightly", "--config", "jobs/nightly.conf", "--warehouse",
            ROOT.resolve("warehouse").toString(), "--reports", ROOT.resolve("reports").toString());
        if (!out[0].equals("0")) {
          throw new IllegalStateException("the sample nightly exited with " + out[0] + ":\n" + out[1]);
        }
        Path finished = Files.writeString(ROOT.resolve(FINISHED),
            "jobs/listening-post nightly on data-samples/, exit code 0\n");
        // Dated when this JVM started, with the classes it ran: a file changed after that is newer than the mark.
        Files.setLastModifiedTime(finished, FileTime.fromMillis(ManagementFactory.getRuntimeMXBean().getStartTime()));
        root = ROOT;
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

  private static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
