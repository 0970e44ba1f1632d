package io.listeningpost.enrich.sentiment;

import io.listeningpost.enrich.sentiment.SocialTokenizer.Token;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A word-polarity lexicon learnt by distant supervision (Mohammad, Kiritchenko and Zhu 2013, the NRC
 * Sentiment140 lexicon): the score of a token is log2 of how much more often it occurs in tweets that had
 * a positive emoticon than in tweets that had a negative one, each side normalised by its token total.
 * Tokens are the social tokenizer's normal forms; words in a negation scope count under "n:" + the word,
 * since "not good" is not evidence about "good".
 */
public final class DistantLexicon {
  /** Tokens in fewer tweets than this get no score. */
  static final int MIN_TWEETS = 5;
  private static final double SMOOTHING = 1.0;

  private DistantLexicon() {}

  /** Scores from texts labelled negative or positive (neutral texts are ignored). */
  public static Map<String, Float> learn(List<LabelledText> texts) {
    Map<String, int[]> counts = new HashMap<>();
    long[] totals = new long[3];
    for (LabelledText t : texts) {
      if (t.label() == SocialSentimentModel.NEU) {
        continue;
      }
      for (String term : terms(SocialTokenizer.tokenize(t.text()))) {
        counts.computeIfAbsent(term, k -> new int[3])[t.label()]++;
        totals[t.label()]++;
      }
    }
    Map<String, Float> scores = new HashMap<>();
    int vocabulary = counts.size();
    counts.forEach((term, c) -> {
      if (c[SocialSentimentModel.NEG] + c[SocialSentimentModel.POS] >= MIN_TWEETS) {
        double pos = (c[SocialSentimentModel.POS] + SMOOTHING) / (totals[SocialSentimentModel.POS] + SMOOTHING * vocabulary);
        double neg = (c[SocialSentimentModel.NEG] + SMOOTHING) / (totals[SocialSentimentModel.NEG] + SMOOTHING * vocabulary);
        scores.put(term, (float) (Math.log(pos / neg) / Math.log(2)));
      }
    });
    return scores;
  }

  /** The distinct lexicon terms of a tweet: words, hashtags and emoji, "n:" inside a negation scope. */
  static Set<String> terms(List<Token> tokens) {
    Set<String> out = new HashSet<>();
    boolean negated = false;
    for (Token t : tokens) {
      String norm = t.norm();
      if (t.type() == SocialTokenizer.Type.PUNCT) {
        negated = negated && (norm.equals("\"") || norm.equals("-"));
        continue;
      }
      if (t.type() == SocialTokenizer.Type.WORD || t.type() == SocialTokenizer.Type.HASHTAG
          || t.type() == SocialTokenizer.Type.EMOJI || t.type() == SocialTokenizer.Type.EMOTICON) {
        String key = t.type() == SocialTokenizer.Type.HASHTAG ? norm.substring(1) : norm;
        out.add(negated ? "n:" + key : key);
      }
      if (SentimentFeatures.isNegator(norm)) {
        negated = true;
      }
    }
    return out;
  }
}
