package io.listeningpost.audiences.topics;

import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Topic coherence as the mean normalised pointwise mutual information of a topic's top terms (Bouma 2009;
 * Röder et al. 2015 found NPMI over document co-occurrence close to human judgements). NPMI(a, b) =
 * ln(p(a,b) / (p(a) p(b))) / −ln p(a,b), in [−1, 1]: 1 for terms that always occur together, 0 for
 * independent ones, −1 for terms that never meet.
 */
public final class Npmi {
  private Npmi() {}

  /**
   * Mean NPMI over all pairs of distinct top terms, with probabilities as shares of the reference
   * documents (each given as the set of its term ids) that contain the terms. Pairs that never co-occur
   * count −1; a pair present in every document counts 1 (the limit of always co-occurring). 0 when there
   * is no pair to judge.
   */
  public static double coherence(List<int[]> docsAsTermSets, int[] topTerms) {
    int[] terms = java.util.Arrays.stream(topTerms).distinct().toArray();
    if (terms.length < 2 || docsAsTermSets.isEmpty()) {
      return 0;
    }
    Map<Integer, Integer> slot = new HashMap<>();
    for (int i = 0; i < terms.length; i++) {
      slot.put(terms[i], i);
    }
    BitSet[] docsWith = new BitSet[terms.length];
    for (int i = 0; i < terms.length; i++) {
      docsWith[i] = new BitSet(docsAsTermSets.size());
    }
    for (int d = 0; d < docsAsTermSets.size(); d++) {
      for (int term : docsAsTermSets.get(d)) {
        Integer i = slot.get(term);
        if (i != null) {
          docsWith[i].set(d);
        }
      }
    }
    double n = docsAsTermSets.size();
    double sum = 0;
    int pairs = 0;
    for (int a = 0; a < terms.length; a++) {
      for (int b = a + 1; b < terms.length; b++) {
        BitSet both = (BitSet) docsWith[a].clone();
        both.and(docsWith[b]);
        sum += npmi(docsWith[a].cardinality() / n, docsWith[b].cardinality() / n, both.cardinality() / n);
        pairs++;
      }
    }
    return sum / pairs;
  }

  static double npmi(double pa, double pb, double pab) {
    if (pab == 0) {
      return -1;
    }
    if (pab == 1) {
      return 1;
    }
    return Math.log(pab / (pa * pb)) / -Math.log(pab);
  }
}
