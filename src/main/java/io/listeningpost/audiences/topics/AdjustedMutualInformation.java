package io.listeningpost.audiences.topics;

import java.util.HashMap;
import java.util.Map;

/**
 * Adjusted mutual information of two labelings (Vinh, Epps and Bailey 2010), normalised by the arithmetic
 * mean of the entropies as scikit-learn's {@code adjusted_mutual_info_score} does by default, with its edge
 * cases: 1 when both labelings put everything in one cluster, and a denominator kept at least machine
 * epsilon away from 0. Chance agreement scores about 0, identical partitions 1, whatever the label values.
 */
public final class AdjustedMutualInformation {
  private static final double EPSILON = Math.ulp(1.0);

  private AdjustedMutualInformation() {}

  public static double of(int[] labelsA, int[] labelsB) {
    if (labelsA.length != labelsB.length) {
      throw new IllegalArgumentException("labelings differ in length: " + labelsA.length + " vs " + labelsB.length);
    }
    int n = labelsA.length;
    int[] a = dense(labelsA);
    int[] b = dense(labelsB);
    int rows = max(a) + 1;
    int columns = max(b) + 1;
    if (rows == columns && rows <= 1) {
      return 1.0;
    }
    long[][] contingency = new long[rows][columns];
    long[] rowSums = new long[rows];
    long[] columnSums = new long[columns];
    for (int i = 0; i < n; i++) {
      contingency[a[i]][b[i]]++;
      rowSums[a[i]]++;
      columnSums[b[i]]++;
    }
    double mutualInformation = 0;
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < columns; c++) {
        long nij = contingency[r][c];
        if (nij > 0) {
          mutualInformation += (double) nij / n * Math.log((double) n * nij / ((double) rowSums[r] * columnSums[c]));
        }
      }
    }
    mutualInformation = Math.max(0, mutualInformation);
    double expected = expectedMutualInformation(rowSums, columnSums, n);
    double normaliser = (entropy(rowSums, n) + entropy(columnSums, n)) / 2;
    double denominator = normaliser - expected;
    denominator = denominator < 0 ? Math.min(denominator, -EPSILON) : Math.max(denominator, EPSILON);
    return (mutualInformation - expected) / denominator;
  }

  /**
   * E[MI] under the hypergeometric model of random labelings with these cluster sizes: the sum over cell
   * counts nij of nij/N · ln(N·nij / (ai·bj)) times the probability of that count.
   */
  private static double expectedMutualInformation(long[] rowSums, long[] columnSums, int n) {
    double[] logFactorial = new double[n + 1];
    for (int i = 2; i <= n; i++) {
      logFactorial[i] = logFactorial[i - 1] + Math.log(i);
    }
    double expected = 0;
    for (long ai : rowSums) {
      for (long bj : columnSums) {
        long low = Math.max(1, ai + bj - n);
        long high = Math.min(ai, bj);
        for (long nij = low; nij <= high; nij++) {
          double logProbability = logFactorial[(int) ai] + logFactorial[(int) bj] + logFactorial[(int) (n - ai)]
              + logFactorial[(int) (n - bj)] - logFactorial[n] - logFactorial[(int) nij]
              - logFactorial[(int) (ai - nij)] - logFactorial[(int) (bj - nij)]
              - logFactorial[(int) (n - ai - bj + nij)];
          expected += (double) nij / n * Math.log((double) n * nij / ((double) ai * bj)) * Math.exp(logProbability);
        }
      }
    }
    return expected;
  }

  private static double entropy(long[] sums, int n) {
    double h = 0;
    for (long s : sums) {
      if (s > 0) {
        double p = (double) s / n;
        h -= p * Math.log(p);
      }
    }
    return h;
  }

  /** Labels renumbered 0.. in order of first appearance, so any int values work as labels. */
  private static int[] dense(int[] labels) {
    Map<Integer, Integer> ids = new HashMap<>();
    int[] out = new int[labels.length];
    for (int i = 0; i < labels.length; i++) {
      out[i] = ids.computeIfAbsent(labels[i], k -> ids.size());
    }
    return out;
  }

  private static int max(int[] values) {
    int m = -1;
    for (int v : values) {
      m = Math.max(m, v);
    }
    return m;
  }
}
