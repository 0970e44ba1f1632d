package io.listeningpost.report;

import java.util.List;

/**
 * One ranked answer to a strategy question: a sentence, the metrics behind it, the posts that show it, and a
 * confidence in [0, 1] that grows with the evidence (see {@link Confidence}).
 */
public record StrategyAnswer(StrategyQuestion question, int rank, String answer, String evidence,
    List<String> evidencePosts, double confidence) {
  public StrategyAnswer {
    evidencePosts = List.copyOf(evidencePosts);
  }
}
