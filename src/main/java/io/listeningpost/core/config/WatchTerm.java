package io.listeningpost.core.config;

import java.io.Serializable;
import java.util.List;

/** A watched name from the config: our employer brand or a competitor, with its aliases. */
public record WatchTerm(String name, String kind, List<String> aliases) implements Serializable {
  public static final String BRAND = "brand";
  public static final String COMPETITOR = "competitor";

  public WatchTerm {
    aliases = List.copyOf(aliases);
  }
}
