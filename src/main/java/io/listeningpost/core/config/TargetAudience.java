package io.listeningpost.core.config;

import java.io.Serializable;
import java.util.List;

/**
 * An audience the organisation wants to reach, as the config describes it: the words its members use,
 * the communities where it gathers, and a few of its members by author id.
 */
public record TargetAudience(String name, List<String> keywords, List<String> communities, List<String> authors)
    implements Serializable {
  public TargetAudience {
    keywords = List.copyOf(keywords);
    communities = List.copyOf(communities);
    authors = List.copyOf(authors);
  }
}
