package io.listeningpost.enrich;

import java.util.Locale;
import java.util.Set;

/**
 * A fast first look at language: text where English function words make up a good share of the
 * words is English. Most English posts are settled here in microseconds; everything else goes to
 * Lingua. Words that are also common in the other configured languages are left out ("a", "in", "is",
 * "was", "will", "so", "do", "me", "he", "at", "her": Dutch, German, Spanish, Portuguese, Italian or
 * Danish use them too).
 */
final class EnglishFunctionWords {
  private static final Set<String> WORDS = Set.of("the", "and", "to", "of", "you", "it", "that", "my", "for",
      "this", "with", "are", "have", "be", "just", "not", "what", "your", "can", "they", "we", "she", "but",
      "if", "about", "would", "there", "their", "been", "from", "when", "how", "don't", "i'm", "it's", "can't",
      "didn't", "i've", "should", "could", "them", "our", "who", "were", "which", "than", "because", "really",
      "after", "before", "into", "out", "does", "did", "him", "his", "its", "any", "some", "more", "very", "only",
      "also");
  private static final int MIN_WORDS = 4;
  private static final double MIN_SHARE = 0.3;

  private EnglishFunctionWords() {}

  static boolean looksEnglish(String text) {
    int words = 0;
    int english = 0;
    int i = 0;
    int n = text.length();
    while (i < n) {
      while (i < n && !Character.isLetter(text.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && (Character.isLetter(text.charAt(i)) || text.charAt(i) == '\'' || text.charAt(i) == '’')) {
        i++;
      }
      if (i > start) {
        words++;
        if (WORDS.contains(text.substring(start, i).toLowerCase(Locale.ROOT).replace('’', '\''))) {
          english++;
        }
      }
    }
    return words >= MIN_WORDS && english >= 2 && english >= MIN_SHARE * words;
  }
}
