package io.listeningpost.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.listeningpost.core.config.EnrichSettings;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** CoreNLP-backed analysis of single posts; loads the POS and NER models, so kept apart as "nlp". */
@Tag("nlp")
class PostAnalyzerTest {
  private static final List<String> LANGS = List.of("en", "de", "fr", "es", "it", "pt", "nl");

  private static PostAnalyzer analyzer(int maxChars, int timeLimitMs) {
    return new PostAnalyzer(new EnrichSettings(true, true, maxChars, timeLimitMs, 60, 0, 0.2, LANGS, List.of()));
  }

  @Test
  void englishPostGetsSentimentSentencesLemmasPhrasesEntitiesAndATitleAndBodyHash() {
    String body = "Satya Nadella's team in Redmond was wonderful and so welcoming. The hiring manager answered every "
        + "question. Does anyone know how long the background check takes?";
    PostNlp n = analyzer(20_000, 30_000).analyze("Loved my interview at Microsoft!", body, null);
    assertThat(n.scored()).isTrue();
    assertThat(n.lang()).isEqualTo("en");
    assertThat(n.label()).isEqualTo("positive");
    assertThat(n.sentences()).hasSize(4);
    assertThat(n.sentences().get(1).label()).isEqualTo("positive");
    assertThat(n.lemmas()).contains("interview", "team", "answer", "question", "background", "check");
    assertThat(n.nounPhrases()).contains("hiring manager", "background check");
    assertThat(n.entities()).extracting(PostNlp.Entity::type).contains("ORGANIZATION", "PERSON", "LOCATION");
    assertThat(n.question()).isTrue();
    assertThat(n.fallbacks()).isEmpty();
    // The cache key covers title and body, whatever their case and spacing.
    assertThat(n.textHash()).isEqualTo(TextHash.of("loved my interview at MICROSOFT!   " + body))
        .isNotEqualTo(TextHash.of(body));
  }

  @Test
  void longPostsBlendCoreNlpsRntnAndCountSentencesTooLongToParse() {
    PostAnalyzer rntn = new PostAnalyzer(new EnrichSettings(true, true, 20_000, 60_000, 12, 10, 0.5, LANGS, List.of()));
    PostNlp n = rntn.analyze(null, "The recruiters were kind and the process was quick. I loved the team. "
        + "The onboarding plan, the mentoring programme, the benefits package and the flexible hours all "
        + "turned out to be even better than what the hiring manager had promised during the interviews.", "en");
    assertThat(n.model()).isEqualTo("social-linear-2+corenlp-rntn-sr");
    assertThat(n.sentences()).hasSize(3);
    assertThat(n.sentences().get(0).model()).endsWith("+corenlp-rntn-sr");
    // The third sentence is longer than parse-max-tokens (12): not parsed, social model only, counted.
    assertThat(n.sentences().get(2).model()).isEqualTo("social-linear-2");
    assertThat(n.fallbacks()).containsExactly(PostAnalyzer.FALLBACK_SENTENCE_TOO_LONG);
    assertThat(n.dist5()).hasSize(5);
    assertThat(n.label()).isEqualTo("positive");
  }

  @Test
  void withoutLinguisticsPostsKeepLanguageSentencesAndSentimentOnly() {
    PostAnalyzer light = new PostAnalyzer(new EnrichSettings(true, false, 20_000, 30_000, 60, 0, 0.2, LANGS, List.of()));
    PostNlp n = light.analyze(null, "Microsoft's recruiters were great. I got the job!", null);
    assertThat(n.scored()).isTrue();
    assertThat(n.label()).isEqualTo("positive");
    assertThat(n.sentences()).hasSize(2);
    assertThat(n.lemmas()).isEmpty();
    assertThat(n.entities()).isEmpty();
  }

  @Test
  void badInputIsScoredOrUnscoredWithAReasonNeverThrown() {
    PostAnalyzer a = analyzer(20_000, 30_000);
    assertThat(a.analyze(null, "   \n\t ", null).unscoredReason()).isEqualTo("empty text");
    assertThat(a.analyze(null, "\u0001\u0002\uFFFD\uFFFD\uFFFD\uFFFD a", null).unscoredReason())
        .startsWith("unreadable text");
    assertThat(a.analyze(null, "!!! ??? ...", null).unscoredReason()).startsWith("no words");
    PostNlp german = a.analyze(null, "Das Vorstellungsgespräch war leider eine Katastrophe, niemand hat sich gemeldet.", null);
    assertThat(german.scored()).isFalse();
    assertThat(german.lang()).isEqualTo("de");
    assertThat(german.unscoredReason()).isEqualTo("language de: not scored as English");
    PostNlp emoji = a.analyze(null, "😍😍🎉", null);
    assertThat(emoji.scored()).isTrue();
    assertThat(emoji.label()).isEqualTo("positive");
    PostNlp declared = a.analyze(null, "Great people, great culture.", "fr");
    assertThat(declared.langSource()).isEqualTo("declared");
    assertThat(declared.scored()).isFalse();
  }

  @Test
  void overLongAndSlowPostsTakeTheirCountedFallbacks() {
    String huge = "The recruiter was helpful and kind. ".repeat(3_000);
    PostNlp cut = analyzer(2_000, 30_000).analyze(null, huge, "en");
    assertThat(cut.fallbacks()).containsExactly(PostAnalyzer.FALLBACK_TRUNCATED);
    assertThat(cut.sentences().get(cut.sentences().size() - 1).end()).isLessThanOrEqualTo(2_000);
    PostNlp slow = analyzer(200_000, 100).analyze(null, huge, "en");
    assertThat(slow.scored()).isTrue();
    assertThat(slow.label()).isEqualTo("positive");
    assertThat(slow.fallbacks()).containsExactly(PostAnalyzer.FALLBACK_TIMEOUT);
    assertThat(slow.sentences()).isEmpty();
  }
}
