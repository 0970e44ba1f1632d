package io.listeningpost.core;

import java.util.Locale;

/** The kinds of directed author-to-author interaction stored in the {@code interactions} table. */
public enum InteractionKind {
  REPLY, ANSWER, COMMENT, MENTION, SHARE, QUOTE;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
