package io.listeningpost.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.listeningpost.core.config.AlertsSettings;
import org.junit.jupiter.api.Test;

class AlertRulesTest {
  private final AlertRules rules = new AlertRules(new AlertsSettings(true, 7, 1, 14, 3.0, 5, 10, 500));

  @Test
  void complaintSeverityRisesWithSpreadReachAndRole() {
    assertThat(rules.complaintSeverity(0, null, null)).isEqualTo(AlertRules.LOW);
    assertThat(rules.complaintSeverity(0, 49L, "regular")).isEqualTo(AlertRules.LOW);
    assertThat(rules.complaintSeverity(1, null, null)).isEqualTo(AlertRules.MEDIUM);
    assertThat(rules.complaintSeverity(0, 50L, "regular")).isEqualTo(AlertRules.MEDIUM);
    assertThat(rules.complaintSeverity(10, null, null)).isEqualTo(AlertRules.HIGH);
    assertThat(rules.complaintSeverity(0, 500L, null)).isEqualTo(AlertRules.HIGH);
    assertThat(rules.complaintSeverity(0, 3L, "critic")).isEqualTo(AlertRules.HIGH);
    assertThat(rules.complaintSeverity(0, 3L, "opinion maker")).isEqualTo(AlertRules.HIGH);
  }

  @Test
  void nextStepsArePlainSentencesThatNameWhoToInvolve() {
    assertThat(AlertRules.complaintNextStep(AlertRules.MEDIUM, "Acme", "regular"))
        .contains("within a day").contains("recruiting lead").doesNotContain("reach out");
    assertThat(AlertRules.complaintNextStep(AlertRules.HIGH, "Acme", "critic")).contains("critic")
        .contains("someone at Acme");
    assertThat(AlertRules.spikeNextStep("Acme", 12, 1)).contains("12 negative posts naming Acme of the last day");
  }

  @Test
  void aSpikeIsTheRecentMeanAgainstTheBaselineInStandardErrors() {
    long[] flat = {2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 9};
    NegativeVolumeSpike.Result r = NegativeVolumeSpike.of(flat, 1);
    // A flat baseline has no deviation: the floor sqrt(mean) keeps one post from being a spike.
    assertThat(r.z()).isCloseTo(7 / Math.sqrt(2), offset(1e-12));
    assertThat(r.recentPosts()).isEqualTo(9);
    assertThat(NegativeVolumeSpike.of(new long[] {0, 0, 0, 0, 1}, 1).z()).isCloseTo(1.0, offset(1e-12));
    long[] twoDays = {1, 3, 1, 3, 1, 3, 6, 8};
    // Mean 2, sample deviation sqrt(1.2) ≈ 1.095 < sqrt(2): the floor applies; two recent days halve the variance.
    assertThat(NegativeVolumeSpike.of(twoDays, 2).z()).isCloseTo((7 - 2) / (Math.sqrt(2) / Math.sqrt(2)),
        offset(1e-12));
    assertThat(rules.spikeSeverity(5.9)).isEqualTo(AlertRules.MEDIUM);
    assertThat(rules.spikeSeverity(6.0)).isEqualTo(AlertRules.HIGH);
    assertThatThrownBy(() -> NegativeVolumeSpike.of(new long[] {1, 2}, 1)).isInstanceOf(IllegalArgumentException.class);
  }
}
