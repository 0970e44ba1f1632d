package io.listeningpost.enrich.sentiment;

import edu.stanford.nlp.classify.LinearClassifier;
import edu.stanford.nlp.classify.LinearClassifierFactory;
import edu.stanford.nlp.classify.WeightedRVFDataset;
import edu.stanford.nlp.ling.RVFDatum;
import edu.stanford.nlp.stats.ClassicCounter;
import edu.stanford.nlp.stats.Counter;
import io.listeningpost.core.Softmax;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits the social sentiment model: CoreNLP's {@code LinearClassifierFactory} (L2-regularised multinomial
 * logistic regression, quasi-Newton) on the training texts, then per-class decision offsets chosen on a
 * tuning split never trained on ({@link SentimentSplits} says which texts are which).
 */
public final class SentimentTrainer {
  public static final String MODEL_VERSION = "social-linear-2";
  /** Indicator features seen fewer times than this in training are dropped. */
  static final int MIN_FEATURE_COUNT = 2;

  private final SentimentSettings settings;
  private final double sigma;
  private final boolean charNgrams;
  /** Distantly labelled texts, trained on with {@link SentimentSettings#distantWeight()}. */
  private final List<LabelledText> distant;

  public SentimentTrainer(SentimentSettings settings, List<LabelledText> distant) {
    this.settings = settings;
    this.sigma = settings.sigma();
    this.charNgrams = settings.charNgrams();
    this.distant = settings.distantWeight() > 0 ? distant : List.of();
  }

  /** Fits on {@code train} and tunes the offsets on {@code tune}. */
  public SocialSentimentModel train(List<LabelledText> train, List<LabelledText> tune, SentimentLexicon lexicon) {
    SocialSentimentModel untuned = fit(train, lexicon, Map.of("tune.texts", Integer.toString(tune.size())));
    return withOffsets(untuned, tuneOffsets(untuned, tune));
  }

  /** Fits on {@code train} and keeps {@code offsets}, tuned before on a split this training set includes. */
  public SocialSentimentModel train(List<LabelledText> train, float[] offsets, SentimentLexicon lexicon) {
    return withOffsets(fit(train, lexicon, Map.of()), offsets);
  }

  private SocialSentimentModel fit(List<LabelledText> train, SentimentLexicon lexicon, Map<String, String> more) {
    WeightedRVFDataset<String, String> data = new WeightedRVFDataset<>();
    for (LabelledText t : train) {
      data.add(new RVFDatum<>(counter(SentimentFeatures.extract(t.text(), lexicon, charNgrams)),
          SocialSentimentModel.LABELS[t.label()]), 1f);
    }
    for (LabelledText t : distant) {
      data.add(new RVFDatum<>(counter(SentimentFeatures.extract(t.text(), lexicon, charNgrams)),
          SocialSentimentModel.LABELS[t.label()]), (float) settings.distantWeight());
    }
    data.applyFeatureCountThreshold(MIN_FEATURE_COUNT);
    LinearClassifierFactory<String, String> factory = new LinearClassifierFactory<>(1e-4, false, sigma);
    factory.setVerbose(false);
    LinearClassifier<String, String> classifier = factory.trainClassifier(data);
    Map<String, float[]> weights = new HashMap<>();
    Map<String, Counter<String>> byLabel = classifier.weightsAsMapOfCounters();
    for (int c = 0; c < 3; c++) {
      Counter<String> w = byLabel.get(SocialSentimentModel.LABELS[c]);
      for (Map.Entry<String, Double> e : w.entrySet()) {
        weights.computeIfAbsent(e.getKey(), k -> new float[3])[c] = e.getValue().floatValue();
      }
    }
    // Weights this small change no probability in the third decimal; dropping them halves the file.
    weights.values().removeIf(w -> Math.abs(w[0]) < 1e-3 && Math.abs(w[1]) < 1e-3 && Math.abs(w[2]) < 1e-3);
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("version", MODEL_VERSION);
    meta.put("sigma", Double.toString(sigma));
    meta.put(SocialSentimentModel.CHAR_NGRAMS, Boolean.toString(charNgrams));
    meta.put("distant.lexicon", Boolean.toString(settings.distantLexicon()));
    meta.put("distant.weight", Double.toString(settings.distantWeight()));
    meta.put("distant.texts", Integer.toString(distant.size()));
    meta.put("train.texts", Integer.toString(train.size()));
    meta.putAll(more);
    return new SocialSentimentModel(weights, new float[3], lexicon, meta);
  }

  private static SocialSentimentModel withOffsets(SocialSentimentModel model, float[] offsets) {
    return model.withOffsets(offsets).withMeta(Map.of("offsets", String.format(java.util.Locale.ROOT,
        "negative %+.2f, neutral 0, positive %+.2f", offsets[0], offsets[2])));
  }

  /**
   * Per-class offsets added to the scores before the softmax, chosen on the tuning split to
   * maximise macro-averaged recall. Recall per class does not depend on how frequent a class is,
   * so offsets tuned this way carry over to data with other class proportions.
   */
  static float[] tuneOffsets(SocialSentimentModel model, List<LabelledText> tune) {
    List<double[]> logits = new ArrayList<>();
    for (LabelledText t : tune) {
      double[] p = model.probabilities(t.text());
      logits.add(new double[] {Math.log(p[0]), Math.log(p[1]), Math.log(p[2])});
    }
    float[] best = new float[3];
    double bestRecall = -1;
    for (int a = -30; a <= 30; a++) {
      for (int b = -30; b <= 30; b++) {
        float[] off = {a * 0.05f, 0f, b * 0.05f};
        Evaluation ev = new Evaluation();
        for (int i = 0; i < tune.size(); i++) {
          double[] l = logits.get(i);
          int pred = Softmax.argmax(new double[] {l[0] + off[0], l[1], l[2] + off[2]});
          ev.add(tune.get(i).label(), pred);
        }
        if (ev.macroRecall() > bestRecall + 1e-9) {
          bestRecall = ev.macroRecall();
          best = off;
        }
      }
    }
    return best;
  }

  static Counter<String> counter(Map<String, Double> features) {
    ClassicCounter<String> c = new ClassicCounter<>(features.size());
    features.forEach(c::setCount);
    return c;
  }

  /** A bucket in [0, buckets) from a hash of the id: the same text lands in the same split every run. */
  static int bucket(String id, int buckets) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
      return Math.floorMod(h[0], buckets);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static Evaluation evaluate(SocialSentimentModel model, List<LabelledText> data) {
    Evaluation ev = new Evaluation();
    for (LabelledText t : data) {
      ev.add(t.label(), Softmax.argmax(model.probabilities(t.text())));
    }
    return ev;
  }
}
