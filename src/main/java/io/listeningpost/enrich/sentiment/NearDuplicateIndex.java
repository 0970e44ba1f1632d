package io.listeningpost.enrich.sentiment;

import io.listeningpost.enrich.sentiment.SocialTokenizer.Token;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds texts whose token sets have a Jaccard similarity of at least {@link #THRESHOLD} with some text of a
 * reference set: the second overlap check beside {@link TextOverlapKey}, independent of it (its own
 * tokenizer, no exact match), so it also catches a retweet prefix, a dropped word or a changed link.
 *
 * <p>Exact, and fast by prefix filtering (Chaudhuri et al. 2006; Bayardo et al. 2007): with the tokens of
 * every set ordered rarest first, two sets with Jaccard &ge; t share a token among the first
 * |x| - ceil(t|x|) + 1 of each, so only the references indexed under those tokens are compared in full.
 */
public final class NearDuplicateIndex {
  public static final double THRESHOLD = 0.9;
  private static final double EPS = 1e-9;

  private final Map<String, Integer> rank = new HashMap<>();
  private final List<int[]> sets = new ArrayList<>();
  private final Map<Integer, List<Integer>> byPrefixToken = new HashMap<>();

  private NearDuplicateIndex(List<Set<String>> tokenSets) {
    Map<String, Integer> df = new HashMap<>();
    for (Set<String> t : tokenSets) {
      t.forEach(w -> df.merge(w, 1, Integer::sum));
    }
    List<String> vocabulary = new ArrayList<>(df.keySet());
    vocabulary.sort(Comparator.comparingInt((String w) -> df.get(w)).thenComparing(Comparator.naturalOrder()));
    for (int i = 0; i < vocabulary.size(); i++) {
      rank.put(vocabulary.get(i), i);
    }
    for (Set<String> t : tokenSets) {
      int[] ranks = t.stream().mapToInt(rank::get).sorted().toArray();
      int id = sets.size();
      sets.add(ranks);
      for (int i = 0; i < prefixLength(ranks.length) && i < ranks.length; i++) {
        byPrefixToken.computeIfAbsent(ranks[i], k -> new ArrayList<>()).add(id);
      }
    }
  }

  /** The index of these reference texts. */
  public static NearDuplicateIndex of(List<String> references) {
    return new NearDuplicateIndex(references.parallelStream().map(NearDuplicateIndex::tokens).toList());
  }

  /** The index of reference texts already reduced to their {@link #tokens}. */
  public static NearDuplicateIndex ofTokens(List<Set<String>> tokenSets) {
    return new NearDuplicateIndex(tokenSets);
  }

  /**
   * The text's distinct tokens: the social tokenizer's normal forms of the decoded text (links and handles
   * are one placeholder each), punctuation left out.
   */
  public static Set<String> tokens(String text) {
    Set<String> out = new LinkedHashSet<>();
    for (Token t : SocialTokenizer.tokenize(TextOverlapKey.decode(text))) {
      if (t.type() != SocialTokenizer.Type.PUNCT) {
        out.add(t.norm());
      }
    }
    return out;
  }

  /** Whether some reference text has Jaccard similarity &ge; {@link #THRESHOLD} with {@code text}. */
  public boolean hasNearDuplicate(String text) {
    return hasNearDuplicateOfTokens(tokens(text));
  }

  /** Whether some reference text has Jaccard similarity &ge; {@link #THRESHOLD} with a text of these {@link #tokens}. */
  public boolean hasNearDuplicateOfTokens(Set<String> t) {
    if (t.isEmpty()) {
      return false;
    }
    // Tokens the references never use rank before all others (document frequency 0); each gets its own
    // negative rank, so it matches nothing.
    int[] q = new int[t.size()];
    int unknown = 0;
    int i = 0;
    for (String w : t) {
      Integer r = rank.get(w);
      q[i++] = r != null ? r : --unknown;
    }
    Arrays.sort(q);
    int minSize = (int) Math.ceil(THRESHOLD * q.length - EPS);
    int maxSize = (int) Math.floor(q.length / THRESHOLD + EPS);
    Set<Integer> seen = new java.util.HashSet<>();
    for (int p = 0; p < prefixLength(q.length); p++) {
      for (int id : byPrefixToken.getOrDefault(q[p], List.of())) {
        int[] s = sets.get(id);
        if (s.length >= minSize && s.length <= maxSize && seen.add(id) && jaccard(q, s) >= THRESHOLD - EPS) {
          return true;
        }
      }
    }
    return false;
  }

  private static int prefixLength(int size) {
    return size - (int) Math.ceil(THRESHOLD * size - EPS) + 1;
  }

  /** Jaccard similarity of two sorted arrays of distinct ints. */
  static double jaccard(int[] a, int[] b) {
    int i = 0;
    int j = 0;
    int common = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        common++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return common / (double) (a.length + b.length - common);
  }
}
