package io.listeningpost.ingest.adapters;

import io.listeningpost.core.config.SourceFormat;
import io.listeningpost.ingest.SourceAdapter;

/** The adapter of each source format. */
public final class Adapters {
  private static final SourceAdapter STACKEXCHANGE = new StackExchangeAdapter();
  private static final SourceAdapter REDDIT = new RedditAdapter();
  private static final SourceAdapter TWITTER = new TwitterAdapter();
  private static final SourceAdapter MASTODON = new MastodonAdapter();
  private static final SourceAdapter FEED = new FeedAdapter();
  private static final SourceAdapter CSV = new MappedCsvAdapter();
  private static final SourceAdapter JSON = new MappedJsonAdapter();

  private Adapters() {}

  public static SourceAdapter forFormat(SourceFormat format) {
    return switch (format) {
      case STACKEXCHANGE -> STACKEXCHANGE;
      case REDDIT -> REDDIT;
      case TWITTER -> TWITTER;
      case MASTODON -> MASTODON;
      case FEED -> FEED;
      case CSV -> CSV;
      case JSON -> JSON;
    };
  }
}
