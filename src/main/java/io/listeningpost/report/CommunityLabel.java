package io.listeningpost.report;

import io.listeningpost.report.ReportFacts.Share;
import java.util.List;

/**
 * A name a reader recognises for a detected community: the declared communities (subreddit, Stack Exchange
 * site, Mastodon instance, blog) most of its members post in, or its number when none is known.
 */
final class CommunityLabel {
  private static final int NAMES = 2;
  static final double MIN_SHARE = 0.2;

  static String of(int id, List<Share> declared) {
    List<String> names = declared.stream().filter(s -> s.share() >= MIN_SHARE).limit(NAMES).map(Share::name).toList();
    if (names.isEmpty() && !declared.isEmpty()) {
      names = List.of(declared.get(0).name());
    }
    return names.isEmpty() ? "community " + id : String.join(" · ", names);
  }

  private CommunityLabel() {}
}
