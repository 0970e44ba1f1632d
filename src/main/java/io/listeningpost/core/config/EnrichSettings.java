package io.listeningpost.core.config;

import java.io.Serializable;
import java.util.List;

/** The enrich stage's settings; see the enrich.* keys in docs/config.md. */
public record EnrichSettings(boolean enabled, boolean linguistics, int maxChars, int postTimeLimitMillis,
    int parseMaxTokens, int rntnMinTokens, double rntnWeight, List<String> languages, List<WatchTerm> watch)
    implements Serializable {
  public EnrichSettings {
    languages = List.copyOf(languages);
    watch = List.copyOf(watch);
  }
}
