package io.listeningpost.audiences;

import io.listeningpost.audiences.topics.TopicText;
import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The configured words of the two messaging streams: recruitment and employer brand on one side,
 * marketing and product on the other. A post that uses the words of one stream only is labelled by
 * them; the stream model ({@link StreamClassifier}) learns from those labels and decides the rest.
 */
public final class StreamVocabulary implements Serializable {
  public static final String RECRUITMENT = "recruitment";
  public static final String MARKETING = "marketing";
  public static final String OTHER = "other";
  /** {@link #wordsOf}: the text uses neither stream's words. */
  public static final String NEITHER = "neither";
  /** {@link #wordsOf}: the text uses both streams' words. */
  public static final String BOTH = "both";

  /** The terms in {@link TargetMatch#words} form, made once: every post is checked against all of them. */
  private final List<String> recruitment;
  private final List<String> marketing;

  public StreamVocabulary(List<String> recruitment, List<String> marketing) {
    this.recruitment = recruitment.stream().map(TargetMatch::words).toList();
    this.marketing = marketing.stream().map(TargetMatch::words).toList();
  }

  /** Distinct terms of each stream the text uses: {recruitment, marketing}. */
  public int[] hits(String text) {
    if (text == null) {
      return new int[2];
    }
    String t = TargetMatch.words(text);
    return new int[] {count(t, recruitment), count(t, marketing)};
  }

  /**
   * Whose words the text uses: {@link #RECRUITMENT} or {@link #MARKETING} when one stream's only, else
   * {@link #NEITHER} or {@link #BOTH}.
   */
  public String wordsOf(String text) {
    int[] h = hits(text);
    if (h[0] > 0) {
      return h[1] > 0 ? BOTH : RECRUITMENT;
    }
    return h[1] > 0 ? MARKETING : NEITHER;
  }

  /** The {@link TopicText} tokens of every term of both streams. */
  public Set<String> termTokens() {
    Set<String> tokens = new HashSet<>();
    for (List<String> terms : List.of(recruitment, marketing)) {
      for (String term : terms) {
        tokens.addAll(TopicText.tokens(null, term, 0));
      }
    }
    return tokens;
  }

  private static int count(String words, List<String> terms) {
    int n = 0;
    for (String t : terms) {
      if (TargetMatch.contains(words, t)) {
        n++;
      }
    }
    return n;
  }
}
