package io.listeningpost.core.config;

import java.util.List;

/** Thrown before Spark starts when the configuration or the command line is wrong. */
public final class ConfigException extends RuntimeException {
  private final List<String> problems;

  public ConfigException(String origin, List<String> problems) {
    super("Invalid configuration (" + origin + "):\n  - " + String.join("\n  - ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
