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
      // docs/tables.md: the excerpt is the first 500 characters of the raw record.
      assertThat(q.excerpt()).isEqualTo(huge.substring(0, 500) + "…");
    });
  }

  /** The reasons of a folder's quarantined posts, by position. */
  private static List<String> reasons(SourceSpec spec, Path dir) throws Exception {
    return Parse.files(spec, dir).quarantined.stream().map(q -> q.position() + ": " + q.reason()).toList();
  }

  @Test
  void aTimeThatCannotBeReadIsQuotedWhereAnAbsentOneIsCalledMissing(@TempDir Path dir) throws Exception {
    String garbage = "x".repeat(500);
    String cut = "unparseable time '" + "x".repeat(60) + "…'";

    Path reddit = Files.createDirectories(dir.resolve("reddit"));
    Files.writeString(reddit.resolve("RC.ndjson"), String.join("\n",
        "{\"id\":\"a1\",\"body\":\"no time\",\"author\":\"u\"}",
        "{\"id\":\"a2\",\"body\":\"bad time\",\"author\":\"u\",\"created_utc\":\"yesterday\"}",
        "{\"id\":\"a3\",\"title\":\"t\",\"selftext\":\"s\",\"created_utc\":{\"when\":1}}",
        "{\"id\":\"a4\",\"body\":\"long bad time\",\"created_utc\":\"" + garbage + "\"}"));
    assertThat(reasons(SourceSpec.of(SourceFormat.REDDIT, reddit.toString()), reddit)).containsExactly(
        "line 1: missing creation time", "line 2: unparseable time 'yesterday'",
        "line 3: unparseable time '{\"when\":1}'", "line 4: " + cut);

    Path threads = Files.createDirectories(dir.resolve("threads"));
    Files.writeString(threads.resolve("thread.json"), "{\"sid\":\"t1\",\"title\":\"t\",\"text\":\"x\","
        + "\"created\":\"noon\",\"num_comments\":0}");
    Files.writeString(threads.resolve("thread2.json"), "{\"sid\":\"t2\",\"title\":\"t\",\"text\":\"x\","
        + "\"created\":1795036000,\"comments\":{\"c1\":{\"text\":\"no time\"},\"c2\":{\"text\":\"y\","
        + "\"created\":\"later\"}}}");
    assertThat(reasons(SourceSpec.of(SourceFormat.REDDIT, threads.toString()), threads))
        .extracting(r -> r.substring(r.indexOf(": ") + 2))
        .containsExactly("unparseable time 'noon'", "missing creation time", "unparseable time 'later'");

    Path twitter = Files.createDirectories(dir.resolve("twitter"));
    Files.writeString(twitter.resolve("search.jsonl"), "{\"data\":[{\"id\":\"1\",\"text\":\"no time\"},"
        + "{\"id\":\"2\",\"text\":\"bad time\",\"created_at\":\"last tuesday\"}]}\n");
    assertThat(reasons(SourceSpec.of(SourceFormat.TWITTER, twitter.toString()), twitter))
        .extracting(r -> r.substring(r.indexOf(": ") + 2))
        .containsExactly("missing creation time", "unparseable time 'last tuesday'");

    Path mastodon = Files.createDirectories(dir.resolve("mastodon"));
    Files.writeString(mastodon.resolve("statuses.json"), "[{\"id\":\"1\",\"content\":\"<p>no time</p>\","
        + "\"account\":{\"id\":\"7\",\"acct\":\"a\"}},{\"id\":\"2\",\"content\":\"<p>bad time</p>\","
        + "\"created_at\":\"2026-13-45T99:00:00Z\",\"account\":{\"id\":\"7\",\"acct\":\"a\"}}]");
    assertThat(reasons(SourceSpec.of(SourceFormat.MASTODON, mastodon.toString()), mastodon))
        .extracting(r -> r.substring(r.indexOf(": ") + 2))
        .containsExactly("missing creation time", "unparseable time '2026-13-45T99:00:00Z'");

    Path feed = Files.createDirectories(dir.resolve("feed"));
    Files.writeString(feed.resolve("blog.xml"), """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>Blog</title><link>https://blog.example/</link>
        <item><title>No date</title><link>https://blog.example/1</link><description>a</description></item>
        <item><title>Bad date</title><link>https://blog.example/2</link><pubDate>not a date</pubDate>
        <description>b</description></item>
        </channel></rss>
        """);
    assertThat(reasons(SourceSpec.of(SourceFormat.FEED, feed.toString()), feed))
        .extracting(r -> r.substring(r.indexOf(": ") + 2))
        .containsExactly("missing creation time", "unparseable time 'not a date'");

    Path site = Files.createDirectories(dir.resolve("stackexchange/hr.stackexchange.com"));
    Files.writeString(site.resolve("Posts.xml"), """
        <?xml version="1.0" encoding="utf-8"?>
        <posts>
          <row Id="1" PostTypeId="1" Body="no date" Title="a" />
          <row Id="2" PostTypeId="1" CreationDate="18/11/2026 09:12" Body="bad date" Title="b" />
        </posts>
        """);
    assertThat(reasons(SourceSpec.of(SourceFormat.STACKEXCHANGE, site.toString()), site))
        .extracting(r -> r.substring(r.indexOf(": ") + 2))
        .containsExactly("missing creation time", "unparseable time '18/11/2026 09:12'");

    Path csv = Files.createDirectories(dir.resolve("csv"));
    Files.writeString(csv.resolve("export.csv"), "id,ts,text\np1,,no time\np2,soon,bad time\np3," + garbage + ",long\n");
    SourceSpec mapped = new SourceSpec("forum", SourceFormat.CSV, csv.toString(), null, "forum",
        java.util.Map.of("post_id", "id", "created_at", "ts", "text", "text"), "epoch-seconds", ",");
    assertThat(reasons(mapped, csv)).containsExactly("line 2: missing creation time",
        "line 3: unparseable time 'soon' for time-format epoch-seconds",
        "line 4: " + cut + " for time-format epoch-seconds");
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
  void discoveryFindsFilesAtAnyDepthAndLeavesOutHiddenNamesAndWhatLiesBelowThem(@TempDir Path dir) throws Exception {
    String line = "{\"id\":\"a1\",\"body\":\"hi\",\"created_utc\":1}\n";
    Files.createDirectories(dir.resolve("2021/12"));
    Files.createDirectories(dir.resolve("_temporary/0"));
    Files.createDirectories(dir.resolve(".cache"));
    for (String f : List.of("top.ndjson", "2021/12/deep.ndjson", "_SUCCESS", ".top.ndjson.crc", "2021/_part.ndjson",
        "_temporary/0/half.ndjson", ".cache/old.ndjson")) {
      Files.writeString(dir.resolve(f), line);
    }
    SourceFiles.Discovery d = new SourceFiles(new Configuration(), IngestLimits.defaults())
        .discover(List.of(SourceSpec.of(SourceFormat.REDDIT, dir.toString())));
    assertThat(d.splits()).extracting(s -> dir.relativize(Path.of(s.path())).toString())
        .containsExactly("2021/12/deep.ndjson", "top.ndjson");
    assertThat(d.fileProblems()).isEmpty();
  }

  @Test
  void largeLineFilesAreCutIntoSplitsOfTheConfiguredSizeAndEveryRecordIsReadOnce(@TempDir Path dir) throws Exception {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 5_000; i++) {
      sb.append("{\"id\":\"c").append(i).append("\",\"body\":\"comment number ").append(i)
          .append(" é\",\"author\":\"u").append(i % 7).append("\",\"created_utc\":").append(1795166400 + i).append("}\n");
    }
    Path file = Files.writeString(dir.resolve("big.ndjson"), sb.toString(), StandardCharsets.UTF_8);
    IngestLimits limits = new IngestLimits(100_000, 1 << 20, 1 << 16, false);
    SourceSpec spec = SourceSpec.of(SourceFormat.REDDIT, dir.toString());
    SourceFiles.Discovery d = new SourceFiles(new Configuration(), limits).discover(List.of(spec));
    // Splits of at most the configured 64 KiB: the file's size divided by 64 KiB, rounded up.
    assertThat(d.splits()).hasSize((int) ((Files.size(file) + (1 << 16) - 1) / (1 << 16))).hasSizeGreaterThan(1);
    CollectingSink all = new CollectingSink();
    io.listeningpost.ingest.read.SplitReader reader = new io.listeningpost.ingest.read.SplitReader(Parse.LOCAL, limits);
    d.splits().forEach(s -> reader.read(s, all));
    assertThat(all.quarantined).isEmpty();
    assertThat(all.posts).hasSize(5_000);
    assertThat(all.posts.stream().map(p -> p.postId()).distinct()).hasSize(5_000);
  }
}
