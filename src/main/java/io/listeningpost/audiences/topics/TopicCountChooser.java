package io.listeningpost.audiences.topics;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Picks the number of topics from the data alone, since a community's breadth is not known in advance.
 * Coherence alone favours a few broad topics whose top terms are generic and repeated across topics;
 * multiplying by topic diversity (the share of distinct terms among all topics' top terms, Dieng et al.
 * 2020) penalises exactly that redundancy.
 */
public final class TopicCountChooser {
  /** Top terms per topic judged for coherence and diversity, the usual 10. */
  public static final int TOP_TERMS = 10;

  private TopicCountChooser() {}

  /**
   * The candidate with the highest {@link #score}: mean NPMI × diversity of a model fitted on {@code docs} (the smaller k
   * on ties); coherence is measured on {@code termSets}, the same documents as sets of term ids.
   */
  public static int choose(List<SparseDoc> docs, List<int[]> termSets, int vocabularySize, List<Integer> candidates,
      long seed) {
    if (candidates.isEmpty()) {
      throw new IllegalArgumentException("no candidate topic count");
    }
    int best = -1;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int k : candidates.stream().sorted().distinct().toList()) {
      NmfTopicModel model = NmfTopicModel.fit(docs, vocabularySize, k, seed, NmfTopicModel.DEFAULT_ITERATIONS);
      double s = score(model, termSets);
      if (s > bestScore) {
        bestScore = s;
        best = k;
      }
    }
    return best;
  }

  /**
   * Mean NPMI of the topics' top terms, moved from [-1, 1] to [0, 1], times their diversity: moved, so
   * that a more diverse set of topics scores higher even when its terms co-occur less than by chance.
   */
  public static double score(NmfTopicModel model, List<int[]> termSets) {
    Set<Integer> distinct = new HashSet<>();
    double coherence = 0;
    int listed = 0;
    for (int t = 0; t < model.topics(); t++) {
      int[] top = model.topTerms(t, TOP_TERMS);
      coherence += Npmi.coherence(termSets, top);
      for (int term : top) {
        distinct.add(term);
      }
      listed += top.length;
    }
    double diversity = listed == 0 ? 0 : (double) distinct.size() / listed;
    return (coherence / model.topics() + 1) / 2 * diversity;
  }
}
