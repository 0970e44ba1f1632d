package io.listeningpost.audiences;

import io.listeningpost.audiences.topics.TopicText;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A topic's sentiment from the sentences that speak of it, not from whole posts: a post that praises
 * the pay and complains about interviews counts once positive for pay and once negative for interviews.
 */
public final class AspectSentiment {
  private AspectSentiment() {}

  /** One analysed sentence: character offsets into the post's full text, and its score in [-1, 1]. */
  public record Sentence(int begin, int end, double score) {}

  /**
   * The sum and count of the scores of the sentences that contain one of the topic's terms.
   *
   * @return {sum, count}
   */
  public static double[] of(String fullText, List<Sentence> sentences, Set<String> topicTerms) {
    double sum = 0;
    int count = 0;
    if (fullText == null || topicTerms.isEmpty()) {
      return new double[] {0, 0};
    }
    for (Sentence s : sentences) {
      int begin = Math.max(0, Math.min(s.begin(), fullText.length()));
      int end = Math.max(begin, Math.min(s.end(), fullText.length()));
      Set<String> words = new HashSet<>(TopicText.tokens(null, fullText.substring(begin, end)));
      words.retainAll(topicTerms);
      if (!words.isEmpty()) {
        sum += s.score();
        count++;
      }
    }
    return new double[] {sum, count};
  }
}
