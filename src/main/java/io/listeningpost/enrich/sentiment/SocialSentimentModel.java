package io.listeningpost.enrich.sentiment;

import io.listeningpost.core.Softmax;
import io.listeningpost.core.TsvField;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
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
 * The shipped social-text sentiment model: a multinomial logistic regression trained with CoreNLP's
 * {@code LinearClassifierFactory} on labelled tweets and Reddit comments (see {@code train-sentiment}),
 * plus the lexicon values its features need. Scoring is a few hash lookups per token, no Spark and
 * no parser, so it runs on every post.
 *
 * <p>Classes are ordered negative, neutral, positive. {@code offsets} are per-class decision offsets
 * tuned for macro-averaged recall on a split never trained on.
 */
public final class SocialSentimentModel {
  public static final String RESOURCE = "/io/listeningpost/enrich/sentiment/social-sentiment-model.tsv.gz";
  public static final String[] LABELS = {"negative", "neutral", "positive"};
  static final String CHAR_NGRAMS = "features.char-ngrams";
  public static final int NEG = 0;
  public static final int NEU = 1;
  public static final int POS = 2;

  private final Map<String, float[]> weights;
  private final float[] offsets;
  private final SentimentLexicon lexicon;
  private final Map<String, String> meta;

  public SocialSentimentModel(Map<String, float[]> weights, float[] offsets, SentimentLexicon lexicon,
      Map<String, String> meta) {
    this.weights = weights;
    this.offsets = offsets.clone();
    this.lexicon = lexicon;
    this.meta = Map.copyOf(meta);
  }

  /** The model shipped in the jar, loaded once per JVM. */
  public static SocialSentimentModel shipped() {
    return Shipped.MODEL;
  }

  private static final class Shipped {
    static final SocialSentimentModel MODEL = loadResource();

    private static SocialSentimentModel loadResource() {
      try (InputStream in = SocialSentimentModel.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("The sentiment model " + RESOURCE + " is missing from the jar; "
              + "rebuild it with: jobs/listening-post train-sentiment");
        }
        return read(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  public String version() {
    return meta.getOrDefault("version", "unknown");
  }

  public Map<String, String> meta() {
    return meta;
  }

  /** Whether the model's features include character n-grams (meta {@code features.char-ngrams}). */
  public boolean charNgrams() {
    return Boolean.parseBoolean(meta.getOrDefault(CHAR_NGRAMS, "false"));
  }

  public SentimentLexicon lexicon() {
    return lexicon;
  }

  /** Class probabilities (negative, neutral, positive) of a text, after the tuned offsets. */
  public double[] probabilities(String text) {
    return probabilities(SentimentFeatures.extract(text, lexicon, charNgrams()));
  }

  public double[] probabilities(Map<String, Double> features) {
    double[] s = new double[3];
    for (Map.Entry<String, Double> e : features.entrySet()) {
      float[] w = weights.get(e.getKey());
      if (w != null) {
        double v = e.getValue();
        s[0] += w[0] * v;
        s[1] += w[1] * v;
        s[2] += w[2] * v;
      }
    }
    return softmax(s, offsets);
  }

  static double[] softmax(double[] scores, float[] offsets) {
    double[] shifted = new double[scores.length];
    for (int i = 0; i < scores.length; i++) {
      shifted[i] = scores[i] + offsets[i];
    }
    return Softmax.of(shifted);
  }

  /** A score in [-1, 1]: P(positive) - P(negative). */
  public static double score(double[] p) {
    return p[POS] - p[NEG];
  }

  public float[] offsets() {
    return offsets.clone();
  }

  public SocialSentimentModel withOffsets(float[] newOffsets) {
    return new SocialSentimentModel(weights, newOffsets, lexicon, meta);
  }

  public SocialSentimentModel withMeta(Map<String, String> more) {
    Map<String, String> m = new LinkedHashMap<>(meta);
    m.putAll(more);
    return new SocialSentimentModel(weights, offsets, lexicon, m);
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
      w.write("# Listening Post social sentiment model. Rebuild: jobs/listening-post train-sentiment\n");
      for (Map.Entry<String, String> e : new TreeMap<>(meta).entrySet()) {
        w.write("meta\t" + e.getKey() + "\t" + e.getValue().replace('\t', ' ').replace('\n', ' ') + "\n");
      }
      w.write("offsets\t" + fmt(offsets[0]) + "\t" + fmt(offsets[1]) + "\t" + fmt(offsets[2]) + "\n");
      for (Map.Entry<String, float[]> e : new TreeMap<>(lexicon.entries()).entrySet()) {
        float[] v = e.getValue();
        StringBuilder line = new StringBuilder("lex\t").append(TsvField.escape(e.getKey()));
        for (float x : v) {
          line.append('\t').append(fmt(x));
        }
        w.write(line.append('\n').toString());
      }
      for (Map.Entry<String, float[]> e : new TreeMap<>(weights).entrySet()) {
        float[] v = e.getValue();
        w.write("w\t" + TsvField.escape(e.getKey()) + "\t" + fmt(v[0]) + "\t" + fmt(v[1]) + "\t" + fmt(v[2]) + "\n");
      }
    }
  }

  public static SocialSentimentModel read(InputStream in) throws IOException {
    Map<String, float[]> weights = new HashMap<>();
    Map<String, float[]> lex = new HashMap<>();
    Map<String, String> meta = new LinkedHashMap<>();
    float[] offsets = new float[3];
    try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        switch (f[0]) {
          case "meta" -> meta.put(f[1], f[2]);
          case "offsets" -> offsets = floats(f, 1, 3);
          case "lex" -> lex.put(TsvField.unescape(f[1]), lexicon(f));
          case "w" -> weights.put(TsvField.unescape(f[1]), floats(f, 2, 3));
          default -> throw new IOException("unknown line in sentiment model: " + f[0]);
        }
      }
    }
    return new SocialSentimentModel(weights, offsets, new SentimentLexicon(lex), meta);
  }

  /** A lexicon line's scores; lines written before the distant source existed have one fewer. */
  private static float[] lexicon(String[] f) {
    float[] v = new float[SentimentLexicon.SOURCES];
    System.arraycopy(floats(f, 2, f.length - 2), 0, v, 0, Math.min(v.length, f.length - 2));
    return v;
  }

  private static float[] floats(String[] f, int from, int n) {
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      out[i] = Float.parseFloat(f[from + i]);
    }
    return out;
  }

  private static String fmt(float v) {
    return v == 0 ? "0" : String.format(Locale.ROOT, "%.5g", v);
  }
}
