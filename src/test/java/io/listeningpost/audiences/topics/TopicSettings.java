package io.listeningpost.audiences.topics;

import java.util.List;

/**
 * The free choices of our topic pipeline, as the quality test applies them to a site's questions.
 *
 * @param minDocs vocabulary: fewest documents a term must occur in
 * @param maxDocShare vocabulary: largest share of documents a term may occur in
 * @param maxTerms vocabulary: most terms kept
 * @param titleRepeats times the title's tokens are counted
 * @param iterations HALS passes of the NMF fit
 */
record TopicSettings(int minDocs, double maxDocShare, int maxTerms, int titleRepeats, int iterations) {

  /** Picked on the older half of se-quantumcomputing only (TopicTuningTest); see docs/topics.md. */
  static final TopicSettings CHOSEN = new TopicSettings(3, 0.5, 20_000, TopicText.TITLE_REPEATS,
      NmfTopicModel.DEFAULT_ITERATIONS);

  /** Fits on all questions (no labels) and returns each one's dominant topic, argmax of its weights. */
  int[] dominantTopics(StackExchangeQuestions questions, int topics, long seed) {
    List<List<String>> tokens = questions.all().stream()
        .map(q -> TopicText.tokens(q.title(), q.body(), titleRepeats)).toList();
    TopicVocabulary vocabulary = TopicVocabulary.build(tokens, minDocs, maxDocShare, maxTerms);
    List<SparseDoc> docs = tokens.stream().map(vocabulary::vector).toList();
    NmfTopicModel model = NmfTopicModel.fit(docs, vocabulary.size(), topics, seed, iterations);
    return docs.stream().mapToInt(d -> argmax(model.weights(d))).toArray();
  }

  static int argmax(double[] values) {
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      if (values[i] > values[best]) {
        best = i;
      }
    }
    return best;
  }
}
