package io.listeningpost.generate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A deterministic synthetic community corpus: power-law (Zipf) author activity, reply trees grown by
 * preferential attachment to recent active threads, communities with their own topic vocabularies,
 * mixed sentiment, mentions and hashtags. The same seed gives the same corpus.
 */
final class SyntheticCorpus {
  /** Which export format each platform's posts are written in. */
  enum Platform { REDDIT, TWITTER, STACKEXCHANGE, MASTODON, FEED, CSV }

  record Community(String name, Platform platform, int topic) {}

  record Item(int id, int community, int author, int parent, int root, Instant created, String title, String text,
      int sentiment, List<Integer> mentions, List<String> hashtags, long score) {}

  static final List<Community> COMMUNITIES = List.of(
      new Community("cscareerquestions", Platform.REDDIT, 0),
      new Community("recruitinghell", Platform.REDDIT, 0),
      new Community("antiwork", Platform.REDDIT, 4),
      new Community("datascience", Platform.REDDIT, 6),
      new Community("nursing", Platform.REDDIT, 5),
      new Community("hiring", Platform.TWITTER, 0),
      new Community("remotework", Platform.TWITTER, 2),
      new Community("workplace.stackexchange.com", Platform.STACKEXCHANGE, 3),
      new Community("datascience.stackexchange.com", Platform.STACKEXCHANGE, 6),
      new Community("hachyderm.io", Platform.MASTODON, 2),
      new Community("mastodon.social", Platform.MASTODON, 1),
      new Community("blog.acme-careers.example", Platform.FEED, 3),
      new Community("nurses-forum", Platform.CSV, 5));
  private static final double[] COMMUNITY_WEIGHTS = {14, 8, 8, 6, 4, 14, 10, 8, 5, 6, 5, 4, 8};

  private final SplittableRandom random;
  private final int authors;
  private final double[] zipfCdf;
  private final Instant start;
  private final long spanSeconds;

  SyntheticCorpus(long seed, int posts, Instant start, int days) {
    this.random = new SplittableRandom(seed);
    this.authors = Math.max(20, posts / 8);
    this.zipfCdf = zipf(authors, 1.1);
    this.start = start;
    this.spanSeconds = days * 86_400L;
  }

  int authorCount() {
    return authors;
  }

  List<Item> generate(int n) {
    List<Item> items = new ArrayList<>(n);
    double total = 0;
    for (double w : COMMUNITY_WEIGHTS) {
      total += w;
    }
    for (int i = 0; i < n; i++) {
      // The jitter never carries a post past the last day, so that a corpus of N days spans exactly N.
      long t = Math.min(spanSeconds - 1, (long) ((double) i / n * spanSeconds) + random.nextInt(600));
      Instant created = start.plusSeconds(t);
      int author = author();
      boolean reply = i > 10 && random.nextDouble() < 0.7;
      int parent = -1;
      int root = i;
      int community;
      if (reply) {
        // Recent posts attract replies: pick among the last 3,000, skewed towards the newest.
        int back = (int) Math.min(i, Math.floor(Math.pow(random.nextDouble(), 3) * 3000) + 1);
        Item p = items.get(i - back);
        parent = p.id();
        root = p.root();
        community = p.community();
      } else {
        double r = random.nextDouble() * total;
        community = 0;
        while (r > COMMUNITY_WEIGHTS[community]) {
          r -= COMMUNITY_WEIGHTS[community];
          community++;
        }
      }
      int sentiment = random.nextInt(10) < 4 ? 1 : random.nextInt(10) < 5 ? -1 : 0;
      List<Integer> mentions = new ArrayList<>();
      if (random.nextDouble() < 0.15) {
        mentions.add(author());
      }
      Community c = COMMUNITIES.get(community);
      List<String> tags = new ArrayList<>();
      if (random.nextDouble() < 0.3) {
        tags.add(Vocabulary.TOPICS.get(c.topic()).get(random.nextInt(12)).replace(" ", "").replace("-", ""));
      }
      String text = text(c.topic(), sentiment, mentions, tags);
      String title = parent < 0 ? title(c.topic(), sentiment) : null;
      long score = (long) Math.floor(Math.pow(random.nextDouble(), 4) * 500) - (sentiment < 0 ? random.nextInt(5) : 0);
      items.add(new Item(i, community, author, parent, root, created, title, text, sentiment, mentions, tags, score));
    }
    return items;
  }

  String authorName(int author) {
    return Vocabulary.FIRST.get(author % Vocabulary.FIRST.size()) + "_"
        + Vocabulary.SECOND.get((author / Vocabulary.FIRST.size()) % Vocabulary.SECOND.size()) + author;
  }

  private int author() {
    double u = random.nextDouble();
    int lo = 0;
    int hi = zipfCdf.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (zipfCdf[mid] < u) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private String title(int topic, int sentiment) {
    List<String> words = Vocabulary.TOPICS.get(topic);
    String opener = Vocabulary.OPENERS.get(random.nextInt(Vocabulary.OPENERS.size()));
    String end = random.nextInt(3) == 0 ? "?" : "";
    return opener + " " + words.get(random.nextInt(words.size())) + " at "
        + Vocabulary.EMPLOYERS.get(random.nextInt(Vocabulary.EMPLOYERS.size()))
        + (sentiment > 0 ? " was great" : sentiment < 0 ? " was a mess" : "") + end;
  }

  private String text(int topic, int sentiment, List<Integer> mentions, List<String> tags) {
    List<String> words = Vocabulary.TOPICS.get(topic);
    StringBuilder sb = new StringBuilder();
    int sentences = 1 + (int) Math.floor(Math.pow(random.nextDouble(), 2) * 6);
    for (int s = 0; s < sentences; s++) {
      if (s > 0) {
        sb.append(' ');
      }
      sb.append(s == 0 ? Vocabulary.OPENERS.get(random.nextInt(Vocabulary.OPENERS.size())) : "The");
      sb.append(' ').append(words.get(random.nextInt(words.size())));
      sb.append(" at ").append(Vocabulary.EMPLOYERS.get(random.nextInt(Vocabulary.EMPLOYERS.size())));
      sb.append(" was ");
      List<String> tone = sentiment > 0 ? Vocabulary.POSITIVE : sentiment < 0 ? Vocabulary.NEGATIVE
          : random.nextBoolean() ? Vocabulary.POSITIVE : Vocabulary.NEGATIVE;
      if (sentiment == 0) {
        sb.append("neither ").append(Vocabulary.POSITIVE.get(random.nextInt(Vocabulary.POSITIVE.size())))
            .append(" nor ").append(Vocabulary.NEGATIVE.get(random.nextInt(Vocabulary.NEGATIVE.size())));
      } else {
        sb.append(tone.get(random.nextInt(tone.size())));
      }
      sb.append(" and the ").append(words.get(random.nextInt(words.size()))).append(" felt ")
          .append(tone.get(random.nextInt(tone.size()))).append(random.nextInt(4) == 0 ? "!" : ".");
    }
    if (random.nextInt(8) == 0) {
      sb.append(' ').append(Vocabulary.EMOJI.get(random.nextInt(Vocabulary.EMOJI.size())));
    }
    for (int m : mentions) {
      sb.append(" @").append(authorName(m));
    }
    for (String t : tags) {
      sb.append(" #").append(t);
    }
    return sb.toString();
  }

  private static double[] zipf(int n, double s) {
    double[] cdf = new double[n];
    double sum = 0;
    for (int k = 1; k <= n; k++) {
      sum += 1 / Math.pow(k, s);
      cdf[k - 1] = sum;
    }
    for (int k = 0; k < n; k++) {
      cdf[k] /= sum;
    }
    return cdf;
  }
}
