package io.listeningpost.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.listeningpost.core.config.IngestLimits;
import io.listeningpost.core.config.SourceFormat;
import io.listeningpost.core.config.SourceSpec;
import io.listeningpost.testing.Parse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Limits and broken files: every problem ends in a quarantine row, or stops the run with fail-fast. */
class BadInputTest {

  @Test
  void overlongTextIsCutAndFlaggedAndOversizedRecordsAreQuarantined(@TempDir Path dir) throws Exception {
    String longBody = "x".repeat(5_000);
    String hugeBody = "y".repeat(20_000);
    String huge = "{\"id\":\"a2\",\"body\":\"" + hugeBody + "\",\"author\":\"u\",\"created_utc\":1795166400,\"subreddit\":\"jobs\"}";
    Files.writeString(dir.resolve("c.ndjson"), String.join("\n",
        "{\"id\":\"a1\",\"body\":\"" + longBody + "\",\"author\":\"u\",\"created_utc\":1795166400,\"subreddit\":\"jobs\"}",
        huge,
        "{\"id\":\"a3\",\"body\":\"fine \\u0000 after a NUL\",\"author\":\"u\",\"created_utc\":1795166400}"));
    IngestLimits limits = new IngestLimits(1_000, 10_000, 1 << 20, false);
    CollectingSink out = Parse.files(SourceSpec.of(SourceFormat.REDDIT, dir.toString()), limits, dir);
    assertThat(out.posts).hasSize(2);
    assertThat(out.posts.get(0).text()).hasSize(1_000);
    assertThat(out.posts.get(0).textTruncated()).isTrue();
    assertThat(out.posts.get(1).text()).isEqualTo("fine  after a NUL");
    assertThat(out.quarantined).singleElement().satisfies(q -> {
      assertThat(q.position()).isEqualTo("line 2");
      assertThat(q.reason()).isEqualTo("record of " + huge.length() + " bytes exceeds ingest.max-record-bytes = 10000");
      assertThat(q.excerpt()).hasSizeLessThanOrEqualTo(501);
    });
  }

  @Test
  void emptyFilesAreReportedByNameOrStopTheRunWithFailFast(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("good.ndjson"), "{\"id\":\"a1\",\"body\":\"hi\",\"created_utc\":1}\n");
    Files.write(dir.resolve("empty.ndjson"), new byte[0]);
    SourceSpec spec = SourceSpec.of(SourceFormat.REDDIT, dir.toString());
    SourceFiles.Discovery d = new SourceFiles(new Configuration(), IngestLimits.defaults()).discover(List.of(spec));
    assertThat(d.splits()).singleElement().satisfies(s -> assertThat(s.path()).endsWith("good.ndjson"));
    assertThat(d.fileProblems()).singleElement().satisfies(q -> {
      assertThat(q.source()).endsWith("empty.ndjson");
      assertThat(q.reason()).isEqualTo("empty file");
      assertThat(q.table()).isEqualTo("_files");
    });
    IngestLimits failFast = new IngestLimits(100_000, 1 << 20, 1 << 20, true);
    assertThatThrownBy(() -> new SourceFiles(new Configuration(), failFast).discover(List.of(spec)))
        .isInstanceOf(SourceFiles.InputFileException.class)
        .hasMessageContaining("empty.ndjson: empty file (ingest.fail-fast is on)");
  }

  @Test
  void largeLineFilesAreSplitAndEveryRecordIsReadOnce(@TempDir Path dir) throws Exception {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 5_000; i++) {
      sb.append("{\"id\":\"c").append(i).append("\",\"body\":\"comment number ").append(i)
          .append(" é\",\"author\":\"u").append(i % 7).append("\",\"created_utc\":").append(1795166400 + i).append("}\n");
    }
    Path file = Files.writeString(dir.resolve("big.ndjson"), sb.toString(), StandardCharsets.UTF_8);
    IngestLimits limits = new IngestLimits(100_000, 1 << 20, 1 << 16, false);
    SourceSpec spec = SourceSpec.of(SourceFormat.REDDIT, dir.toString());
    SourceFiles.Discovery d = new SourceFiles(new Configuration(), limits).discover(List.of(spec));
    assertThat(d.splits()).hasSize((int) ((Files.size(file) + (1 << 16) - 1) / (1 << 16)));
    CollectingSink all = new CollectingSink();
    io.listeningpost.ingest.read.SplitReader reader = new io.listeningpost.ingest.read.SplitReader(Parse.LOCAL, limits);
    d.splits().forEach(s -> reader.read(s, all));
    assertThat(all.quarantined).isEmpty();
    assertThat(all.posts).hasSize(5_000);
    assertThat(all.posts.stream().map(p -> p.postId()).distinct()).hasSize(5_000);
  }
}
