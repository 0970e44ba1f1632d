package io.listeningpost.audiences;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StreamVocabularyTest {
  private final StreamVocabulary words = new StreamVocabulary(List.of("hiring", "graduate programme", "interview"),
      List.of("discount", "new feature"));

  @Test
  void aPostUsingOneStreamsWordsOnlyIsLabelledByThem() {
    assertThat(words.wordsOf("We're #hiring! Join Acme's graduate programme")).isEqualTo(StreamVocabulary.RECRUITMENT);
    assertThat(words.wordsOf("20% DISCOUNT on every plan this week")).isEqualTo(StreamVocabulary.MARKETING);
    assertThat(words.hits("Our interview process and the graduate programme")).containsExactly(2, 0);
  }

  @Test
  void aPostUsingBothOrNeitherStreamsWordsIsLeftToTheModel() {
    assertThat(words.wordsOf("hiring for the new feature team, discount for staff")).isEqualTo(StreamVocabulary.BOTH);
    assertThat(words.wordsOf("Lovely weather in Lisbon today")).isEqualTo(StreamVocabulary.NEITHER);
    // Words match whole: "interviewer" is not "interview", "featured" not "feature".
    assertThat(words.hits("The interviewer featured a new featured post")).containsExactly(0, 0);
  }

  @Test
  void wordsOfTellsOneStreamBothAndNeitherApart() {
    assertThat(words.wordsOf("Graduate programme interviews start Monday, we are hiring"))
        .isEqualTo(StreamVocabulary.RECRUITMENT);
    assertThat(words.wordsOf("the new feature ships with a discount")).isEqualTo(StreamVocabulary.MARKETING);
    assertThat(words.wordsOf("hiring for the new feature team")).isEqualTo(StreamVocabulary.BOTH);
    assertThat(words.wordsOf("Lovely weather in Lisbon today")).isEqualTo(StreamVocabulary.NEITHER);
    assertThat(words.wordsOf(null)).isEqualTo(StreamVocabulary.NEITHER);
  }
}
