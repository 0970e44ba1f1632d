package io.listeningpost.audiences.topics;

import static org.assertj.core.api.Assertions.assertThat;

import io.listeningpost.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The record of how {@link TopicSettings#CHOSEN} was picked: AMI against the first tag on the OLDER half of
 * se-quantumcomputing only, over a small grid, one setting changed at a time from the defaults. The newer
 * half is never looked at here. Off by default (it fits dozens of models):
 * {@code mvn -o -q test -Dtest=TopicTuningTest -Dtopics.tune=true}.
 */
@EnabledIfSystemProperty(named = "topics.tune", matches = "true")
class TopicTuningTest {
  private static final int TOPICS = 20;

  @Test
  void olderHalfGrid() throws Exception {
    StackExchangeQuestions questions =
        StackExchangeQuestions.read(SharedData.dataset("se-quantumcomputing").resolve("Posts.xml"));
    int[] olderTags = TopicQualityTest.half(TopicQualityTest.tagIds(questions), questions, true);
    TopicSettings base = TopicSettings.CHOSEN;
    java.util.List<TopicSettings> grid = new java.util.ArrayList<>();
    grid.add(base);
    for (int minDocs : new int[] {2, 4, 5}) {
      grid.add(new TopicSettings(minDocs, base.maxDocShare(), base.maxTerms(), base.titleRepeats(), base.iterations()));
    }
    for (double share : new double[] {0.2, 0.3, 0.8}) {
      grid.add(new TopicSettings(base.minDocs(), share, base.maxTerms(), base.titleRepeats(), base.iterations()));
    }
    for (int repeats : new int[] {1, 3, 4}) {
      grid.add(new TopicSettings(base.minDocs(), base.maxDocShare(), base.maxTerms(), repeats, base.iterations()));
    }
    for (int iterations : new int[] {50, 100, 400}) {
      grid.add(new TopicSettings(base.minDocs(), base.maxDocShare(), base.maxTerms(), base.titleRepeats(), iterations));
    }
    for (TopicSettings s : grid) {
      double sum = 0;
      StringBuilder perSeed = new StringBuilder();
      for (long seed = 0; seed < 3; seed++) {
        int[] labels = TopicQualityTest.half(s.dominantTopics(questions, TOPICS, seed), questions, true);
        double ami = AdjustedMutualInformation.of(olderTags, labels);
        sum += ami;
        perSeed.append(String.format(" %.4f", ami));
      }
      System.out.printf("%s older-half AMI mean %.4f (seeds 0-2:%s)%n", s, sum / 3, perSeed);
      assertThat(sum).isFinite();
    }
  }
}
