package io.listeningpost.generate;

import java.util.SplittableRandom;

/**
 * Decides, record by record, whether a record is written plainly, written again later (possibly edited)
 * or broken, and counts what the format writers did with those decisions. One instance is shared by
 * every format writer of a run, called in a fixed order, so the same seed gives the same bytes.
 */
final class RecordFates {
  enum Fate { PLAIN, REPEATED, REPEATED_EDITED, BROKEN }

  private final SplittableRandom random;
  private int repeated;
  private int edited;
  private int broken;

  RecordFates(SplittableRandom random) {
    this.random = random;
  }

  /** About 1 in 1,000 broken, 2 in 1,000 repeated and 2 in 1,000 repeated with an edit. */
  Fate next() {
    int r = random.nextInt(1000);
    return r == 0 ? Fate.BROKEN : r < 3 ? Fate.REPEATED : r < 5 ? Fate.REPEATED_EDITED : Fate.PLAIN;
  }

  void countRepeated(int posts) {
    repeated += posts;
  }

  void countEdited() {
    edited++;
  }

  void countBroken() {
    broken++;
  }

  int repeated() {
    return repeated;
  }

  int edited() {
    return edited;
  }

  int broken() {
    return broken;
  }
}
