package io.listeningpost.core.config;

import io.listeningpost.core.Redaction;
import java.util.List;

/**
 * Thrown before Spark starts when the configuration or the command line is wrong. Its problems quote
 * values, so credentials in them are masked ({@link Redaction}) before they can be printed.
 */
public final class ConfigException extends RuntimeException {
  private final List<String> problems;

  public ConfigException(String origin, List<String> problems) {
    super("Invalid configuration (" + Redaction.mask(origin) + "):\n  - " + String.join("\n  - ", masked(problems)));
    this.problems = masked(problems);
  }

  /** The problems, credentials masked. */
  public List<String> problems() {
    return problems;
  }

  private static List<String> masked(List<String> problems) {
    return problems.stream().map(Redaction::mask).toList();
  }
}
