package io.listeningpost.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of "alert yes" on the fresh held-out set, with the pipeline's sentence sentiment and the
 * shipped model (docs/alerts.md). The development and labelled sets are training data; their cross-validated
 * figures come from ComplaintModelTrainingTest.
 */
@Tag("nlp")
class CandidateComplaintQualityTest {
  /**
   * Evaluated after the model and its threshold were committed (the model rebuilt for social-linear-2):
   * precision 0.802 (77 of 96 alerts), recall 0.770 (77 of 100). The target is 0.8 for both; precision is asserted at the target, recall at the measured
   * figure less 0.02, a floor that a change must not lower.
   */
  @Test
  void freshSet() {
    LabelledPosts.Scores s = LabelledPosts.evaluate(LabelledPosts.read(LabelledPosts.FRESH_SET),
        LabelledPosts.FRESH_WATCH);
    System.out.println("fresh set: " + s.report());
    s.errors().forEach(System.out::println);
    assertThat(s.precision()).isGreaterThanOrEqualTo(0.80);
    assertThat(s.recall()).isGreaterThanOrEqualTo(0.75);
  }
}
