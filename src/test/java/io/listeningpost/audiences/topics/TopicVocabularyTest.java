package io.listeningpost.audiences.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class TopicVocabularyTest {
  /** "rare" in 1 of 4 documents, "gate" in 2, "qubit" in 3, "quantum" in all 4. */
  private static final List<List<String>> DOCS = List.of(
      List.of("quantum", "qubit", "gate", "rare"),
      List.of("quantum", "qubit", "gate"),
      List.of("quantum", "qubit"),
      List.of("quantum"));

  @Test
  void minDocsDropsRareTermsAndMaxDocShareDropsUbiquitousOnes() {
    TopicVocabulary v = TopicVocabulary.build(DOCS, 2, 0.75, 100);
    assertThat(v.size()).isEqualTo(2);
    assertThat(v.id("rare")).isEqualTo(-1);
    assertThat(v.id("quantum")).isEqualTo(-1);
    assertThat(v.term(v.id("gate"))).isEqualTo("gate");
    assertThat(v.term(v.id("qubit"))).isEqualTo("qubit");
  }

  @Test
  void maxTermsKeepsTheMostFrequent() {
    TopicVocabulary v = TopicVocabulary.build(DOCS, 1, 1.0, 2);
    assertThat(v.id("quantum")).isGreaterThanOrEqualTo(0);
    assertThat(v.id("qubit")).isGreaterThanOrEqualTo(0);
    assertThat(v.size()).isEqualTo(2);
  }

  @Test
  void vectorIsSublinearTfIdfWithUnitLength() {
    TopicVocabulary v = TopicVocabulary.build(DOCS, 2, 0.75, 100);
    SparseDoc doc = v.vector(List.of("qubit", "qubit", "qubit", "gate", "unknown"));
    assertThat(doc.terms()).containsExactly(v.id("gate"), v.id("qubit"));
    double gate = v.idf(v.id("gate"));
    double qubit = (1 + Math.log(3)) * v.idf(v.id("qubit"));
    double norm = Math.hypot(gate, qubit);
    assertThat(doc.weights()[0]).isCloseTo(gate / norm, within(1e-12));
    assertThat(doc.weights()[1]).isCloseTo(qubit / norm, within(1e-12));
    // scikit-learn's smoothed idf: ln((1 + 4) / (1 + 2)) + 1 for "gate".
    assertThat(gate).isCloseTo(Math.log(5.0 / 3.0) + 1, within(1e-12));
  }

  @Test
  void documentWithoutVocabularyIsEmpty() {
    TopicVocabulary v = TopicVocabulary.build(DOCS, 2, 0.75, 100);
    assertThat(v.vector(List.of("rare", "nothing")).isEmpty()).isTrue();
  }
}
