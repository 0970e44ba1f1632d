package io.listeningpost.enrich;

import java.util.List;

/**
 * What the enrich stage learns from one text. It depends on the text alone, so it is cached by
 * {@link TextHash} and shared by every post with the same normalised text.
 *
 * @param scored false when the text got no sentiment; {@code unscoredReason} then says why
 * @param dist5 very negative, negative, neutral, positive, very positive
 * @param fallbacks the defined fallbacks this text took (truncated, timeout, analysis failed,
 *     sentence too long), empty when none
 */
public record PostNlp(String textHash, String lang, String langSource, boolean scored, String unscoredReason,
    String label, double score, double[] dist5, String model, List<SentenceSentiment> sentences,
    List<String> lemmas, List<String> nounPhrases, List<Entity> entities, boolean question,
    List<String> fallbacks) {

  /** Sentiment of one sentence; offsets are into the analysed text. */
  public record SentenceSentiment(int begin, int end, String label, double score, double[] dist5, String model) {}

  /** A named entity: its text and type (ORGANIZATION, PERSON, LOCATION). */
  public record Entity(String text, String type) {}
}
