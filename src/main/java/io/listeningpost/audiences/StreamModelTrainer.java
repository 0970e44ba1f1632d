package io.listeningpost.audiences;

import edu.stanford.nlp.classify.LinearClassifier;
import edu.stanford.nlp.classify.LogConditionalObjectiveFunction;
import edu.stanford.nlp.classify.LogPrior;
import edu.stanford.nlp.classify.RVFDataset;
import edu.stanford.nlp.ling.RVFDatum;
import edu.stanford.nlp.optimization.QNMinimizer;
import edu.stanford.nlp.stats.ClassicCounter;
import edu.stanford.nlp.stats.Counter;
import io.listeningpost.audiences.topics.TopicText;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fits the {@link StreamModel}: L2-regularised multinomial logistic regression (CoreNLP's objective and
 * quasi-Newton minimiser) on the driver, in one thread. Deterministic: the same examples in the same order
 * give the same weights, whatever the cluster or the driver's cores.
 */
public final class StreamModelTrainer {
  /** A term must occur in at least this many training posts to enter the vocabulary. */
  static final int MIN_DOC_FREQ = 2;
  /**
   * Width of the Gaussian prior on the weights: the best of 0.3 to 2 in a 5-fold cross-validation on
   * word-labelled posts from ../shared, scored without their stream words (StreamModelSelectionTest,
   * docs/streams.md).
   */
  static final double SIGMA = 0.75;
  /** The minimiser stops when the objective improves by less than this share. */
  private static final double TOLERANCE = 1e-4;
  /** Past gradients the quasi-Newton minimiser keeps. */
  private static final int MEMORY = 15;
  /** The intercept's feature name: no {@link TopicText} token holds '_'. */
  private static final String BIAS = "_bias";

  private StreamModelTrainer() {}

  /** One training post and the class its words gave it. */
  public record Example(String text, String stream) {}

  /**
   * Fits on {@code examples}, whose order fixes the fit. The {@code ignored} tokens never enter the
   * vocabulary: they are the stream words that labelled the examples, so the model learns from the words
   * around them, the only ones a post it is asked about has.
   */
  public static StreamModel fit(List<Example> examples, Set<String> ignored, double sigma) {
    Map<String, Integer> docFreq = new HashMap<>();
    for (Example e : examples) {
      Set<String> seen = new HashSet<>(TopicText.tokens(null, e.text()));
      seen.forEach(t -> docFreq.merge(t, 1, Integer::sum));
    }
    int n = examples.size();
    Map<String, Double> idf = new HashMap<>();
    docFreq.forEach((t, df) -> {
      if (df >= MIN_DOC_FREQ && !ignored.contains(t)) {
        idf.put(t, Math.log((n + 1.0) / (df + 1.0)));
      }
    });
    RVFDataset<String, String> data = new RVFDataset<>(n);
    for (Example e : examples) {
      ClassicCounter<String> features = new ClassicCounter<>();
      StreamModel.termVector(e.text(), idf).forEach(features::setCount);
      features.setCount(BIAS, 1.0);
      data.add(new RVFDatum<>(features, e.stream()));
    }
    // CoreNLP would split the gradient's sum over as many threads as the machine has cores, and a
    // floating-point sum depends on how it is split: one thread, so that every driver fits the same weights.
    LogConditionalObjectiveFunction<String, String> objective = new LogConditionalObjectiveFunction<>(data,
        new LogPrior(LogPrior.LogPriorType.QUADRATIC, sigma, 0.0)) {
      {
        parallelGradientCalculation = false;
        threads = 1;
      }
    };
    QNMinimizer minimizer = new QNMinimizer(MEMORY);
    minimizer.shutUp();
    double[] fitted = minimizer.minimize(objective, TOLERANCE, objective.initial());
    LinearClassifier<String, String> classifier = new LinearClassifier<>(objective.to2D(fitted), data.featureIndex(),
        data.labelIndex());
    Map<String, Counter<String>> byClass = classifier.weightsAsMapOfCounters();
    Map<String, double[]> weights = new HashMap<>();
    double[] bias = new double[StreamModel.CLASSES.size()];
    for (int c = 0; c < bias.length; c++) {
      Counter<String> w = byClass.get(StreamModel.CLASSES.get(c));
      if (w == null) {
        continue;
      }
      for (Map.Entry<String, Double> e : w.entrySet()) {
        if (e.getKey().equals(BIAS)) {
          bias[c] = e.getValue();
        } else if (e.getValue() != 0) {
          weights.computeIfAbsent(e.getKey(), k -> new double[bias.length])[c] = e.getValue();
        }
      }
    }
    return new StreamModel(idf, weights, bias);
  }
}
