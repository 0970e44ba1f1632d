package io.listeningpost.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stops a publish at each of its steps, as a crash would, and checks that the next run's recovery
 * leaves every table as its previous version or its new one, with nothing lost or duplicated.
 */
class TablePublisherTest {
  private static final class Halt extends IOException {
    Halt(String step) {
      super("halted at " + step);
    }
  }

  /** Throws at the {@code n}-th step reached, and records every step. */
  private static final class HaltAt implements TablePublisher.StepHook {
    final int n;
    final List<String> steps = new ArrayList<>();

    HaltAt(int n) {
      this.n = n;
    }

    @Override
    public void reached(String step) throws IOException {
      steps.add(step);
      if (steps.size() == n) {
        throw new Halt(step);
      }
    }
  }

  @Test
  void aPartitionPublishStoppedAtAnyStepIsCompletedByTheNextRunsRecovery(@TempDir Path dir) throws Exception {
    HaltAt counter = new HaltAt(Integer.MAX_VALUE);
    Path counted = dir.resolve("count");
    writeOldTable(counted);
    stage(counted, "run-2");
    new TablePublisher(new Configuration(), counted.toString(), "run-2", counter).publishPartitions("posts");
    assertThat(counter.steps).containsExactly("staged posts", "recorded posts", "moved aside dt=2026-11-02",
        "moved in dt=2026-11-02", "moved in dt=2026-11-03", "backups deleted");
    int steps = counter.steps.size();
    for (int halt = 1; halt <= steps; halt++) {
      Path root = dir.resolve("halt-" + halt);
      writeOldTable(root);
      stage(root, "run-2");
      TablePublisher publisher = new TablePublisher(new Configuration(), root.toString(), "run-2", new HaltAt(halt));
      assertThatThrownBy(() -> publisher.publishPartitions("posts")).isInstanceOf(Halt.class);

      List<String> actions = new TablePublisher(new Configuration(), root.toString(), "run-3",
          TablePublisher.StepHook.NONE).recover();

      Map<String, String> table = contents(root.resolve("posts"));
      if (halt == 1) {
        // Stopped before the commit record: the publish never began, the old table stands.
        assertThat(table).as("halt at step %d", halt).isEqualTo(oldTable());
        assertThat(actions).containsExactly("removed unpublished staging of run run-2");
      } else {
        assertThat(table).as("halt at step %d", halt).isEqualTo(newTable());
        assertThat(actions).first().asString().startsWith("completed the interrupted publish run-2.posts");
      }
      assertThat(root.resolve(TablePublisher.STAGING)).isEmptyDirectory();
      assertThat(root.resolve(TablePublisher.COMMITS).toFile().list()).isNullOrEmpty();
    }
  }

  @Test
  void aWholeTablePublishStoppedAtAnyStepIsCompletedByTheNextRunsRecovery(@TempDir Path dir) throws Exception {
    HaltAt counter = new HaltAt(Integer.MAX_VALUE);
    Path counted = dir.resolve("count");
    write(counted.resolve("authors/part-0.parquet"), "old");
    write(counted.resolve("_staging/run-2/authors/part-0.parquet"), "new");
    new TablePublisher(new Configuration(), counted.toString(), "run-2", counter).publishTable("authors");
    int steps = counter.steps.size();
    assertThat(steps).isEqualTo(5);
    for (int halt = 1; halt <= steps; halt++) {
      Path root = dir.resolve("halt-" + halt);
      write(root.resolve("authors/part-0.parquet"), "old authors");
      write(root.resolve("_staging/run-2/authors/part-0.parquet"), "new authors");
      TablePublisher publisher = new TablePublisher(new Configuration(), root.toString(), "run-2", new HaltAt(halt));
      assertThatThrownBy(() -> publisher.publishTable("authors")).isInstanceOf(Halt.class);
      new TablePublisher(new Configuration(), root.toString(), "run-3", TablePublisher.StepHook.NONE).recover();
      assertThat(contents(root.resolve("authors"))).as("halt at step %d", halt)
          .isEqualTo(Map.of("part-0.parquet", halt == 1 ? "old authors" : "new authors"));
    }
  }

  @Test
  void aRecoveryThatIsItselfStoppedIsCompletedByTheNextOne(@TempDir Path dir) throws Exception {
    writeOldTable(dir);
    stage(dir, "run-2");
    TablePublisher first = new TablePublisher(new Configuration(), dir.toString(), "run-2", new HaltAt(3));
    assertThatThrownBy(() -> first.publishPartitions("posts")).isInstanceOf(Halt.class);
    // The recovery stops after its first move (its first step is "moved aside" of the first partition).
    TablePublisher interrupted = new TablePublisher(new Configuration(), dir.toString(), "run-3", new HaltAt(1));
    assertThatThrownBy(interrupted::recover).isInstanceOf(Halt.class);
    new TablePublisher(new Configuration(), dir.toString(), "run-4", TablePublisher.StepHook.NONE).recover();
    assertThat(contents(dir.resolve("posts"))).isEqualTo(newTable());
  }

  @Test
  void anUninterruptedPublishReplacesOnlyTheStagedPartitions(@TempDir Path dir) throws Exception {
    writeOldTable(dir);
    stage(dir, "run-2");
    TablePublisher p = new TablePublisher(new Configuration(), dir.toString(), "run-2", TablePublisher.StepHook.NONE);
    assertThat(p.publishPartitions("posts")).containsExactly("dt=2026-11-02", "dt=2026-11-03");
    p.cleanUp();
    assertThat(contents(dir.resolve("posts"))).isEqualTo(newTable());
    assertThat(dir.resolve(TablePublisher.STAGING)).isEmptyDirectory();
  }

  @Test
  void anAppendStoppedAtAnyStepLeavesWholeFilesOnlyAndRecoveryRemovesTheRest(@TempDir Path dir) throws Exception {
    HaltAt counter = new HaltAt(Integer.MAX_VALUE);
    Path counted = dir.resolve("count");
    writeAppend(counted);
    assertThat(new TablePublisher(new Configuration(), counted.toString(), "run-2", counter).appendStaged("nlp_cache"))
        .isEqualTo(2);
    assertThat(counter.steps).containsExactly("appended part-1.parquet", "appended part-2.parquet");
    assertThat(contents(counted.resolve("nlp_cache"))).isEqualTo(Map.of("part-0.parquet", "old",
        "part-1.parquet", "new 1", "part-2.parquet", "new 2"));
    assertThat(counted.resolve(TablePublisher.STAGING)).isEmptyDirectory();
    for (int halt = 1; halt <= counter.steps.size(); halt++) {
      Path root = dir.resolve("halt-" + halt);
      writeAppend(root);
      TablePublisher publisher = new TablePublisher(new Configuration(), root.toString(), "run-2", new HaltAt(halt));
      assertThatThrownBy(() -> publisher.appendStaged("nlp_cache")).isInstanceOf(Halt.class);
      List<String> actions = new TablePublisher(new Configuration(), root.toString(), "run-3",
          TablePublisher.StepHook.NONE).recover();
      Map<String, String> expected = new TreeMap<>(Map.of("part-0.parquet", "old", "part-1.parquet", "new 1"));
      if (halt == 2) {
        expected.put("part-2.parquet", "new 2");
      }
      assertThat(contents(root.resolve("nlp_cache"))).as("halt at step %d", halt).isEqualTo(expected);
      assertThat(actions).containsExactly("removed unpublished staging of run run-2");
      assertThat(root.resolve(TablePublisher.STAGING)).isEmptyDirectory();
    }
  }

  @Test
  void partitionsDroppedInThePublishAreGoneAtWhateverStepItStopped(@TempDir Path dir) throws Exception {
    HaltAt counter = new HaltAt(Integer.MAX_VALUE);
    Path counted = dir.resolve("count");
    writeOldTable(counted);
    write(counted.resolve("_staging/run-2/posts/dt=2026-11-02/part-0.parquet"), "day 2 new");
    new TablePublisher(new Configuration(), counted.toString(), "run-2", counter)
        .publishPartitions("posts", List.of("dt=2026-11-01", "dt=2026-11-02", "dt=2026-10-01"));
    assertThat(counter.steps).containsExactly("staged posts", "recorded posts", "moved aside dt=2026-11-02",
        "moved in dt=2026-11-02", "dropped dt=2026-11-01", "backups deleted");
    Map<String, String> after = Map.of("dt=2026-11-02/part-0.parquet", "day 2 new");
    assertThat(contents(counted.resolve("posts"))).isEqualTo(after);
    for (int halt = 1; halt <= counter.steps.size(); halt++) {
      Path root = dir.resolve("halt-" + halt);
      writeOldTable(root);
      write(root.resolve("_staging/run-2/posts/dt=2026-11-02/part-0.parquet"), "day 2 new");
      TablePublisher publisher = new TablePublisher(new Configuration(), root.toString(), "run-2", new HaltAt(halt));
      assertThatThrownBy(() -> publisher.publishPartitions("posts", List.of("dt=2026-11-01", "dt=2026-11-02")))
          .isInstanceOf(Halt.class);
      new TablePublisher(new Configuration(), root.toString(), "run-3", TablePublisher.StepHook.NONE).recover();
      assertThat(contents(root.resolve("posts"))).as("halt at step %d", halt).isEqualTo(halt == 1 ? oldTable() : after);
      assertThat(root.resolve(TablePublisher.STAGING)).isEmptyDirectory();
    }
  }

  @Test
  void anAppendTakesFilesNotFolders(@TempDir Path dir) throws Exception {
    write(dir.resolve("_staging/run-2/posts/dt=2026-11-02/part-0.parquet"), "a day");
    TablePublisher p = new TablePublisher(new Configuration(), dir.toString(), "run-2", TablePublisher.StepHook.NONE);
    assertThatThrownBy(() -> p.appendStaged("posts")).hasMessageContaining("unpartitioned");
  }

  @Test
  void pendingNamesTheRecordsOfPublishesLeftHalfDone(@TempDir Path dir) throws Exception {
    writeOldTable(dir);
    stage(dir, "run-2");
    TablePublisher none = new TablePublisher(new Configuration(), dir.toString(), "run-2", TablePublisher.StepHook.NONE);
    assertThat(none.pending()).isEmpty();
    TablePublisher halted = new TablePublisher(new Configuration(), dir.toString(), "run-2", new HaltAt(3));
    assertThatThrownBy(() -> halted.publishPartitions("posts")).isInstanceOf(Halt.class);
    assertThat(none.pending()).containsExactly("run-2.posts");
    new TablePublisher(new Configuration(), dir.toString(), "run-3", TablePublisher.StepHook.NONE).recover();
    assertThat(none.pending()).isEmpty();
  }

  /** One file in the table; the run staged two more, with Spark's marker file, which is not data. */
  private static void writeAppend(Path root) throws IOException {
    write(root.resolve("nlp_cache/part-0.parquet"), "old");
    write(root.resolve("_staging/run-2/nlp_cache/part-2.parquet"), "new 2");
    write(root.resolve("_staging/run-2/nlp_cache/part-1.parquet"), "new 1");
    write(root.resolve("_staging/run-2/nlp_cache/_SUCCESS"), "");
  }

  /** Days 1 and 2 published; the new run rewrites day 2 and adds day 3. */
  private static void writeOldTable(Path root) throws IOException {
    write(root.resolve("posts/dt=2026-11-01/part-0.parquet"), "day 1");
    write(root.resolve("posts/dt=2026-11-02/part-0.parquet"), "day 2 old");
  }

  private static void stage(Path root, String run) throws IOException {
    write(root.resolve("_staging/" + run + "/posts/dt=2026-11-02/part-0.parquet"), "day 2 new");
    write(root.resolve("_staging/" + run + "/posts/dt=2026-11-03/part-0.parquet"), "day 3 new");
  }

  private static Map<String, String> oldTable() {
    return Map.of("dt=2026-11-01/part-0.parquet", "day 1", "dt=2026-11-02/part-0.parquet", "day 2 old");
  }

  private static Map<String, String> newTable() {
    return Map.of("dt=2026-11-01/part-0.parquet", "day 1", "dt=2026-11-02/part-0.parquet", "day 2 new",
        "dt=2026-11-03/part-0.parquet", "day 3 new");
  }

  private static void write(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  /** Every data file under the table, by relative path (Hadoop's .crc side files left out). */
  private static Map<String, String> contents(Path table) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(table)) {
      for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
          .toList()) {
        out.put(table.relativize(f).toString(), Files.readString(f));
      }
    }
    return out;
  }
}
