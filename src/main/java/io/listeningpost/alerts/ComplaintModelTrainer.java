package io.listeningpost.alerts;

import edu.stanford.nlp.classify.LinearClassifier;
import edu.stanford.nlp.classify.LinearClassifierFactory;
import edu.stanford.nlp.classify.RVFDataset;
import edu.stanford.nlp.ling.RVFDatum;
import edu.stanford.nlp.stats.ClassicCounter;
import edu.stanford.nlp.stats.Counter;
import io.listeningpost.alerts.ComplaintFeatures.FeatureSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Fits the candidate-complaint model and measures it by stratified k-fold cross-validation: CoreNLP's
 * {@code LinearClassifierFactory} (L2-regularised logistic regression, quasi-Newton), on the posts that pass
 * the watched-brand gate. Deterministic: the same examples in the same order, the same folds (a fixed seed)
 * and the same prior give the same weights.
 */
public final class ComplaintModelTrainer {
  static final String YES = "complaint";
  static final String NO = "other";
  /** Word, bigram and character features seen in fewer training posts than this are dropped. */
  static final int MIN_FEATURE_COUNT = 2;

  /** One labelled post's features; {@code gated} posts name no watched brand and never alert. */
  public record Example(Map<String, Double> features, boolean alert, boolean gated) {}

  /** Precision and recall at a threshold, over every labelled post (gated complaints count as misses). */
  public record Operating(double threshold, int truePositives, int falsePositives, int falseNegatives) {
    public double precision() {
      return truePositives / (double) Math.max(1, truePositives + falsePositives);
    }

    public double recall() {
      return truePositives / (double) Math.max(1, truePositives + falseNegatives);
    }

    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
  }

  private ComplaintModelTrainer() {}

  /** The weights of a logistic regression with a Gaussian prior of width {@code sigma}, fitted on the ungated posts. */
  static Map<String, Double> fit(List<Example> examples, double sigma) {
    RVFDataset<String, String> data = new RVFDataset<>();
    for (Example e : examples) {
      if (!e.gated()) {
        ClassicCounter<String> c = new ClassicCounter<>(e.features().size());
        e.features().forEach(c::setCount);
        data.add(new RVFDatum<>(c, e.alert() ? YES : NO));
      }
    }
    data.applyFeatureCountThreshold(MIN_FEATURE_COUNT);
    LinearClassifierFactory<String, String> factory = new LinearClassifierFactory<>(1e-6, false, sigma);
    factory.setVerbose(false);
    LinearClassifier<String, String> classifier = factory.trainClassifier(data);
    Map<String, Counter<String>> byLabel = classifier.weightsAsMapOfCounters();
    // Two classes: P(complaint) = sigmoid((w_complaint - w_other) . x), one weight per feature.
    Map<String, Double> weights = new HashMap<>();
    Counter<String> yes = byLabel.get(YES);
    Counter<String> no = byLabel.get(NO);
    for (String feature : yes.keySet()) {
      double w = yes.getCount(feature) - no.getCount(feature);
      if (Math.abs(w) >= 1e-6) {
        weights.put(feature, w);
      }
    }
    return weights;
  }

  /** The model fitted on every example, with the threshold chosen beforehand by cross-validation. */
  static ComplaintModel train(List<Example> examples, FeatureSet features, double sigma, double threshold,
      Map<String, String> meta) {
    return new ComplaintModel(fit(examples, sigma), threshold, features, meta);
  }

  /**
   * Out-of-fold probabilities: each example scored by the model fitted on the other folds. Folds are
   * stratified by label (complaints and the rest each shuffled with {@code seed} and dealt round-robin).
   * Gated examples get probability 0.
   */
  static double[] crossValidate(List<Example> examples, int folds, long seed, double sigma) {
    int[] fold = folds(examples, folds, seed);
    double[] p = new double[examples.size()];
    for (int k = 0; k < folds; k++) {
      List<Example> train = new ArrayList<>();
      for (int i = 0; i < examples.size(); i++) {
        if (fold[i] != k) {
          train.add(examples.get(i));
        }
      }
      ComplaintModel model = new ComplaintModel(fit(train, sigma), 0.5, null, Map.of());
      for (int i = 0; i < examples.size(); i++) {
        if (fold[i] == k && !examples.get(i).gated()) {
          p[i] = model.probability(examples.get(i).features());
        }
      }
    }
    return p;
  }

  static int[] folds(List<Example> examples, int folds, long seed) {
    Random random = new Random(seed);
    int[] fold = new int[examples.size()];
    for (boolean label : new boolean[] {true, false}) {
      List<Integer> idx = new ArrayList<>();
      for (int i = 0; i < examples.size(); i++) {
        if (examples.get(i).alert() == label) {
          idx.add(i);
        }
      }
      Collections.shuffle(idx, random);
      for (int j = 0; j < idx.size(); j++) {
        fold[idx.get(j)] = j % folds;
      }
    }
    return fold;
  }

  /** Precision and recall when posts with probability at least {@code threshold} alert (gated posts never do). */
  static Operating at(List<Example> examples, double[] p, double threshold) {
    int tp = 0;
    int fp = 0;
    int fn = 0;
    for (int i = 0; i < p.length; i++) {
      boolean alert = !examples.get(i).gated() && p[i] >= threshold;
      boolean truth = examples.get(i).alert();
      if (alert && truth) {
        tp++;
      } else if (alert) {
        fp++;
      } else if (truth) {
        fn++;
      }
    }
    return new Operating(threshold, tp, fp, fn);
  }

  /**
   * The threshold that maximises min(precision, recall), then F1, among the midpoints between consecutive
   * distinct probabilities, so that it does not sit on one post's score.
   */
  static Operating bestThreshold(List<Example> examples, double[] p) {
    List<Double> sorted = new ArrayList<>();
    for (int i = 0; i < p.length; i++) {
      if (!examples.get(i).gated()) {
        sorted.add(p[i]);
      }
    }
    Collections.sort(sorted);
    Operating best = null;
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i) > sorted.get(i - 1)) {
        Operating o = at(examples, p, (sorted.get(i) + sorted.get(i - 1)) / 2);
        if (best == null || better(o, best)) {
          best = o;
        }
      }
    }
    return best;
  }

  private static boolean better(Operating a, Operating b) {
    double ma = Math.min(a.precision(), a.recall());
    double mb = Math.min(b.precision(), b.recall());
    if (Math.abs(ma - mb) > 1e-12) {
      return ma > mb;
    }
    return a.f1() > b.f1() + 1e-12;
  }
}
