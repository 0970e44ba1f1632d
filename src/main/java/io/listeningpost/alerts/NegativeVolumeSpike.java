package io.listeningpost.alerts;

/**
 * Whether a watched term's negative posts on the last days stand out against the days before, as a
 * z-score. Plain Java.
 *
 * <p>The recent days' mean count is compared with the baseline days' mean, in units of the standard
 * error of a mean of that many days. The day-to-day deviation is the baseline's sample deviation, but at
 * least the square root of its mean (and of 1): counts are Poisson-like, and a flat or empty baseline
 * would otherwise make any post a spike.
 */
public final class NegativeVolumeSpike {
  public record Result(double z, long recentPosts, double baselineMean) {}

  private NegativeVolumeSpike() {}

  /** {@code daily} holds the baseline days first, then the {@code recentDays} recent ones. */
  public static Result of(long[] daily, int recentDays) {
    int baselineDays = daily.length - recentDays;
    if (baselineDays < 2 || recentDays < 1) {
      throw new IllegalArgumentException("need at least 2 baseline days and 1 recent day, got " + daily.length);
    }
    double sum = 0;
    for (int d = 0; d < baselineDays; d++) {
      sum += daily[d];
    }
    double mean = sum / baselineDays;
    double squares = 0;
    for (int d = 0; d < baselineDays; d++) {
      squares += (daily[d] - mean) * (daily[d] - mean);
    }
    double sd = Math.max(Math.sqrt(squares / (baselineDays - 1)), Math.sqrt(Math.max(mean, 1.0)));
    long recent = 0;
    for (int d = baselineDays; d < daily.length; d++) {
      recent += daily[d];
    }
    double z = (recent / (double) recentDays - mean) / (sd / Math.sqrt(recentDays));
    return new Result(z, recent, mean);
  }
}
