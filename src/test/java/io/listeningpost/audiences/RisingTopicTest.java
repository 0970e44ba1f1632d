package io.listeningpost.audiences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RisingTopicTest {
  @Test
  void aWeekFarAboveItsSteadyBaselineIsRising() {
    long[] baseline = new long[28];
    Arrays.fill(baseline, 2);
    baseline[3] = 4;
    baseline[10] = 0;
    long[] recent = {6, 7, 5, 8, 6, 7, 6};
    RisingTopic.Growth g = RisingTopic.of(baseline, recent);
    assertThat(g.recentMean()).isCloseTo(45 / 7.0, within(1e-12));
    assertThat(g.baselineMean()).isCloseTo(2.0, within(1e-12));
    assertThat(g.z()).isGreaterThan(RisingTopic.MIN_Z);
  }

  @Test
  void aWeekLikeItsBaselineOrOneStrayPostOnAQuietTopicIsNotRising() {
    long[] baseline = {3, 1, 4, 2, 5, 1, 3, 2, 4, 3, 2, 5, 1, 3, 2, 4, 3, 2, 1, 4, 3, 2, 3, 4, 2, 3, 1, 3};
    assertThat(RisingTopic.of(baseline, new long[] {3, 2, 4, 3, 2, 3, 3}).z()).isLessThan(RisingTopic.MIN_Z);
    // A topic nobody discussed for four weeks gets one post: a 1/7 rise against a floor of one post a day.
    assertThat(RisingTopic.of(new long[28], new long[] {0, 0, 0, 0, 0, 0, 1}).z()).isLessThan(RisingTopic.MIN_Z);
  }
}
