package io.listeningpost.core;

import java.util.Comparator;

/**
 * Strings in the order Spark sorts them: by their UTF-8 bytes, which is the order of their code points.
 * {@link String#compareTo} compares UTF-16 units instead, which puts a character above U+FFFF (an emoji)
 * before one from U+E000 to U+FFFF (such as the replacement character), so a choice made on the driver
 * would differ from the same choice made by Spark.
 */
public final class Utf8Order {
  /** Null first, as Spark's ascending order puts it. */
  public static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Utf8Order::compare);

  private Utf8Order() {}

  public static int compare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }
}
