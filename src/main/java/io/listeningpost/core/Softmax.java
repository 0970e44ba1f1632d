package io.listeningpost.core;

/** Class probabilities from linear scores, shared by the linear models of every stage. */
public final class Softmax {
  private Softmax() {}

  /** exp(score) of each class over their sum, computed after subtracting the largest score so no term overflows. */
  public static double[] of(double[] scores) {
    double max = Double.NEGATIVE_INFINITY;
    for (double s : scores) {
      max = Math.max(max, s);
    }
    double[] out = new double[scores.length];
    double sum = 0;
    for (int i = 0; i < out.length; i++) {
      out[i] = Math.exp(scores[i] - max);
      sum += out[i];
    }
    for (int i = 0; i < out.length; i++) {
      out[i] /= sum;
    }
    return out;
  }

  /** The index of the largest value; ties go to the first. */
  public static int argmax(double[] values) {
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      if (values[i] > values[best]) {
        best = i;
      }
    }
    return best;
  }
}
