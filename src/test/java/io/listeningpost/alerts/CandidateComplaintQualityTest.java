package io.listeningpost.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Precision and recall of "alert yes" with the pipeline's sentence sentiment (docs/alerts.md). */
@Tag("nlp")
class CandidateComplaintQualityTest {
  @Test
  void developmentSet() {
    LabelledPosts.Scores s = LabelledPosts.evaluate(LabelledPosts.read(LabelledPosts.DEVELOPMENT_SET),
        LabelledPosts.DEVELOPMENT_WATCH);
    System.out.println("development set: " + s.report());
    s.errors().forEach(System.out::println);
    assertThat(s.precision()).isGreaterThanOrEqualTo(0.8);
    assertThat(s.recall()).isGreaterThanOrEqualTo(0.8);
  }

  /**
   * The held-out test set. The target is 0.8 for both; the detector reaches it for precision but not for
   * recall (docs/alerts.md), so this asserts the measured figures as a floor that a change must not lower.
   */
  @Test
  void testSet() {
    LabelledPosts.Scores s = LabelledPosts.evaluate(LabelledPosts.read(LabelledPosts.LABELLED_SET),
        LabelledPosts.LABELLED_WATCH);
    System.out.println("test set: " + s.report());
    assertThat(s.precision()).isGreaterThanOrEqualTo(0.8);
    assertThat(s.recall()).isGreaterThanOrEqualTo(0.51);
  }
}
