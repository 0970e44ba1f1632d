package io.listeningpost.audiences.topics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The terms a topic model sees, with their inverse document frequencies. Terms in fewer than
 * {@code minDocs} documents are noise for topics (typos, one-off names); terms in more than
 * {@code maxDocShare} of them are site-wide vocabulary ("quantum" on a quantum computing site) that
 * would join every topic. Vectors are sublinear tf-idf (1 + ln tf) so that one long post repeating a word
 * does not own a topic, L2-normalised so that long and short posts weigh alike.
 */
public final class TopicVocabulary implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private final String[] terms;
  private final double[] idf;
  private final Map<String, Integer> ids;

  private TopicVocabulary(String[] terms, double[] idf) {
    this.terms = terms;
    this.idf = idf;
    this.ids = new HashMap<>(terms.length * 2);
    for (int i = 0; i < terms.length; i++) {
      ids.put(terms[i], i);
    }
  }

  /**
   * Keeps terms with {@code minDocs <= df <= maxDocShare * docs}, at most {@code maxTerms} of them (the
   * most frequent; ties by term so the result does not depend on input order). Ids follow term order.
   * idf is scikit-learn's smoothed ln((1 + n) / (1 + df)) + 1.
   */
  public static TopicVocabulary build(List<List<String>> docs, int minDocs, double maxDocShare, int maxTerms) {
    Map<String, Integer> docFrequency = new HashMap<>();
    for (List<String> doc : docs) {
      for (String term : new HashSet<>(doc)) {
        docFrequency.merge(term, 1, Integer::sum);
      }
    }
    int n = docs.size();
    double maxDocs = maxDocShare * n;
    List<Map.Entry<String, Integer>> kept = new ArrayList<>();
    for (Map.Entry<String, Integer> e : docFrequency.entrySet()) {
      if (e.getValue() >= minDocs && e.getValue() <= maxDocs) {
        kept.add(e);
      }
    }
    kept.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    TreeMap<String, Integer> chosen = new TreeMap<>();
    for (Map.Entry<String, Integer> e : kept.subList(0, Math.min(maxTerms, kept.size()))) {
      chosen.put(e.getKey(), e.getValue());
    }
    String[] terms = chosen.keySet().toArray(new String[0]);
    double[] idf = new double[terms.length];
    for (int i = 0; i < terms.length; i++) {
      idf[i] = Math.log((1.0 + n) / (1.0 + chosen.get(terms[i]))) + 1.0;
    }
    return new TopicVocabulary(terms, idf);
  }

  public int size() {
    return terms.length;
  }

  /** The id of a term, or -1 when it is not in the vocabulary. */
  public int id(String term) {
    return ids.getOrDefault(term, -1);
  }

  public String term(int id) {
    return terms[id];
  }

  public double idf(int id) {
    return idf[id];
  }

  /** Sublinear tf-idf of the tokens, L2-normalised; out-of-vocabulary tokens are ignored. */
  public SparseDoc vector(List<String> tokens) {
    TreeMap<Integer, Integer> counts = new TreeMap<>();
    for (String token : tokens) {
      int id = id(token);
      if (id >= 0) {
        counts.merge(id, 1, Integer::sum);
      }
    }
    int[] ids = new int[counts.size()];
    double[] weights = new double[counts.size()];
    double squares = 0;
    int i = 0;
    for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
      ids[i] = e.getKey();
      weights[i] = (1.0 + Math.log(e.getValue())) * idf[e.getKey()];
      squares += weights[i] * weights[i];
      i++;
    }
    if (squares > 0) {
      double norm = Math.sqrt(squares);
      for (int j = 0; j < weights.length; j++) {
        weights[j] /= norm;
      }
    }
    return new SparseDoc(ids, weights);
  }

  /** The distinct term ids of the tokens, ascending: the document as a set, as {@link Npmi} reads it. */
  public int[] termSet(List<String> tokens) {
    return vector(tokens).terms();
  }
}
