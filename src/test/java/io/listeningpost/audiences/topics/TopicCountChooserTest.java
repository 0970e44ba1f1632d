package io.listeningpost.audiences.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TopicCountChooserTest {
  @Test
  void choosesTheNumberOfTopicsThatTheCorpusWasBuiltFrom() {
    List<List<String>> three = TopicFixtures.separated(12,
        List.of(TopicFixtures.QUANTUM, TopicFixtures.HIRING, TopicFixtures.GARDEN));
    TopicVocabulary vocabulary = TopicVocabulary.build(three, 1, 1.0, 100);
    List<SparseDoc> docs = three.stream().map(vocabulary::vector).toList();
    List<int[]> termSets = three.stream().map(vocabulary::termSet).toList();
    assertThat(TopicCountChooser.choose(docs, termSets, vocabulary.size(), List.of(2, 3, 4, 6), 5)).isEqualTo(3);
  }
}
