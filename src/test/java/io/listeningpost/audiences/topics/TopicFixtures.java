package io.listeningpost.audiences.topics;

import java.util.ArrayList;
import java.util.List;

/** Small corpora whose topics are known by construction. */
final class TopicFixtures {
  static final List<String> QUANTUM = List.of("qubit", "gate", "circuit", "entanglement", "superposition", "measurement");
  static final List<String> HIRING = List.of("salary", "interview", "resume", "manager", "hiring", "offer");
  static final List<String> GARDEN = List.of("tomato", "compost", "seedling", "pruning", "soil", "mulch");

  private TopicFixtures() {}

  /**
   * {@code perTopic} documents per word list, each a rotating window of 4 of its words, so every word
   * co-occurs with its own topic's words and never with another topic's. Documents alternate topics.
   */
  static List<List<String>> separated(int perTopic, List<List<String>> topics) {
    List<List<String>> docs = new ArrayList<>();
    for (int i = 0; i < perTopic; i++) {
      for (List<String> words : topics) {
        List<String> doc = new ArrayList<>();
        for (int j = 0; j < 4; j++) {
          doc.add(words.get((i + j) % words.size()));
        }
        docs.add(doc);
      }
    }
    return docs;
  }
}
