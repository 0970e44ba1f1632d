package io.listeningpost.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.listeningpost.core.config.ListeningPostConfig;
import io.listeningpost.ingest.CollectingSink;
import io.listeningpost.testing.Parse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticWriterTest {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void sameSeedSameBytesOtherSeedOtherBytes(@TempDir Path dir) throws Exception {
    new SyntheticWriter(7, 3_000, START, 30).write(dir.resolve("a"), false);
    new SyntheticWriter(7, 3_000, START, 30).write(dir.resolve("b"), false);
    new SyntheticWriter(8, 3_000, START, 30).write(dir.resolve("c"), false);
    assertThat(contents(dir.resolve("a"))).isEqualTo(contents(dir.resolve("b")));
    assertThat(contents(dir.resolve("a"))).isNotEqualTo(contents(dir.resolve("c")));
  }

  @Test
  void everyPostIsReadBackWithItsRepeatsAndBrokenRecordsAccountedFor(@TempDir Path dir) throws Exception {
    SyntheticWriter.Summary s = new SyntheticWriter(3, 20_000, START, 30).write(dir, false);
    ListeningPostConfig config = ListeningPostConfig.load(dir.resolve("generated.conf"),
        ListeningPostConfig.Overrides.none());
    CollectingSink all = new CollectingSink();
    for (var spec : config.sources()) {
      CollectingSink one = Parse.files(spec, Path.of(spec.path()));
      all.posts.addAll(one.posts);
      all.quarantined.addAll(one.quarantined);
    }
    // The corpus exercises both: some records are broken, some posts written twice.
    assertThat(s.broken()).isPositive();
    assertThat(s.repeated()).isPositive();
    // Each broken record costs exactly one post; repeats come back as extra rows of the same posts.
    assertThat(all.quarantined).hasSize(s.broken());
    assertThat(all.posts.size() + all.quarantined.size()).isEqualTo(20_000 + s.repeated());
    assertThat(all.posts.stream().map(p -> p.platform() + "/" + p.postId()).distinct().count())
        .isEqualTo(20_000 - s.broken());
    Map<String, Long> byPlatform = new HashMap<>();
    all.posts.forEach(p -> byPlatform.merge(p.platform(), 1L, Long::sum));
    assertThat(byPlatform).containsOnlyKeys("reddit", "twitter", "stackexchange", "mastodon", "blog", "forum");
    // Power-law activity: the most active author writes far more than the median one. Zipf (s = 1.1)
    // over 2,500 authors gives the top one thousands of posts and the median one a post or two; uniform
    // activity (8 posts each on average) would give a ratio of 2 or 3. 20 separates the two.
    Map<String, Long> perAuthor = new HashMap<>();
    all.posts.stream().filter(p -> p.authorId() != null).forEach(p -> perAuthor.merge(p.authorName(), 1L, Long::sum));
    List<Long> counts = perAuthor.values().stream().sorted().toList();
    assertThat(counts.get(counts.size() - 1)).isGreaterThan(20 * counts.get(counts.size() / 2));
  }

  @Test
  void replacesAFolderItWroteButNotOneItDidNotWriteUnlessForced(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("out");
    new SyntheticWriter(7, 200, START, 30).write(out, false);
    Files.writeString(out.resolve("leftover.txt"), "from an earlier run");
    new SyntheticWriter(7, 200, START, 30).write(out, false);
    assertThat(out.resolve("leftover.txt")).doesNotExist();
    assertThat(out.resolve(".listening-post-generated")).exists();

    Path foreign = Files.createDirectories(dir.resolve("foreign"));
    Files.writeString(foreign.resolve("precious.txt"), "not generated");
    assertThatThrownBy(() -> new SyntheticWriter(7, 200, START, 30).write(foreign, false))
        .isInstanceOf(FolderNotGeneratedException.class)
        .hasMessageContaining(foreign.toString()).hasMessageContaining("--force");
    assertThat(foreign.resolve("precious.txt")).hasContent("not generated");
    assertThat(foreign.resolve("generated.conf")).doesNotExist();

    new SyntheticWriter(7, 200, START, 30).write(foreign, true);
    assertThat(foreign.resolve("precious.txt")).doesNotExist();
    assertThat(foreign.resolve("generated.conf")).exists();
  }

  private static Map<String, String> contents(Path root) throws Exception {
    Map<String, String> out = new HashMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        out.put(root.relativize(p).toString(), Files.readString(p));
      }
    }
    return out;
  }

  @Test
  void dailyFoldersHoldEachPostOnceOnItsOwnDayWithRepliesAcrossDays(@TempDir Path dir) throws Exception {
    SyntheticWriter.Summary s = new SyntheticWriter(5, 6_000, START, 4).writeDaily(dir, false);
    assertThat(s.folders()).isEqualTo(4);
    List<Path> days;
    try (Stream<Path> list = Files.list(dir)) {
      days = list.filter(Files::isDirectory).sorted().toList();
    }
    assertThat(days).extracting(d -> d.getFileName().toString())
        .containsExactly("2026-01-01", "2026-01-02", "2026-01-03", "2026-01-04");
    Map<String, String> dayOfPost = new HashMap<>();
    int rows = 0;
    int quarantined = 0;
    long repliesToEarlierDays = 0;
    for (Path day : days) {
      ListeningPostConfig config = ListeningPostConfig.load(day.resolve("generated.conf"),
          ListeningPostConfig.Overrides.none());
      CollectingSink sink = new CollectingSink();
      for (var spec : config.sources()) {
        CollectingSink one = Parse.files(spec, Path.of(spec.path()));
        sink.posts.addAll(one.posts);
        sink.quarantined.addAll(one.quarantined);
      }
      rows += sink.posts.size();
      quarantined += sink.quarantined.size();
      String name = day.getFileName().toString();
      for (var p : sink.posts) {
        assertThat(p.createdAt().toString()).startsWith(name);
        String key = p.platform() + "/" + p.postId();
        assertThat(dayOfPost.putIfAbsent(key, name)).as(key).isIn(null, name);
        if (p.parentId() != null && dayOfPost.get(p.platform() + "/" + p.parentId()) != null
            && !dayOfPost.get(p.platform() + "/" + p.parentId()).equals(name)) {
          repliesToEarlierDays++;
        }
      }
    }
    assertThat(quarantined).isEqualTo(s.broken());
    assertThat(rows + quarantined).isEqualTo(6_000 + s.repeated());
    assertThat(dayOfPost).hasSize(6_000 - s.broken());
    assertThat(repliesToEarlierDays).isPositive();
  }
}
