package io.listeningpost.enrich.sentiment;

import java.util.Locale;

/**
 * Three-class evaluation: confusion matrix, per-class precision and recall, macro-averaged recall
 * (the SemEval-2017 Task 4A and TweetEval metric) and macro-F1.
 */
public final class Evaluation {
  private final long[][] confusion = new long[3][3];

  public void add(int gold, int predicted) {
    confusion[gold][predicted]++;
  }

  /** {@code count} texts of class {@code gold} predicted as {@code predicted}. */
  public void add(int gold, int predicted, long count) {
    confusion[gold][predicted] += count;
  }

  public long total() {
    long n = 0;
    for (long[] row : confusion) {
      for (long v : row) {
        n += v;
      }
    }
    return n;
  }

  public long[][] confusion() {
    long[][] copy = new long[3][];
    for (int i = 0; i < 3; i++) {
      copy[i] = confusion[i].clone();
    }
    return copy;
  }

  public double recall(int c) {
    long gold = confusion[c][0] + confusion[c][1] + confusion[c][2];
    return gold == 0 ? 0 : confusion[c][c] / (double) gold;
  }

  public double precision(int c) {
    long predicted = confusion[0][c] + confusion[1][c] + confusion[2][c];
    return predicted == 0 ? 0 : confusion[c][c] / (double) predicted;
  }

  public double f1(int c) {
    double p = precision(c);
    double r = recall(c);
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  public double macroRecall() {
    return (recall(0) + recall(1) + recall(2)) / 3;
  }

  public double macroF1() {
    return (f1(0) + f1(1) + f1(2)) / 3;
  }

  public double accuracy() {
    long n = total();
    return n == 0 ? 0 : (confusion[0][0] + confusion[1][1] + confusion[2][2]) / (double) n;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "n=%d macro-recall=%.3f macro-F1=%.3f acc=%.3f", total(), macroRecall(),
        macroF1(), accuracy());
  }
}
