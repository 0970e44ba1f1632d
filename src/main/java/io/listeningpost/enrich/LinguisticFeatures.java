package io.listeningpost.enrich;

import edu.stanford.nlp.ling.CoreLabel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a post keeps of CoreNLP's tags, lemmas and entities: content lemmas (nouns, verbs, adjectives
 * but light verbs), noun phrases (runs of two to six adjectives and nouns ending in a noun, as lemmas)
 * and the distinct organisations, persons and locations.
 */
public record LinguisticFeatures(List<String> lemmas, List<String> nounPhrases, List<PostNlp.Entity> entities) {
  static final int MAX_LIST = 500;
  private static final Set<String> LIGHT_VERBS = Set.of("be", "have", "do", "get", "will", "would", "can",
      "could", "should", "may", "might", "must", "shall", "let", "'s", "'re", "'m", "'ve", "'d", "'ll");
  private static final Set<String> ENTITY_TYPES = Set.of("ORGANIZATION", "PERSON", "LOCATION");

  /** The features of tagged, lemmatised sentences and their entity mentions, in text order. */
  public static LinguisticFeatures of(List<List<CoreLabel>> sentences, List<CoreNlpLinguistics.Mention> mentions) {
    List<String> lemmas = new ArrayList<>();
    List<String> phrases = new ArrayList<>();
    for (List<CoreLabel> s : sentences) {
      collectLemmasAndPhrases(s, lemmas, phrases);
    }
    Set<PostNlp.Entity> seen = new LinkedHashSet<>();
    for (CoreNlpLinguistics.Mention m : mentions) {
      if (ENTITY_TYPES.contains(m.type()) && seen.size() < MAX_LIST) {
        seen.add(new PostNlp.Entity(m.text(), m.type()));
      }
    }
    return new LinguisticFeatures(lemmas, phrases, new ArrayList<>(seen));
  }

  private static void collectLemmasAndPhrases(List<CoreLabel> toks, List<String> lemmas, List<String> phrases) {
    List<String> run = new ArrayList<>();
    boolean runHasNoun = false;
    for (int i = 0; i <= toks.size(); i++) {
      CoreLabel t = i < toks.size() ? toks.get(i) : null;
      String pos = t == null ? "" : t.tag();
      String lemma = t == null ? "" : t.lemma().toLowerCase(Locale.ROOT);
      boolean word = lemma.length() > 1 && Character.isLetter(lemma.charAt(0));
      if (t != null && word && (pos.startsWith("NN") || pos.startsWith("VB") || pos.startsWith("JJ"))
          && !LIGHT_VERBS.contains(lemma) && lemmas.size() < MAX_LIST * 4) {
        lemmas.add(lemma);
      }
      boolean inPhrase = t != null && word && (pos.startsWith("NN") || pos.startsWith("JJ"));
      if (inPhrase) {
        run.add(lemma);
        runHasNoun = pos.startsWith("NN");
      } else {
        if (run.size() >= 2 && runHasNoun && run.size() <= 6) {
          String phrase = String.join(" ", run);
          if (!phrases.contains(phrase) && phrases.size() < MAX_LIST) {
            phrases.add(phrase);
          }
        }
        run.clear();
        runHasNoun = false;
      }
    }
  }
}
