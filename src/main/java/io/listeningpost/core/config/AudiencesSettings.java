package io.listeningpost.core.config;

import java.io.Serializable;
import java.util.List;

/** The audiences stage's settings; see the audiences.* keys in docs/config.md. */
public record AudiencesSettings(boolean enabled, int windowDays, int topics, int samplePosts, long seed,
    List<TargetAudience> targets, List<String> recruitmentTerms, List<String> marketingTerms,
    List<KeyTopic> keyTopics) implements Serializable {
  public AudiencesSettings {
    targets = List.copyOf(targets);
    recruitmentTerms = List.copyOf(recruitmentTerms);
    marketingTerms = List.copyOf(marketingTerms);
    keyTopics = List.copyOf(keyTopics);
  }
}
