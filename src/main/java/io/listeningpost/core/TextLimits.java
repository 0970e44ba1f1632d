package io.listeningpost.core;

/** Character-level clean-up that every text field goes through before it is stored. */
public final class TextLimits {
  private TextLimits() {}

  /**
   * Removes NUL and the other C0/C1 control characters except tab and newline, turns CR LF and lone CR
   * into LF, and drops unpaired surrogates. Parquet would store them, but DuckDB, CSV exports and
   * PostgreSQL loaders downstream choke on them.
   */
  public static String stripControl(String s) {
    if (s == null) {
      return null;
    }
    int n = s.length();
    int i = 0;
    while (i < n && isKept(s, i)) {
      i++;
    }
    if (i == n) {
      return s;
    }
    StringBuilder out = new StringBuilder(n);
    out.append(s, 0, i);
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c == '\r') {
        if (i + 1 < n && s.charAt(i + 1) == '\n') {
          continue;
        }
        out.append('\n');
      } else if (isKept(s, i)) {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isKept(String s, int i) {
    char c = s.charAt(i);
    if (c < 0x20) {
      return c == '\n' || c == '\t';
    }
    if (c >= 0x7f && c <= 0x9f) {
      return false;
    }
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
    return true;
  }

  /** The first {@code max} chars of {@code s}, never splitting a surrogate pair. */
  public static String cut(String s, int max) {
    if (s.length() <= max) {
      return s;
    }
    int end = max;
    if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end);
  }

  /** A cleaned short field (names, titles, locations): trimmed, at most 1,000 characters, null if empty. */
  public static String shortField(String s) {
    if (s == null) {
      return null;
    }
    String clean = stripControl(s).strip();
    return clean.isEmpty() ? null : cut(clean, 1_000);
  }

  /** Trims each line's trailing blanks, and collapses runs of blank lines to one. */
  public static String tidyLines(String s) {
    if (s.indexOf('\n') < 0) {
      return s.strip();
    }
    StringBuilder out = new StringBuilder(s.length());
    int blank = 0;
    for (String line : s.split("\n", -1)) {
      String t = line.stripTrailing();
      if (t.isBlank()) {
        blank++;
        continue;
      }
      if (out.length() > 0) {
        out.append(blank > 0 ? "\n\n" : "\n");
      }
      blank = 0;
      out.append(t);
    }
    return out.toString();
  }
}
