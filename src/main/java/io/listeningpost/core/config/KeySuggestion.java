package io.listeningpost.core.config;

import java.util.Set;

/** "Did you mean" for a mistyped key: the closest known key, if it is at most three edits away. */
final class KeySuggestion {
  private static final int MAX_EDITS = 3;

  private KeySuggestion() { }

  /** {@code " (did you mean 'k'?)"} to append to a problem, or an empty string when no key is close. */
  static String forKey(String key, Set<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String k : known) {
      int d = levenshtein(key, k);
      if (d < bestDistance) {
        bestDistance = d;
        best = k;
      }
    }
    return best != null && bestDistance <= MAX_EDITS ? " (did you mean '" + best + "'?)" : "";
  }

  private static int levenshtein(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
