package io.listeningpost.audiences;

/**
 * Whether a topic is rising: its mean daily posts in the recent days against the trailing baseline
 * days before them, as a z-score of that mean. Plain Java over daily counts, so the rule is tested
 * without Spark.
 */
public final class RisingTopic {
  /** A z-score from this up is reported as rising. */
  public static final double MIN_Z = 2.0;

  private RisingTopic() {}

  /** Recent and baseline daily means, the baseline's spread, and the z-score. */
  public record Growth(double recentMean, double baselineMean, double baselineSd, double z) {}

  /**
   * @param baseline posts per day over the baseline days (days without posts count as 0)
   * @param recent posts per day over the recent days
   */
  public static Growth of(long[] baseline, long[] recent) {
    double mu = mean(baseline);
    double var = 0;
    for (long b : baseline) {
      var += (b - mu) * (b - mu);
    }
    double sd = baseline.length > 1 ? Math.sqrt(var / (baseline.length - 1)) : 0;
    double m = mean(recent);
    // The standard error of a mean of n days; a quiet baseline is given the spread of one post over the
    // recent days, so that one extra post is not an infinite rise.
    double se = Math.max(sd, 1.0) / Math.sqrt(Math.max(1, recent.length));
    return new Growth(m, mu, sd, (m - mu) / se);
  }

  private static double mean(long[] xs) {
    if (xs.length == 0) {
      return 0;
    }
    double s = 0;
    for (long x : xs) {
      s += x;
    }
    return s / xs.length;
  }
}
