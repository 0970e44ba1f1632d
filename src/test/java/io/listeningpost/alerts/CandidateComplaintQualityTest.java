package io.listeningpost.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Precision and recall of "alert yes" with the pipeline's sentence sentiment (docs/alerts.md). */
@Tag("nlp")
class CandidateComplaintQualityTest {
  @Test
  void developmentSet() {
    LabelledPosts.Scores s = LabelledPosts.evaluate(LabelledPosts.read(LabelledPosts.DEVELOPMENT_SET));
    System.out.println("development set: " + s.report());
    s.errors().forEach(System.out::println);
    assertThat(s.precision()).isGreaterThanOrEqualTo(0.8);
    assertThat(s.recall()).isGreaterThanOrEqualTo(0.8);
  }
}
