package io.listeningpost.generate;

import io.listeningpost.generate.SyntheticCorpus.Item;
import io.listeningpost.generate.SyntheticCorpus.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Writes a {@link SyntheticCorpus} in every supported export format, one {@link PlatformExport} per
 * platform, and {@code generated.conf}, a job configuration that reads it. About 1 in 200 posts is
 * written again in a later file (half of those edited), and about 1 in 1,000 records is broken on
 * purpose; the summary says how many of each.
 */
public final class SyntheticWriter {
  private static final String GENERATED_CONF = """
      # Reads the synthetic corpus written by `listening-post generate`.
      sources = [
        { format = reddit, path = "reddit" }
        { format = twitter, path = "twitter", community = "twitter-hr" }
        { format = mastodon, path = "mastodon" }
        { format = stackexchange, path = "stackexchange" }
        { format = feed, path = "feed" }
        { format = csv, path = "csv", platform = forum, time-format = epoch-seconds
          mapping { post_id = id, parent_id = reply_to, author_id = user, text = message, created_at = ts,
                    community = board, score = likes, edited_at = edited } }
      ]
      """;

  private final SyntheticCorpus corpus;
  private final int posts;
  private final SplittableRandom random;

  public SyntheticWriter(long seed, int posts, Instant start, int days) {
    this.corpus = new SyntheticCorpus(seed, posts, start, days);
    this.posts = posts;
    this.random = new SplittableRandom(seed ^ 0x5DEECE66DL);
  }

  /** What was written: posts per platform, repeats, edits and broken records. */
  public record Summary(Path out, Map<Platform, Integer> perPlatform, int repeated, int edited, int broken,
      int folders) {
    public String describe() {
      String written = "Wrote " + perPlatform.values().stream().mapToInt(Integer::intValue).sum() + " posts to " + out
          + " " + perPlatform + "; " + repeated + " written twice (" + edited + " of them edited), " + broken
          + " broken records.";
      if (folders == 1) {
        return written + "\nIngest them with: jobs/listening-post ingest --config " + out.resolve("generated.conf");
      }
      return written + "\nOne folder per day (" + folders + "); run each night on its own day, e.g.: "
          + "jobs/listening-post nightly --config " + out.resolve("<YYYY-MM-DD>/generated.conf") + " --date <YYYY-MM-DD>";
    }
  }

  /**
   * Replaces {@code out} with the corpus. Refuses, with {@link FolderNotGeneratedException}, a non-empty
   * folder that an earlier run did not write, unless {@code force}.
   */
  public Summary write(Path out, boolean force) throws IOException {
    GeneratedFolder.replace(out, force);
    List<Item> items = corpus.generate(posts);
    RecordFates fates = new RecordFates(random);
    Map<Platform, Integer> counts = writeFolder(out, items, items, fates);
    return new Summary(out, counts, fates.repeated(), fates.edited(), fates.broken(), 1);
  }

  /**
   * Replaces {@code out} with the corpus split by the UTC day of each post: one folder per day,
   * {@code out/YYYY-MM-DD/}, each in every format with its own {@code generated.conf}, as a nightly export
   * delivers them. Authors and threads run across days: a reply lands in the folder of its own day, and
   * its parent may be in an earlier one.
   */
  public Summary writeDaily(Path out, boolean force) throws IOException {
    GeneratedFolder.replace(out, force);
    List<Item> items = corpus.generate(posts);
    Map<LocalDate, List<Item>> byDay = new TreeMap<>();
    for (Item it : items) {
      byDay.computeIfAbsent(LocalDate.ofInstant(it.created(), ZoneOffset.UTC), k -> new ArrayList<>()).add(it);
    }
    RecordFates fates = new RecordFates(random);
    Map<Platform, Integer> counts = new EnumMap<>(Platform.class);
    for (Map.Entry<LocalDate, List<Item>> day : byDay.entrySet()) {
      writeFolder(out.resolve(day.getKey().toString()), day.getValue(), items, fates)
          .forEach((k, v) -> counts.merge(k, v, Integer::sum));
    }
    return new Summary(out, counts, fates.repeated(), fates.edited(), fates.broken(), byDay.size());
  }

  /** Writes {@code mine} in every format, looking parents and mentions up in {@code all}; returns posts per platform. */
  private Map<Platform, Integer> writeFolder(Path dir, List<Item> mine, List<Item> all, RecordFates fates)
      throws IOException {
    Files.createDirectories(dir);
    Map<Platform, List<Item>> byPlatform = new EnumMap<>(Platform.class);
    for (Item it : mine) {
      Platform p = SyntheticCorpus.COMMUNITIES.get(it.community()).platform();
      byPlatform.computeIfAbsent(p, k -> new ArrayList<>()).add(it);
    }
    Map<Platform, PlatformExport> exports = exports(fates);
    // Platforms are written in enum order because they draw their records' fates from one shared stream.
    for (Map.Entry<Platform, List<Item>> e : byPlatform.entrySet()) {
      exports.get(e.getKey()).write(dir.resolve(e.getKey().name().toLowerCase(Locale.ROOT)), e.getValue(), all);
    }
    Files.writeString(dir.resolve("generated.conf"), GENERATED_CONF);
    Map<Platform, Integer> counts = new EnumMap<>(Platform.class);
    byPlatform.forEach((k, v) -> counts.put(k, v.size()));
    return counts;
  }

  private Map<Platform, PlatformExport> exports(RecordFates fates) {
    Map<Platform, PlatformExport> exports = new EnumMap<>(Platform.class);
    exports.put(Platform.REDDIT, new RedditNdjsonWriter(corpus, fates));
    exports.put(Platform.TWITTER, new TwitterSearchWriter(corpus, fates));
    exports.put(Platform.STACKEXCHANGE, new StackExchangeDumpWriter(corpus, fates));
    exports.put(Platform.MASTODON, new MastodonStatusesWriter(corpus, fates));
    exports.put(Platform.FEED, new FeedRssWriter(corpus, fates));
    exports.put(Platform.CSV, new ForumCsvWriter(corpus, fates));
    return exports;
  }
}
