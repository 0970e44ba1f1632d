package io.listeningpost.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import io.listeningpost.core.config.ListeningPostConfig;
import io.listeningpost.core.config.PathChecks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PathChecksTest {
  private static final Set<String> TABLES = Set.of("posts", "authors", "_runs");

  private static List<String> problems(String warehouse, String reports) {
    ListeningPostConfig c = ListeningPostConfig.fromConfig(
        ConfigFactory.parseString("sources = [ { format = reddit, path = \"data-samples/reddit\" } ]"), "test.conf",
        Path.of("").toAbsolutePath(), new ListeningPostConfig.Overrides(warehouse, reports, null, false, List.of()));
    return PathChecks.problems(c, TABLES);
  }

  @Test
  void aNewAnEmptyOrAnExistingWarehouseIsAccepted(@TempDir Path dir) throws Exception {
    Path reports = dir.resolve("reports");
    assertThat(problems(dir.resolve("new/deeper/wh").toString(), reports.toString())).isEmpty();
    assertThat(problems(Files.createDirectories(dir.resolve("empty")).toString(), reports.toString())).isEmpty();
    Path warehouse = Files.createDirectories(dir.resolve("wh/posts/dt=2026-11-28"));
    Files.writeString(dir.resolve("wh/notes.txt"), "a note beside the tables");
    assertThat(problems(dir.resolve("wh").toString(), reports.toString())).isEmpty();
    // A warehouse whose first run stopped before it wrote a table holds only its own _-prefixed folders.
    Files.createDirectories(dir.resolve("started/_staging"));
    assertThat(problems(dir.resolve("started").toString(), reports.toString())).isEmpty();
    assertThat(warehouse).exists();
  }

  @Test
  void aFolderThatHoldsSomethingElseIsRefusedNamingWhatItHolds(@TempDir Path dir) throws Exception {
    Path home = Files.createDirectories(dir.resolve("home"));
    for (String name : List.of("Documents", "Downloads", "Music", "Pictures", "Videos", "notes.txt", ".bashrc")) {
      Files.createDirectories(home.resolve(name));
    }
    assertThat(problems(home.toString(), dir.resolve("reports").toString())).singleElement().asString()
        .startsWith("warehouse = \"" + home + "\": is not a warehouse: it holds Documents, Downloads, Music, Pictures, "
            + "Videos and 2 more, and none of the warehouse's tables")
        .endsWith("name a new or empty folder, or an existing warehouse");
  }

  @Test
  void aFileOrAFolderThatCannotBeCreatedIsRefused(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("file.txt"), "x");
    assertThat(problems(file.toString(), file.toString())).containsExactly(
        "warehouse = \"" + file + "\": is a file, not a folder", "reports = \"" + file + "\": is a file, not a folder");
    assertThat(problems(file.resolve("wh").toString(), dir.resolve("reports").toString())).containsExactly(
        "warehouse = \"" + file.resolve("wh") + "\": cannot be created: " + file + " is a file");
    // /proc takes no new files, whoever runs the test (root included).
    assertThat(problems(dir.resolve("wh").toString(), "/proc/listening-post/reports")).containsExactly(
        "reports = \"/proc/listening-post/reports\": cannot be created: /proc is not writable");
  }

  @Test
  void otherFileSystemsAreLeftToTheRunAndReportsMustBeLocal(@TempDir Path dir) {
    assertThat(problems("hdfs://namenode:8020/lp/wh", dir.resolve("reports").toString())).isEmpty();
    assertThat(problems("s3a://bucket/lp/wh", "s3a://bucket/lp/reports")).containsExactly(
        "reports = \"s3a://bucket/lp/reports\": must be a local folder (reports and run summaries are written to the "
            + "local disk)");
    assertThat(problems(dir.resolve("wh").toUri().toString(), dir.resolve("reports").toString())).isEmpty();
  }
}
