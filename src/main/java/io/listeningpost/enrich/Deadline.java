package io.listeningpost.enrich;

/**
 * A cooperative time limit for one post's analysis: the analysis checks it between sentences and
 * between tokens of the tagger, and stops with {@link Exceeded} once it has passed. No thread is
 * started or interrupted, so the limit costs a clock read per check.
 */
final class Deadline {
  private final long endNanos;

  private Deadline(long endNanos) {
    this.endNanos = endNanos;
  }

  static Deadline in(long millis) {
    return new Deadline(System.nanoTime() + millis * 1_000_000L);
  }

  /** A deadline that never passes, for callers that need no limit (benchmarks, the stock comparison). */
  static Deadline none() {
    return new Deadline(Long.MAX_VALUE);
  }

  long remainingMillis() {
    return endNanos == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(0, (endNanos - System.nanoTime()) / 1_000_000L);
  }

  void check() {
    if (endNanos != Long.MAX_VALUE && System.nanoTime() - endNanos > 0) {
      throw new Exceeded();
    }
  }

  /** Thrown by {@link #check()} once the time limit has passed; carries no stack trace. */
  static final class Exceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Exceeded() {
      super("post time limit passed", null, false, false);
    }
  }
}
