package io.listeningpost.audiences;

import io.listeningpost.audiences.topics.TopicText;
import io.listeningpost.core.Softmax;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fitted stream model: a multinomial logistic regression over a post's TF-IDF term vector (its
 * {@link TopicText} tokens, scaled to unit length), with one weight per class for each term of the
 * training vocabulary. Plain Java, so that a post is scored the same way in a test and on an executor.
 */
public final class StreamModel implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The classes, in the order of each term's weights. */
  static final List<String> CLASSES = List.of(StreamVocabulary.RECRUITMENT, StreamVocabulary.MARKETING,
      StreamVocabulary.OTHER);

  /** One class's most probable label and its probability. */
  public record Prediction(String stream, double probability) {}

  private final Map<String, Double> idf;
  private final Map<String, double[]> weights;
  private final double[] bias;

  /**
   * @param idf each vocabulary term's inverse document frequency
   * @param weights each term's weights, one per class in {@link #CLASSES} order; terms without weights count 0
   * @param bias the intercept of each class
   */
  StreamModel(Map<String, Double> idf, Map<String, double[]> weights, double[] bias) {
    this.idf = Map.copyOf(idf);
    this.weights = Map.copyOf(weights);
    this.bias = bias.clone();
  }

  /** The unit-length TF-IDF vector of {@code text} over the vocabulary {@code idf}; empty when no term is in it. */
  static Map<String, Double> termVector(String text, Map<String, Double> idf) {
    Map<String, Double> v = new HashMap<>();
    for (String token : TopicText.tokens(null, text)) {
      Double w = idf.get(token);
      if (w != null) {
        v.merge(token, w, Double::sum);
      }
    }
    double norm = Math.sqrt(v.values().stream().mapToDouble(x -> x * x).sum());
    if (norm > 0) {
      v.replaceAll((t, x) -> x / norm);
    }
    return v;
  }

  /** The class probabilities of {@code text}, in {@link #CLASSES} order. */
  public double[] probabilities(String text) {
    double[] score = bias.clone();
    for (Map.Entry<String, Double> e : termVector(text, idf).entrySet()) {
      double[] w = weights.get(e.getKey());
      if (w != null) {
        for (int c = 0; c < score.length; c++) {
          score[c] += w[c] * e.getValue();
        }
      }
    }
    return Softmax.of(score);
  }

  /** The most probable class of {@code text}; ties go to the class listed first. */
  public Prediction predict(String text) {
    double[] p = probabilities(text);
    int best = Softmax.argmax(p);
    return new Prediction(CLASSES.get(best), p[best]);
  }

  /** Terms in the vocabulary. */
  public int vocabularySize() {
    return idf.size();
  }
}
