package io.listeningpost.audiences.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class NmfTopicModelTest {
  private static final List<List<String>> TWO_TOPICS =
      TopicFixtures.separated(10, List.of(TopicFixtures.QUANTUM, TopicFixtures.HIRING));
  private static final TopicVocabulary VOCABULARY = TopicVocabulary.build(TWO_TOPICS, 1, 1.0, 100);
  private static final List<SparseDoc> DOCS = TWO_TOPICS.stream().map(VOCABULARY::vector).toList();

  @Test
  void twoClearlySeparatedTopicsAreFoundAndEachDocumentIsWhollyInItsOwn() {
    NmfTopicModel model = NmfTopicModel.fit(DOCS, VOCABULARY.size(), 2, 7, 100);
    int quantumTopic = TopicSettings.argmax(model.weights(VOCABULARY.vector(List.of("qubit", "gate"))));
    int hiringTopic = TopicSettings.argmax(model.weights(VOCABULARY.vector(List.of("salary", "offer"))));
    assertThat(quantumTopic).isNotEqualTo(hiringTopic);
    for (int d = 0; d < DOCS.size(); d++) {
      int expected = TopicFixtures.QUANTUM.contains(TWO_TOPICS.get(d).get(0)) ? quantumTopic : hiringTopic;
      assertThat(model.weights(DOCS.get(d))[expected]).as("doc %d", d).isGreaterThan(0.99);
    }
    for (int term : model.topTerms(quantumTopic, 6)) {
      assertThat(TopicFixtures.QUANTUM).contains(VOCABULARY.term(term));
    }
  }

  @Test
  void deterministicForASeed() {
    List<List<String>> three = TopicFixtures.separated(8,
        List.of(TopicFixtures.QUANTUM, TopicFixtures.HIRING, TopicFixtures.GARDEN));
    TopicVocabulary vocabulary = TopicVocabulary.build(three, 1, 1.0, 100);
    List<SparseDoc> docs = three.stream().map(vocabulary::vector).toList();
    NmfTopicModel a = NmfTopicModel.fit(docs, vocabulary.size(), 4, 42, 30);
    NmfTopicModel b = NmfTopicModel.fit(docs, vocabulary.size(), 4, 42, 30);
    for (int t = 0; t < 4; t++) {
      assertThat(a.termWeights(t)).containsExactly(b.termWeights(t));
    }
  }

  @Test
  void weightsAreNonNegativeAndSumToOne() {
    NmfTopicModel model = NmfTopicModel.fit(DOCS, VOCABULARY.size(), 2, 7, 100);
    double[] w = model.weights(VOCABULARY.vector(List.of("qubit", "salary", "salary")));
    assertThat(Arrays.stream(w).min().orElseThrow()).isGreaterThanOrEqualTo(0);
    assertThat(Arrays.stream(w).sum()).isCloseTo(1, within(1e-12));
  }

  @Test
  void weightsOfAnEmptyDocumentAreAllZero() {
    NmfTopicModel model = NmfTopicModel.fit(DOCS, VOCABULARY.size(), 2, 7, 100);
    assertThat(model.weights(SparseDoc.EMPTY)).containsExactly(0, 0);
    assertThat(model.weights(VOCABULARY.vector(List.of("unknown")))).containsExactly(0, 0);
  }

  @Test
  void topicRowsHaveUnitLength() {
    NmfTopicModel model = NmfTopicModel.fit(DOCS, VOCABULARY.size(), 2, 7, 100);
    for (int t = 0; t < model.topics(); t++) {
      double[] row = model.termWeights(t);
      assertThat(Math.sqrt(NmfTopicModel.dot(row, row))).isCloseTo(1, within(1e-12));
    }
  }

  @Test
  void jacobiEigenOfASymmetricMatrix() {
    double[][] vectors = new double[2][];
    double[] values = TruncatedSvd.symmetricEigen(new double[][] {{2, 1}, {1, 2}}, vectors);
    assertThat(values[0]).isCloseTo(3, within(1e-12));
    assertThat(values[1]).isCloseTo(1, within(1e-12));
    assertThat(Math.abs(vectors[0][0])).isCloseTo(Math.sqrt(0.5), within(1e-12));
    assertThat(vectors[0][0] * vectors[0][1]).isPositive();
  }
}
