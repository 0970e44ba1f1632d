package io.listeningpost.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.listeningpost.graph.InfluenceModel.AuthorFacts;
import java.util.List;
import org.junit.jupiter.api.Test;

class InfluenceModelTest {
  private static AuthorFacts facts(Double watchedSentiment, Long watchedPosts, String flag) {
    return new AuthorFacts(10L, 50L, 20L, 8L, -0.1, watchedSentiment, watchedPosts, null, 4.0, false, List.of("r/jobs"), flag, null);
  }

  @Test
  void rolesFollowTheirDocumentedRulesAndSayWhy() {
    String[] critic = InfluenceModel.role(3, 100, 0.97, 0.5, 0.1, 1, 8, 1.0, facts(-0.6, 3L, null), 12);
    assertThat(critic[0]).isEqualTo("critic");
    assertThat(critic[1]).contains("-0.60 over 3 posts");
    assertThat(InfluenceModel.role(3, 100, 0.97, 0.5, 0.1, 1, 8, 1.0, facts(0.4, 3L, null), 12)[0])
        .isEqualTo("opinion maker");
    // Rank 6 of 100 is outside the top 5%.
    String[] angel = InfluenceModel.role(6, 100, 0.9, 0.97, 0.62, 4, 8, 1.0, facts(null, 0L, null), 12);
    assertThat(angel[0]).isEqualTo("connector");
    assertThat(angel[1]).contains("4 communities").contains("participation 0.62");
    assertThat(InfluenceModel.role(30, 100, 0.8, 0.2, 0.1, 1, 3, 3.0, facts(null, 0L, null), 6)[0])
        .isEqualTo("rising voice");
    assertThat(InfluenceModel.role(60, 100, 0.4, 0.2, 0.1, 1, 3, 1.0, facts(null, 0L, null), 6)[0])
        .isEqualTo("regular");
    String[] flagged = InfluenceModel.role(null, 100, 0.99, 0.99, 0.9, 5, 50, 9.0,
        facts(-0.9, 9L, "posted the same text 6 times (of 6 posts)"), 60);
    assertThat(flagged[0]).isEqualTo("flagged");
    assertThat(flagged[1]).contains("posted the same text 6 times");
  }

  @Test
  void percentileRanksShareTiesAndSpanZeroToOne() {
    assertThat(InfluenceModel.percentileRanks(new double[] {5, 1, 5, 3})).containsExactly(5 / 6.0, 0, 5 / 6.0, 1 / 3.0);
    assertThat(InfluenceModel.percentileRanks(new double[] {2})).containsExactly(0.5);
  }
}
