package io.listeningpost.audiences;

import java.io.Serializable;
import java.util.List;

/**
 * The configured words of the two messaging streams: recruitment and employer brand on one side,
 * marketing and product on the other. A post that uses the words of one stream only is labelled by
 * them; the stream model ({@link StreamClassifier}) learns from those labels and decides the rest.
 */
public record StreamVocabulary(List<String> recruitment, List<String> marketing) implements Serializable {
  public static final String RECRUITMENT = "recruitment";
  public static final String MARKETING = "marketing";
  public static final String OTHER = "other";

  public StreamVocabulary {
    recruitment = List.copyOf(recruitment);
    marketing = List.copyOf(marketing);
  }

  /** Distinct terms of each stream the text uses: {recruitment, marketing}. */
  public int[] hits(String text) {
    return new int[] {count(text, recruitment), count(text, marketing)};
  }

  /** The stream whose words alone the text uses, or null when it uses both or neither. */
  public String label(String text) {
    int[] h = hits(text);
    if (h[0] > 0 && h[1] == 0) {
      return RECRUITMENT;
    }
    if (h[1] > 0 && h[0] == 0) {
      return MARKETING;
    }
    return null;
  }

  private static int count(String text, List<String> terms) {
    int n = 0;
    for (String t : terms) {
      if (TargetMatch.usesKeyword(text, List.of(t))) {
        n++;
      }
    }
    return n;
  }
}
