package io.listeningpost.ingest.adapters;

import io.listeningpost.core.TextLimits;

/** Clean-up of names and other short profile fields. */
final class SourceContextNames {
  private SourceContextNames() {}

  static String clean(String s) {
    if (s == null) {
      return null;
    }
    String c = TextLimits.stripControl(s).strip();
    return c.isEmpty() ? null : TextLimits.cut(c, 1_000);
  }
}
