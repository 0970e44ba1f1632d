package io.listeningpost.enrich.sentiment;

import io.listeningpost.core.Softmax;
import io.listeningpost.enrich.sentiment.SocialTokenizer.Token;
import java.util.List;

/**
 * Sentiment of a post and of its sentences. The social model scores every text; for posts of at
 * least {@code rntnMinTokens} tokens (when that is above 0) CoreNLP's RNTN distribution of each
 * parsed sentence is blended in with {@code rntnWeight}.
 *
 * <p>The 5-class distribution comes from the RNTN where it ran. Elsewhere it is derived from the three
 * classes: the polar mass is split between "very" and plain by the strength of the strongest
 * sentiment word (its VADER valence / 4).
 */
public final class PostSentimentScorer {
  /** Post or sentence sentiment: label, score in [-1, 1], 3- and 5-class distributions, model. */
  public record Sentiment(String label, double score, double[] dist3, double[] dist5, String model) {}

  private final SocialSentimentModel model;

  public PostSentimentScorer(SocialSentimentModel model) {
    this.model = model;
  }

  public SocialSentimentModel model() {
    return model;
  }

  /** The social model's sentiment of {@code text}. */
  public Sentiment social(String text) {
    List<Token> tokens = SocialTokenizer.tokenize(text);
    double[] p = model.probabilities(SentimentFeatures.extract(tokens, model.lexicon(), model.charNgrams()));
    return of(p, derive5(p, strength(tokens)), model.version());
  }

  /** Blends the RNTN's mean sentence distribution (5 classes) into a social-model result. */
  public static Sentiment blend(Sentiment social, double[] rntnDist5, double rntnWeight) {
    double[] r3 = StockCoreNlpSentiment.toThree(rntnDist5);
    double[] p = new double[3];
    for (int i = 0; i < 3; i++) {
      p[i] = (1 - rntnWeight) * social.dist3()[i] + rntnWeight * r3[i];
    }
    double[] d5 = new double[5];
    for (int i = 0; i < 5; i++) {
      d5[i] = (1 - rntnWeight) * social.dist5()[i] + rntnWeight * rntnDist5[i];
    }
    return of(p, d5, social.model() + "+corenlp-rntn-sr");
  }

  public static Sentiment of(double[] p3, double[] d5, String model) {
    return new Sentiment(SocialSentimentModel.LABELS[Softmax.argmax(p3)], SocialSentimentModel.score(p3),
        p3, d5, model);
  }

  /** 0..1: the strongest sentiment word's |VADER valence| / 4, boosted by elongation and capitals. */
  double strength(List<Token> tokens) {
    double max = 0;
    for (Token t : tokens) {
      String key = t.type() == SocialTokenizer.Type.HASHTAG ? t.norm().substring(1) : t.norm();
      float[] lex = model.lexicon().get(key);
      if (lex != null) {
        double v = Math.abs(lex[SentimentLexicon.VADER]) * (t.elongated() || t.allCaps() ? 1.3 : 1.0);
        max = Math.max(max, v);
      }
    }
    return Math.min(1.0, max / 4.0);
  }

  static double[] derive5(double[] p, double strength) {
    return new double[] {p[0] * strength, p[0] * (1 - strength), p[1], p[2] * (1 - strength), p[2] * strength};
  }
}
