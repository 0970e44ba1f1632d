package io.listeningpost.enrich.sentiment;

/**
 * The choices of a training run, made on the tuning split only ({@link SentimentSplits}).
 *
 * @param sigma the L2 prior's sigma
 * @param charNgrams whether the features include character 3- to 5-grams of words
 * @param distantLexicon whether the Sentiment140 sample gives the lexicon its distant source ({@link DistantLexicon})
 * @param distantWeight the weight of each Sentiment140 tweet as a training example (0: not trained on)
 */
public record SentimentSettings(double sigma, boolean charNgrams, boolean distantLexicon, double distantWeight) {
  /** The settings of the shipped model, chosen on the tuning split (docs/sentiment.md). */
  public static final SentimentSettings CHOSEN = new SentimentSettings(0.1, true, true, 0);

  public SentimentSettings withSigma(double newSigma) {
    return new SentimentSettings(newSigma, charNgrams, distantLexicon, distantWeight);
  }
}
