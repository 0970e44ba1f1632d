package io.listeningpost.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import io.listeningpost.core.config.CommandLineSettings;
import io.listeningpost.core.config.ListeningPostConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** What a run prints and records about its configuration; Spark is not started. */
class RunRecorderTest {
  private static final ListeningPostConfig CONFIG = ListeningPostConfig.fromConfig(ConfigFactory.parseString("""
      sources = [
        { format = reddit, path = "s3a://AKIAEXAMPLE:SOURCEPW@bucket/reddit" }
        { format = feed, path = "https://blog.example.com/comments/feed?token=TOKENPW" }
      ]
      """), "jobs/mine.conf", Path.of("").toAbsolutePath(), new ListeningPostConfig.Overrides(null, null, null, false,
      List.of(), CommandLineSettings.parse(List.of("warehouse=s3a://AKIAEXAMPLE:WAREHOUSEPW@bucket/wh",
          "graph.window-days=365"), new ArrayList<>())));

  @Test
  void theSummaryNamesTheConfSettingsAndMasksEveryCredential() {
    String summary = RunRecorder.summary("ingest", "r1", LocalDate.of(2026, 11, 29), "FAILED", Duration.ofSeconds(3),
        CONFIG, null, "The run failed: cannot write s3a://AKIAEXAMPLE:WAREHOUSEPW@bucket/wh/_runs");
    assertThat(summary)
        .contains("config jobs/mine.conf --conf graph.window-days=365 --conf warehouse=s3a://***@bucket/wh")
        .contains("sources: reddit=s3a://***@bucket/reddit feed=https://blog.example.com/comments/feed?token=***")
        .contains("cannot write s3a://***@bucket/wh/_runs")
        .doesNotContain("SOURCEPW", "TOKENPW", "WAREHOUSEPW");
  }

  @Test
  void theRunsRowMasksSourcesAndMessage() {
    Row row = RunRecorder.row(CONFIG, "r1", "ingest", LocalDate.of(2026, 11, 29), "FAILED", Instant.EPOCH,
        Instant.EPOCH.plusSeconds(1), null, "failed at https://u:MESSAGEPW@h/x");
    assertThat(row.<String>getAs(7)).isEqualTo(CONFIG.hash());
    assertThat((String[]) row.get(11)).containsExactly("reddit=s3a://***@bucket/reddit",
        "feed=https://blog.example.com/comments/feed?token=***");
    assertThat(row.<String>getAs(15)).isEqualTo("failed at https://***@h/x");
  }
}
