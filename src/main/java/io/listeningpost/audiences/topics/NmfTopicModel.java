package io.listeningpost.audiences.topics;

import java.util.List;

/**
 * Topics as a non-negative factorisation X ≈ W·H of the documents' tf-idf matrix X (documents × terms)
 * under the Frobenius loss: a row of H is a topic over terms, a row of W says how much of each topic a
 * document holds. Non-negativity is what makes topics additive parts ("this post is mostly about X")
 * rather than the signed mixtures of an SVD.
 *
 * <p>Initialisation is NNDSVDa (Boutsidis and Gallopoulos 2008, as scikit-learn's {@code init='nndsvda'}):
 * the positive parts of the leading singular vectors, with zeros filled by the mean of X so that updates
 * can move them. The singular vectors come from a seeded randomised SVD, so the model is deterministic for
 * a seed. Updates are HALS (coordinate descent on one topic column at a time, scikit-learn's {@code cd}
 * solver), which converges in far fewer passes than multiplicative updates. After fitting, each topic row
 * is scaled to unit length (W·H is unchanged up to the matching scale of W) so that the weights of
 * different topics in a document are comparable.
 */
public final class NmfTopicModel implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  /** Enough HALS passes for the loss on a few thousand posts to settle to well under 0.1 %. */
  public static final int DEFAULT_ITERATIONS = 200;

  /** Passes of the non-negative least squares that weigh one document against fixed topics. */
  private static final int DOCUMENT_PASSES = 200;
  private static final double DOCUMENT_TOLERANCE = 1e-12;
  /** Oversampling and power iterations of the randomised SVD (Halko, Martinsson, Tropp 2011). */
  private static final int SVD_OVERSAMPLING = 10;
  private static final int SVD_POWER_ITERATIONS = 7;
  private static final double NNDSVD_ZERO = 1e-6;

  private final int vocabularySize;
  /** H: topics × terms, rows of unit L2 norm. */
  private final double[][] topicTerms;
  /** H·Hᵀ, used by every document weighing. */
  private final double[][] topicGram;

  private NmfTopicModel(int vocabularySize, double[][] topicTerms) {
    this.vocabularySize = vocabularySize;
    this.topicTerms = topicTerms;
    this.topicGram = gram(topicTerms);
  }

  public static NmfTopicModel fit(List<SparseDoc> docs, int vocabularySize, int topics, long seed, int iterations) {
    if (topics < 1) {
      throw new IllegalArgumentException("topics must be at least 1: " + topics);
    }
    int n = docs.size();
    double[][] w = new double[n][topics];
    double[][] h = new double[topics][vocabularySize];
    initialiseNndsvda(docs, vocabularySize, topics, seed, w, h);
    for (int it = 0; it < iterations; it++) {
      updateDocumentTopics(docs, w, h);
      updateTopicTerms(docs, w, h);
    }
    for (double[] row : h) {
      double norm = Math.sqrt(dot(row, row));
      if (norm > 0) {
        for (int t = 0; t < row.length; t++) {
          row[t] /= norm;
        }
      }
    }
    return new NmfTopicModel(vocabularySize, h);
  }

  public int topics() {
    return topicTerms.length;
  }

  public int vocabularySize() {
    return vocabularySize;
  }

  /** The topic's weight for every term id (a row of H, unit length); a copy. */
  public double[] termWeights(int topic) {
    return topicTerms[topic].clone();
  }

  /**
   * Ids of the topic's {@code count} heaviest terms, heaviest first (ties by lower id). Terms the topic
   * gives no weight are not among its terms, so a narrow topic may list fewer.
   */
  public int[] topTerms(int topic, int count) {
    double[] row = topicTerms[topic];
    return java.util.stream.IntStream.range(0, row.length).filter(t -> row[t] > 0).boxed()
        .sorted((a, b) -> row[a] != row[b] ? Double.compare(row[b], row[a]) : Integer.compare(a, b))
        .limit(count).mapToInt(Integer::intValue).toArray();
  }

  /**
   * The document's topic weights with H fixed: non-negative least squares min ‖x − w·H‖ by coordinate
   * descent (exact for this convex problem), then scaled to sum 1. All zero when the document has no
   * vocabulary term, or none that any topic uses.
   */
  public double[] weights(SparseDoc doc) {
    int k = topics();
    double[] w = new double[k];
    double[] projection = new double[k];
    for (int t = 0; t < k; t++) {
      double[] row = topicTerms[t];
      double s = 0;
      for (int i = 0; i < doc.terms().length; i++) {
        s += doc.weights()[i] * row[doc.terms()[i]];
      }
      projection[t] = s;
    }
    for (int pass = 0; pass < DOCUMENT_PASSES; pass++) {
      double change = 0;
      for (int t = 0; t < k; t++) {
        double curvature = topicGram[t][t];
        if (curvature <= 0) {
          continue;
        }
        double gradient = dot(topicGram[t], w) - projection[t];
        double updated = Math.max(0, w[t] - gradient / curvature);
        change = Math.max(change, Math.abs(updated - w[t]));
        w[t] = updated;
      }
      if (change < DOCUMENT_TOLERANCE) {
        break;
      }
    }
    double sum = 0;
    for (double v : w) {
      sum += v;
    }
    if (sum > 0) {
      for (int t = 0; t < k; t++) {
        w[t] /= sum;
      }
    }
    return w;
  }

  /** One HALS pass over W with H fixed: each topic column in turn, exactly minimised and clipped at 0. */
  private static void updateDocumentTopics(List<SparseDoc> docs, double[][] w, double[][] h) {
    int k = h.length;
    double[][] hht = gram(h);
    for (int d = 0; d < docs.size(); d++) {
      SparseDoc doc = docs.get(d);
      double[] xht = new double[k];
      for (int t = 0; t < k; t++) {
        double[] row = h[t];
        double s = 0;
        for (int i = 0; i < doc.terms().length; i++) {
          s += doc.weights()[i] * row[doc.terms()[i]];
        }
        xht[t] = s;
      }
      double[] wd = w[d];
      for (int t = 0; t < k; t++) {
        if (hht[t][t] > 0) {
          wd[t] = Math.max(0, wd[t] - (dot(hht[t], wd) - xht[t]) / hht[t][t]);
        }
      }
    }
  }

  /** One HALS pass over H with W fixed, the transpose of {@link #updateDocumentTopics}. */
  private static void updateTopicTerms(List<SparseDoc> docs, double[][] w, double[][] h) {
    int k = h.length;
    int terms = k == 0 ? 0 : h[0].length;
    double[][] wtw = new double[k][k];
    for (double[] wd : w) {
      for (int a = 0; a < k; a++) {
        if (wd[a] == 0) {
          continue;
        }
        for (int b = 0; b < k; b++) {
          wtw[a][b] += wd[a] * wd[b];
        }
      }
    }
    // Xᵀ·W, term-major so that the per-term update below reads one contiguous row.
    double[][] xtw = new double[terms][k];
    for (int d = 0; d < docs.size(); d++) {
      SparseDoc doc = docs.get(d);
      double[] wd = w[d];
      for (int i = 0; i < doc.terms().length; i++) {
        double[] target = xtw[doc.terms()[i]];
        double x = doc.weights()[i];
        for (int t = 0; t < k; t++) {
          target[t] += x * wd[t];
        }
      }
    }
    double[] column = new double[k];
    for (int term = 0; term < terms; term++) {
      for (int t = 0; t < k; t++) {
        column[t] = h[t][term];
      }
      for (int t = 0; t < k; t++) {
        if (wtw[t][t] > 0) {
          column[t] = Math.max(0, column[t] - (dot(wtw[t], column) - xtw[term][t]) / wtw[t][t]);
        }
      }
      for (int t = 0; t < k; t++) {
        h[t][term] = column[t];
      }
    }
  }

  /**
   * NNDSVDa: for each leading singular triplet (σ, u, v), the sign part of (u, v) with the larger norm
   * product; zeros then take the mean of X.
   */
  private static void initialiseNndsvda(List<SparseDoc> docs, int vocabularySize, int topics, long seed,
      double[][] w, double[][] h) {
    int n = docs.size();
    TruncatedSvd svd = TruncatedSvd.of(docs, vocabularySize, topics, SVD_OVERSAMPLING, SVD_POWER_ITERATIONS, seed);
    for (int j = 0; j < Math.min(topics, svd.values().length); j++) {
      double[] u = svd.left()[j];
      double[] v = svd.right()[j];
      double[] up = positivePart(u, 1);
      double[] un = positivePart(u, -1);
      double[] vp = positivePart(v, 1);
      double[] vn = positivePart(v, -1);
      double upNorm = Math.sqrt(dot(up, up));
      double unNorm = Math.sqrt(dot(un, un));
      double vpNorm = Math.sqrt(dot(vp, vp));
      double vnNorm = Math.sqrt(dot(vn, vn));
      boolean positive = upNorm * vpNorm >= unNorm * vnNorm;
      double[] uPart = positive ? up : un;
      double[] vPart = positive ? vp : vn;
      double uNorm = positive ? upNorm : unNorm;
      double vNorm = positive ? vpNorm : vnNorm;
      double sigma = uNorm * vNorm;
      if (sigma <= 0) {
        continue;
      }
      double scale = Math.sqrt(svd.values()[j] * sigma);
      for (int d = 0; d < n; d++) {
        w[d][j] = scale * uPart[d] / uNorm;
      }
      for (int t = 0; t < vocabularySize; t++) {
        h[j][t] = scale * vPart[t] / vNorm;
      }
    }
    double total = 0;
    for (SparseDoc doc : docs) {
      for (double x : doc.weights()) {
        total += x;
      }
    }
    double mean = n == 0 || vocabularySize == 0 ? 0 : total / ((double) n * vocabularySize);
    // NNDSVD leaves many exact zeros, which pin the start to a sparse corner; scikit-learn's nndsvda
    // (the prototype's init) replaces entries below 1e-6 with the mean of X.
    for (double[] row : w) {
      fillSmall(row, NNDSVD_ZERO, mean);
    }
    for (double[] row : h) {
      fillSmall(row, NNDSVD_ZERO, mean);
    }
  }

  private static void fillSmall(double[] row, double below, double value) {
    for (int i = 0; i < row.length; i++) {
      if (row[i] < below) {
        row[i] = value;
      }
    }
  }

  private static double[] positivePart(double[] x, int sign) {
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = Math.max(0, sign * x[i]);
    }
    return out;
  }

  private static double[][] gram(double[][] rows) {
    int k = rows.length;
    double[][] g = new double[k][k];
    for (int a = 0; a < k; a++) {
      for (int b = a; b < k; b++) {
        g[a][b] = dot(rows[a], rows[b]);
        g[b][a] = g[a][b];
      }
    }
    return g;
  }

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
