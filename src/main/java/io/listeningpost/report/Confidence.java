package io.listeningpost.report;

/**
 * How far an answer can be trusted: the strength of its signal (a match score, a fit, a share, in [0, 1])
 * times a factor for how much evidence stands behind it, {@code 1 - exp(-n / 10)}: 1 post gives 0.10,
 * 10 posts 0.63, 30 posts 0.95. A strong signal on three posts is still a weak answer.
 */
final class Confidence {
  private static final double EVIDENCE_SCALE = 10.0;

  static double of(double strength, long evidence) {
    double s = Double.isNaN(strength) ? 0 : Math.max(0, Math.min(1, strength));
    double volume = 1 - Math.exp(-Math.max(0, evidence) / EVIDENCE_SCALE);
    return Math.round(s * volume * 1000) / 1000.0;
  }

  private Confidence() {}
}
