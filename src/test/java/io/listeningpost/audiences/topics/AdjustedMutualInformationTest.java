package io.listeningpost.audiences.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.listeningpost.testing.Sklearn;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AdjustedMutualInformationTest {
  @Test
  void identicalLabelingsScoreOneWhateverTheLabelValues() {
    int[] a = {0, 0, 1, 1, 2, 2, 2};
    assertThat(AdjustedMutualInformation.of(a, a)).isCloseTo(1, within(1e-12));
    assertThat(AdjustedMutualInformation.of(a, new int[] {7, 7, -3, -3, 9, 9, 9})).isCloseTo(1, within(1e-12));
  }

  @Test
  void oneClusterOnBothSidesScoresOneAsInScikitLearn() {
    assertThat(AdjustedMutualInformation.of(new int[] {4, 4, 4}, new int[] {1, 1, 1})).isEqualTo(1);
  }

  @Test
  void agreesWithScikitLearnOnRandomLabelings() throws Exception {
    Random random = new Random(11);
    int[][] sizes = {{30, 3, 4}, {200, 10, 20}, {612, 65, 20}, {54, 3, 10}, {9, 1, 3}};
    double[] ours = new double[sizes.length];
    String[] cases = new String[sizes.length];
    for (int c = 0; c < sizes.length; c++) {
      int[] a = new int[sizes[c][0]];
      int[] b = new int[sizes[c][0]];
      for (int i = 0; i < a.length; i++) {
        a[i] = random.nextInt(sizes[c][1]);
        b[i] = random.nextInt(sizes[c][2]);
      }
      ours[c] = AdjustedMutualInformation.of(a, b);
      cases[c] = join(a) + ":" + join(b);
    }
    Map<String, double[]> sklearn = Sklearn.run("""
        import sys
        from sklearn.metrics import adjusted_mutual_info_score
        for i, case in enumerate(sys.argv[1:]):
            a, b = ([int(x) for x in part.split(',')] for part in case.split(':'))
            print('case%d' % i, repr(adjusted_mutual_info_score(a, b)))
        """, cases);
    for (int c = 0; c < sizes.length; c++) {
      assertThat(ours[c]).as("case %d", c).isCloseTo(sklearn.get("case" + c)[0], within(1e-9));
    }
  }

  private static String join(int[] values) {
    return java.util.Arrays.stream(values).mapToObj(Integer::toString)
        .collect(java.util.stream.Collectors.joining(","));
  }
}
