package io.listeningpost.run;

import static io.listeningpost.testing.ParquetFiles.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.listeningpost.testing.ConsoleRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.parquet.example.data.Group;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new user's first run: a job file that names only its warehouse, the input and settings given on the
 * command line. The defaults complete the job, and the run records the settings it ran with.
 */
@Tag("spark")
class CommandLineJobTest {
  @Test
  void aWarehouseOnlyJobIngestsTheSourceAndSettingsOfTheCommandLine(@TempDir Path dir) throws Exception {
    Path job = Files.writeString(dir.resolve("job.conf"), "warehouse = \"" + dir.resolve("wh") + "\"\n");

    // The sample's 2 malformed posts of 16 read are 12.5%: over the default run.max-quarantine-share of 5%
    // (the run would end PARTIAL, exit code 3), within this job's 20%.
    String[] r = ConsoleRun.run("ingest", "--config", job.toString(), "--source", "reddit=data-samples/reddit",
        "--conf", "reports=" + dir.resolve("reports"), "--conf", "ingest.rows-per-file=100000",
        "--conf", "spark.master=local[2]", "--conf", "run.max-quarantine-share=0.2");

    assertThat(r[0]).as(r[1]).isEqualTo("0");
    assertThat(r[1]).contains("Listening Post ingest — SUCCEEDED")
        .contains("posts quarantined: 12.50% of those read (run.max-quarantine-share = 20.00%)")
        .contains("config " + job + " --conf ingest.rows-per-file=100000 --conf reports=" + dir.resolve("reports")
            + " --conf run.max-quarantine-share=0.2 --conf spark.master=local[2]")
        .contains("sources: reddit=data-samples/reddit");
    assertThat(rows(dir.resolve("wh/posts"))).isNotEmpty();
    List<Group> runs = rows(dir.resolve("wh/_runs"));
    assertThat(runs).singleElement().satisfies(run -> {
      assertThat(run.getString("status", 0)).isEqualTo("SUCCEEDED");
      assertThat(run.getString("spark_master", 0)).isEqualTo("local[2]");
      assertThat(run.getGroup("sources", 0).getGroup(0, 0).getString(0, 0)).isEqualTo("reddit=data-samples/reddit");
    });
    try (Stream<Path> kept = Files.list(dir.resolve("reports/runs"))) {
      assertThat(kept).singleElement().satisfies(f -> assertThat(Files.readString(f)).contains("--conf ingest.rows-per-file=100000"));
    }
  }
}
