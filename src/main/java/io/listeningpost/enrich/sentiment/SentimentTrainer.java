package io.listeningpost.enrich.sentiment;

import edu.stanford.nlp.classify.LinearClassifier;
import edu.stanford.nlp.classify.LinearClassifierFactory;
import edu.stanford.nlp.classify.RVFDataset;
import edu.stanford.nlp.ling.RVFDatum;
import edu.stanford.nlp.stats.ClassicCounter;
import edu.stanford.nlp.stats.Counter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds the shipped social sentiment model from ../shared/datasets, reproducibly:
 * <ol>
 *   <li>train pool: SemEval 2013-2016 tweets (deduplicated by id) and GoEmotions train comments, minus
 *       every tweet that also appears in TweetEval validation (1,995 of them do, SOURCE.md);</li>
 *   <li>a tuning split, one tenth of the pool chosen by a hash of the id, is never trained on: it picks
 *       the per-class decision offsets that maximise macro-averaged recall;</li>
 *   <li>CoreNLP's {@code LinearClassifierFactory} (L2-regularised multinomial logistic regression,
 *       quasi-Newton) fits the weights on the rest.</li>
 * </ol>
 */
public final class SentimentTrainer {
  public static final String MODEL_VERSION = "social-linear-1";
  /** Indicator features seen fewer times than this in training are dropped. */
  static final int MIN_FEATURE_COUNT = 2;
  private static final int TUNE_BUCKETS = 10;

  private final Path datasets;
  private final double sigma;

  public SentimentTrainer(Path datasets, double sigma) {
    this.datasets = datasets;
    this.sigma = sigma;
  }

  /** The data of one training run: what was trained on, tuned on and held out. */
  public record Splits(List<LabelledText> train, List<LabelledText> tune, int leakedDropped) {}

  public Splits splits() throws IOException {
    List<LabelledText> dev = SentimentCorpora.tweetEvalValidation(datasets);
    List<LabelledText> pool = new ArrayList<>(SentimentCorpora.semevalPool(datasets));
    int before = pool.size();
    pool = new ArrayList<>(SentimentCorpora.without(pool, dev));
    int leaked = before - pool.size();
    pool.addAll(SentimentCorpora.goEmotions(datasets, "train"));
    List<LabelledText> train = new ArrayList<>();
    List<LabelledText> tune = new ArrayList<>();
    for (LabelledText t : pool) {
      (bucket(t.id()) == 0 ? tune : train).add(t);
    }
    return new Splits(train, tune, leaked);
  }

  public SocialSentimentModel train(Splits splits, SentimentLexicon lexicon) {
    RVFDataset<String, String> data = new RVFDataset<>();
    for (LabelledText t : splits.train()) {
      data.add(new RVFDatum<>(counter(SentimentFeatures.extract(t.text(), lexicon)),
          SocialSentimentModel.LABELS[t.label()]));
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
    meta.put("train.texts", Integer.toString(splits.train().size()));
    meta.put("tune.texts", Integer.toString(splits.tune().size()));
    SocialSentimentModel untuned = new SocialSentimentModel(weights, new float[3], lexicon, meta);
    float[] offsets = tuneOffsets(untuned, splits.tune());
    return untuned.withOffsets(offsets).withMeta(Map.of("offsets", String.format(java.util.Locale.ROOT,
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
          int pred = SocialSentimentModel.argmax(new double[] {l[0] + off[0], l[1], l[2] + off[2]});
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

  static int bucket(String id) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
      return Math.floorMod(h[0], TUNE_BUCKETS);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static Evaluation evaluate(SocialSentimentModel model, List<LabelledText> data) {
    Evaluation ev = new Evaluation();
    for (LabelledText t : data) {
      ev.add(t.label(), SocialSentimentModel.argmax(model.probabilities(t.text())));
    }
    return ev;
  }
}
