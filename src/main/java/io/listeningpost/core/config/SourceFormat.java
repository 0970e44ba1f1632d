package io.listeningpost.core.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The input formats, by the names used in the config and in {@code --source FORMAT=PATH}. */
public enum SourceFormat {
  STACKEXCHANGE("stackexchange", "Stack Exchange data dump XML (Posts, Comments, Users)"),
  REDDIT("reddit", "Reddit: Pushshift NDJSON of submissions/comments, or one JSON document per thread with nested replies"),
  TWITTER("twitter", "X/Twitter API v2 JSON responses (data + includes)"),
  MASTODON("mastodon", "Mastodon API v1 statuses JSON"),
  FEED("feed", "RSS 2.0 and Atom feeds, WordPress post and comment feeds included"),
  CSV("csv", "CSV with a header row, mapped to posts by the source's mapping"),
  JSON("json", "JSON array or NDJSON of objects, mapped to posts by the source's mapping");

  private final String configName;
  private final String description;

  SourceFormat(String configName, String description) {
    this.configName = configName;
    this.description = description;
  }

  public String configName() {
    return configName;
  }

  public String description() {
    return description;
  }

  public boolean isMapped() {
    return this == CSV || this == JSON;
  }

  public static SourceFormat parse(String name) {
    String n = name.strip().toLowerCase(Locale.ROOT);
    for (SourceFormat f : values()) {
      if (f.configName.equals(n)) {
        return f;
      }
    }
    return null;
  }

  public static String names() {
    return Arrays.stream(values()).map(SourceFormat::configName).collect(Collectors.joining(", "));
  }
}
