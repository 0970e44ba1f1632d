package io.listeningpost.audiences.topics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicTextTest {
  @Test
  void lowercaseWordsOfThreeOrMoreWithoutStopWordsOrBareNumbers() {
    assertThat(TopicText.tokens("", "The Quantum gate is on 2 of 3 QUBITS in 2018, ok?"))
        .containsExactly("quantum", "gate", "qubits");
  }

  @Test
  void keepsHashtagsSharpTermsAndInnerHyphensAndDigits() {
    assertThat(TopicText.tokens(null, "Learning Q# and c# for #QuantumComputing: a 2-qubit gate, co-op -- well-known--"))
        .containsExactly("learning", "q#", "c#", "#quantumcomputing", "2-qubit", "gate", "co-op", "well-known");
  }

  @Test
  void titleTokensCountTwiceBeforeTheText() {
    assertThat(TopicText.tokens("Grover search", "Why is it fast?"))
        .containsExactly("grover", "search", "grover", "search", "fast");
  }

  @Test
  void stopWordsAreScikitLearnsList() {
    assertThat(TopicText.isStopWord("the")).isTrue();
    assertThat(TopicText.isStopWord("whereafter")).isTrue();
    assertThat(TopicText.isStopWord("qubit")).isFalse();
  }
}
