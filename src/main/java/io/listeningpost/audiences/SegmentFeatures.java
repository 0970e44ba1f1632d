package io.listeningpost.audiences;

/**
 * An author's position for segmentation: what they talk about (their posts' shares per topic) and how
 * they behave (activity, attention received, spread over communities, tone, role), each behaviour
 * feature mapped to [0, 1] by a fixed scale so that no single count dominates and no pass over the
 * data is needed to scale it.
 */
public final class SegmentFeatures {
  /** Behaviour counts half as much as topics: segments are first of all about what people discuss. */
  static final double BEHAVIOUR_WEIGHT = 0.5;
  static final String[] ROLES = {"opinion maker", "connector", "critic"};

  private SegmentFeatures() {}

  /**
   * @param topicPosts the author's posts per topic (their strongest topic)
   * @param sentiment mean post sentiment in [-1, 1], or null when unknown
   * @param role the author's role in the graph, or null
   */
  public static double[] of(long[] topicPosts, long posts, long repliesReceived, int communities, Double sentiment,
      String role) {
    int k = topicPosts.length;
    double[] f = new double[k + 4 + ROLES.length];
    long total = 0;
    for (long n : topicPosts) {
      total += n;
    }
    for (int t = 0; t < k; t++) {
      f[t] = total == 0 ? 0 : topicPosts[t] / (double) total;
    }
    f[k] = BEHAVIOUR_WEIGHT * scaled(posts, 50);
    f[k + 1] = BEHAVIOUR_WEIGHT * scaled(repliesReceived, 100);
    f[k + 2] = BEHAVIOUR_WEIGHT * scaled(communities, 10);
    f[k + 3] = BEHAVIOUR_WEIGHT * (sentiment == null ? 0.5 : (Math.max(-1, Math.min(1, sentiment)) + 1) / 2);
    for (int r = 0; r < ROLES.length; r++) {
      f[k + 4 + r] = BEHAVIOUR_WEIGHT * (ROLES[r].equals(role) ? 1 : 0);
    }
    return f;
  }

  /** log(1 + n) / log(1 + full), capped at 1: a count of {@code full} or more is as high as it gets. */
  static double scaled(long n, long full) {
    return Math.min(1, Math.log1p(Math.max(0, n)) / Math.log1p(full));
  }
}
