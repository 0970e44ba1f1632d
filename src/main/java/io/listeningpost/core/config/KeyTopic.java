package io.listeningpost.core.config;

import java.io.Serializable;
import java.util.List;

/** A topic or message the organisation follows over time, e.g. "remote work", by the words that name it. */
public record KeyTopic(String name, List<String> terms) implements Serializable {
  public KeyTopic {
    terms = List.copyOf(terms);
  }
}
