package io.listeningpost.audiences;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * What each topic is about, in words: its most distinctive terms by class-based TF-IDF (the documents
 * of a topic taken as one, so that a term common to every topic does not describe any of them), and a
 * label a person reads, e.g. "interview feedback · ghosted · recruiter".
 */
public final class TopicTerms {
  private TopicTerms() {}

  /**
   * Top terms per topic by c-TF-IDF: a term's share of the topic's words, times
   * log(1 + average words per topic / the term's count over all topics).
   *
   * @param docs term ids of each document, repeated as they occur
   * @param dominant each document's topic, or -1 for none
   */
  public static List<int[]> top(List<int[]> docs, int[] dominant, int topics, int vocabularySize, int n) {
    double[][] tf = new double[topics][vocabularySize];
    double[] words = new double[topics];
    double[] total = new double[vocabularySize];
    for (int d = 0; d < docs.size(); d++) {
      int t = dominant[d];
      if (t < 0) {
        continue;
      }
      for (int term : docs.get(d)) {
        tf[t][term]++;
        words[t]++;
        total[term]++;
      }
    }
    double average = java.util.Arrays.stream(words).sum() / Math.max(1, topics);
    List<int[]> out = new ArrayList<>(topics);
    for (int t = 0; t < topics; t++) {
      double[] score = new double[vocabularySize];
      for (int term = 0; term < vocabularySize; term++) {
        score[term] = words[t] == 0 || tf[t][term] == 0 ? 0
            : tf[t][term] / words[t] * Math.log(1 + average / total[term]);
      }
      out.add(IntStream.range(0, vocabularySize).filter(term -> score[term] > 0).boxed()
          .sorted(Comparator.<Integer>comparingDouble(term -> -score[term]).thenComparing(term -> term))
          .limit(n).mapToInt(Integer::intValue).toArray());
    }
    return out;
  }

  /**
   * A label of up to three parts: the topic's most distinctive noun phrase when it has one, then its top
   * terms that the phrase does not already say.
   */
  public static String label(List<String> terms, List<String> phrases) {
    List<String> parts = new ArrayList<>(3);
    String said = "";
    if (!phrases.isEmpty()) {
      parts.add(phrases.get(0));
      said = " " + phrases.get(0).toLowerCase(java.util.Locale.ROOT) + " ";
    }
    for (String term : terms) {
      if (parts.size() == 3) {
        break;
      }
      if (!said.contains(" " + term + " ")) {
        parts.add(term);
      }
    }
    return String.join(" · ", parts);
  }

  /**
   * Phrases most distinctive of a topic: seen at least twice in it, ranked by count in the topic times
   * the share of all its uses that fall in the topic.
   */
  public static List<String> distinctivePhrases(Map<String, Long> inTopic, Map<String, Long> overall, int n) {
    return inTopic.entrySet().stream().filter(e -> e.getValue() >= 2)
        .sorted(Comparator.<Map.Entry<String, Long>>comparingDouble(e ->
            -e.getValue() * (e.getValue() / (double) overall.getOrDefault(e.getKey(), e.getValue())))
            .thenComparing(Map.Entry::getKey))
        .limit(n).map(Map.Entry::getKey).toList();
  }
}
