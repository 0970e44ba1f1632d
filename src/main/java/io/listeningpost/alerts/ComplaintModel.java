package io.listeningpost.alerts;

import io.listeningpost.core.TsvField;
import io.listeningpost.alerts.ComplaintFeatures.FeatureSet;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The shipped candidate-complaint model: a binary logistic regression over {@link ComplaintFeatures}, with
 * the decision threshold on its probability. Trained offline on the labelled alert sets by
 * {@code ComplaintModelTrainingTest} (docs/alerts.md), which chose the feature set, the regularisation and
 * the threshold by cross-validation. Scoring is one hash lookup per feature.
 */
public final class ComplaintModel implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final String RESOURCE = "/io/listeningpost/alerts/candidate-complaint-model.tsv.gz";

  private final HashMap<String, Double> weights;
  private final double threshold;
  private final FeatureSet featureSet;
  private final LinkedHashMap<String, String> meta;

  ComplaintModel(Map<String, Double> weights, double threshold, FeatureSet featureSet, Map<String, String> meta) {
    this.weights = new HashMap<>(weights);
    this.threshold = threshold;
    this.featureSet = featureSet;
    this.meta = new LinkedHashMap<>(meta);
  }

  /** The model shipped in the jar, loaded once per JVM. */
  public static ComplaintModel shipped() {
    return Shipped.MODEL;
  }

  private static final class Shipped {
    static final ComplaintModel MODEL = loadResource();

    private static ComplaintModel loadResource() {
      try (InputStream in = ComplaintModel.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("The candidate-complaint model " + RESOURCE + " is missing from the jar; "
              + "rebuild it as docs/alerts.md describes");
        }
        return read(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** P(complaint) of a post with these features. */
  public double probability(Map<String, Double> features) {
    double z = 0;
    for (Map.Entry<String, Double> e : features.entrySet()) {
      Double w = weights.get(e.getKey());
      if (w != null) {
        z += w * e.getValue();
      }
    }
    return 1 / (1 + Math.exp(-z));
  }

  /** A post alerts when its probability is at least this. */
  public double threshold() {
    return threshold;
  }

  FeatureSet featureSet() {
    return featureSet;
  }

  public Map<String, String> meta() {
    return Map.copyOf(meta);
  }

  public int featureCount() {
    return weights.size();
  }

  /** Writes the model as gzipped, sorted text, so that a rebuild from the same data gives the same file. */
  public void write(OutputStream out) throws IOException {
    try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(out) {
      {
        def.setLevel(9);
      }
    }, StandardCharsets.UTF_8))) {
      w.write("# Listening Post candidate-complaint model (docs/alerts.md). Rebuilt by ComplaintModelTrainingTest.\n");
      for (Map.Entry<String, String> e : new TreeMap<>(meta).entrySet()) {
        w.write("meta\t" + e.getKey() + "\t" + e.getValue().replace('\t', ' ').replace('\n', ' ') + "\n");
      }
      w.write("features\t" + featureSet.name() + "\n");
      w.write("threshold\t" + fmt(threshold) + "\n");
      for (Map.Entry<String, Double> e : new TreeMap<>(weights).entrySet()) {
        w.write("w\t" + TsvField.escape(e.getKey()) + "\t" + fmt(e.getValue()) + "\n");
      }
    }
  }

  public static ComplaintModel read(InputStream in) throws IOException {
    Map<String, Double> weights = new HashMap<>();
    Map<String, String> meta = new LinkedHashMap<>();
    FeatureSet features = null;
    double threshold = Double.NaN;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        switch (f[0]) {
          case "meta" -> meta.put(f[1], f[2]);
          case "features" -> features = FeatureSet.parse(f[1]);
          case "threshold" -> threshold = Double.parseDouble(f[1]);
          case "w" -> weights.put(TsvField.unescape(f[1]), Double.parseDouble(f[2]));
          default -> throw new IOException("unknown line in candidate-complaint model: " + f[0]);
        }
      }
    }
    if (features == null || Double.isNaN(threshold)) {
      throw new IOException("candidate-complaint model without its feature set or threshold");
    }
    return new ComplaintModel(weights, threshold, features, meta);
  }

  private static String fmt(double v) {
    return v == 0 ? "0" : String.format(Locale.ROOT, "%.6g", v);
  }
}
