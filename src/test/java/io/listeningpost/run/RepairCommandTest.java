package io.listeningpost.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.listeningpost.storage.TablePublisher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepairCommandTest {
  @Test
  void repairCompletesAPublishStoppedHalfwayAndThenFindsNothingToDo(@TempDir Path dir) throws Exception {
    Path wh = dir.resolve("wh");
    Files.createDirectories(wh.resolve("authors"));
    Files.writeString(wh.resolve("authors/part-0.parquet"), "old");
    Files.createDirectories(wh.resolve("_staging/run-1/authors"));
    Files.writeString(wh.resolve("_staging/run-1/authors/part-0.parquet"), "new");
    TablePublisher stopsAfterMovingAside = new TablePublisher(new Configuration(), wh.toString(), "run-1", step -> {
      if (step.startsWith("moved aside")) {
        throw new IOException("stopped");
      }
    });
    assertThatThrownBy(() -> stopsAfterMovingAside.publishTable("authors")).hasMessage("stopped");
    assertThat(wh.resolve("authors")).doesNotExist();

    assertThat(Main.run("repair", "--config", "jobs/nightly.conf", "--warehouse", wh.toString())).isZero();
    assertThat(Files.readString(wh.resolve("authors/part-0.parquet"))).isEqualTo("new");
    assertThat(wh.resolve("_commits").toFile().list()).isEmpty();

    assertThat(Main.run("repair", "--config", "jobs/nightly.conf", "--warehouse", wh.toString())).isZero();
    assertThat(Files.readString(wh.resolve("authors/part-0.parquet"))).isEqualTo("new");
  }
}
