package io.listeningpost.audiences;

import io.listeningpost.core.config.TargetAudience;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Matches a segment to the closest configured target audience: half by the share of its posts that use
 * the target's keywords, three tenths by the share posted in the target's communities, a fifth by how
 * many of the target's example authors belong to it.
 */
public final class TargetMatch {
  private TargetMatch() {}

  /** What a segment shares with one target: each a share in [0, 1]. */
  public record Evidence(double keywordPosts, double communityPosts, double exampleAuthors) {
    double score() {
      return 0.5 * keywordPosts + 0.3 * communityPosts + 0.2 * exampleAuthors;
    }
  }

  public record Match(String target, double score, String reason) {}

  private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}#+]+");

  /** Whether the text uses one of the keywords, as a whole word or phrase, in any case. */
  public static boolean usesKeyword(String text, List<String> keywords) {
    if (text == null) {
      return false;
    }
    String t = words(text);
    for (String k : keywords) {
      if (contains(t, words(k))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Lower case, runs of anything but letters, digits, '#' and '+' turned into one space, framed by
   * spaces: the form in which a phrase is found whole with {@link #contains}.
   */
  public static String words(String text) {
    return " " + SEPARATORS.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").trim() + " ";
  }

  /** Whether {@code phrase} (in {@link #words} form) occurs whole in {@code text} (in the same form). */
  public static boolean contains(String text, String phrase) {
    return phrase.length() > 2 && text.contains(phrase);
  }

  /** The best-scoring target, or null when no target shares anything with the segment. */
  public static Match best(List<TargetAudience> targets, Map<String, Evidence> evidence) {
    Match best = null;
    for (TargetAudience t : targets) {
      Evidence e = evidence.get(t.name());
      if (e == null || e.score() <= 0 || (best != null && e.score() <= best.score())) {
        continue;
      }
      List<String> why = new ArrayList<>();
      if (e.keywordPosts() > 0) {
        why.add(String.format(Locale.ROOT, "%.0f%% of its posts use the words of %s", 100 * e.keywordPosts(), t.name()));
      }
      if (e.communityPosts() > 0) {
        why.add(String.format(Locale.ROOT, "%.0f%% are in %s", 100 * e.communityPosts(),
            String.join(", ", t.communities())));
      }
      if (e.exampleAuthors() > 0) {
        why.add(String.format(Locale.ROOT, "%.0f%% of the example members belong to it", 100 * e.exampleAuthors()));
      }
      best = new Match(t.name(), e.score(), String.join("; ", why));
    }
    return best;
  }
}
