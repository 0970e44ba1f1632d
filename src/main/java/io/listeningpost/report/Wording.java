package io.listeningpost.report;

import java.util.List;
import java.util.Locale;

/** Numbers said in words a non-engineer reads at a glance: tones, shares, growth, lists. */
public final class Wording {
  private static final double STRONG_TONE = 0.3;
  private static final double TONE = 0.1;

  /** A mean sentiment in [-1, 1] as a word; null reads as "unknown". */
  public static String tone(Double sentiment) {
    if (sentiment == null || sentiment.isNaN()) {
      return "unknown";
    }
    double s = sentiment;
    if (s >= STRONG_TONE) {
      return "clearly positive";
    }
    if (s >= TONE) {
      return "positive";
    }
    if (s <= -STRONG_TONE) {
      return "clearly negative";
    }
    if (s <= -TONE) {
      return "negative";
    }
    return "neutral";
  }

  /** A share in [0, 1] as a whole percentage; below 1% but above 0, "under 1%". */
  public static String percent(double share) {
    if (share > 0 && share < 0.005) {
      return "under 1%";
    }
    return String.format(Locale.ROOT, "%.0f%%", share * 100);
  }

  /**
   * Relative change against the previous window (0.5 = half as much again) as a signed percentage; null means
   * the warehouse holds no earlier data to compare with.
   */
  public static String growth(Double growth) {
    if (growth == null || growth.isNaN()) {
      return "no earlier data to compare";
    }
    return String.format(Locale.ROOT, "%+.0f%% on the previous window", growth * 100);
  }

  /** A signed score with two decimals, as the tables hold it. */
  public static String signed(Double value) {
    return value == null || value.isNaN() ? "n/a" : String.format(Locale.ROOT, "%+.2f", value);
  }

  public static String decimal(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  /** "a", "a and b", "a, b and c". */
  public static String list(List<String> items) {
    if (items.isEmpty()) {
      return "";
    }
    if (items.size() == 1) {
      return items.get(0);
    }
    return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
  }

  /** "1 post", "3 posts". */
  public static String count(long n, String singular, String plural) {
    return n + " " + (n == 1 ? singular : plural);
  }

  /** The first {@code max} characters of a text on one line, cut at a word and marked with an ellipsis. */
  public static String excerpt(String text, int max) {
    if (text == null) {
      return "";
    }
    String flat = text.replaceAll("\\s+", " ").strip();
    if (flat.length() <= max) {
      return flat;
    }
    int cut = flat.lastIndexOf(' ', max);
    return flat.substring(0, cut > max / 2 ? cut : max).strip() + "…";
  }

  /** "1st", "2nd", "3rd", "11th", "22nd". */
  public static String ordinal(int n) {
    int lastTwo = n % 100;
    String suffix = lastTwo >= 11 && lastTwo <= 13 ? "th"
        : switch (n % 10) {
          case 1 -> "st";
          case 2 -> "nd";
          case 3 -> "rd";
          default -> "th";
        };
    return n + suffix;
  }

  /** A role of the influencers table in the report's words: connectors are the strategy's "angels". */
  public static String role(String role) {
    return "connector".equals(role) ? "angel (connector)" : role == null ? "" : role;
  }

  /** A target-audience match score in [0, 1] as a word. */
  public static String match(Double score) {
    double s = score == null ? 0 : score;
    return s >= 0.5 ? "strong match" : s >= 0.2 ? "partial match" : "weak match";
  }

  private Wording() {}
}
