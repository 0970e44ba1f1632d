package io.listeningpost.audiences.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class NpmiTest {
  @Test
  void termsThatAlwaysCoOccurScoreOne() {
    List<int[]> docs = List.of(new int[] {1, 2, 5}, new int[] {1, 2}, new int[] {3}, new int[] {4});
    assertThat(Npmi.coherence(docs, new int[] {1, 2})).isCloseTo(1, within(1e-12));
  }

  @Test
  void termsThatNeverMeetScoreMinusOne() {
    List<int[]> docs = List.of(new int[] {1}, new int[] {2}, new int[] {1, 3});
    assertThat(Npmi.coherence(docs, new int[] {1, 2})).isEqualTo(-1);
  }

  @Test
  void independentTermsScoreZero() {
    // p(1) = p(2) = 1/2, p(1, 2) = 1/4.
    List<int[]> docs = List.of(new int[] {1, 2}, new int[] {1}, new int[] {2}, new int[] {});
    assertThat(Npmi.coherence(docs, new int[] {1, 2})).isCloseTo(0, within(1e-12));
  }

  @Test
  void meanOverAllPairs() {
    // Pairs (1,2) always together: 1; (1,3) and (2,3) never: -1; mean -1/3.
    List<int[]> docs = List.of(new int[] {1, 2}, new int[] {3}, new int[] {1, 2}, new int[] {3});
    assertThat(Npmi.coherence(docs, new int[] {1, 2, 3})).isCloseTo(-1.0 / 3, within(1e-12));
  }
}
