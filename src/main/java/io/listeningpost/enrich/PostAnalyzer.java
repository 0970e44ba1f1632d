package io.listeningpost.enrich;

import com.github.pemistahl.lingua.api.Language;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreEntityMention;
import edu.stanford.nlp.pipeline.CoreSentence;
import io.listeningpost.core.QuestionHeuristic;
import io.listeningpost.core.config.EnrichSettings;
import io.listeningpost.enrich.sentiment.PostSentimentScorer;
import io.listeningpost.enrich.sentiment.PostSentimentScorer.Sentiment;
import io.listeningpost.enrich.sentiment.StockCoreNlpSentiment;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Analyses one post's text: language, sentiment of the post and its sentences, lemmas, noun phrases,
 * named entities and whether it asks a question. Plain Java; the enrich stage maps it over posts.
 *
 * <p>Every path has a defined outcome. Empty, symbol-only or binary text and non-English text are
 * unscored with a reason. Text past {@code enrich.max-chars} is cut ("truncated"). CoreNLP runs under
 * a per-post time limit; past it, or if CoreNLP fails, the post keeps the social model's sentiment
 * and the fallback is recorded.
 */
public final class PostAnalyzer implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final String FALLBACK_TRUNCATED = "truncated";
  public static final String FALLBACK_TIMEOUT = "timeout";
  public static final String FALLBACK_FAILED = "analysis failed";
  public static final String FALLBACK_SENTENCE_TOO_LONG = "sentence too long to parse";
  private static final int LANGUAGE_PROBE_CHARS = 1_000;
  private static final int MIN_LETTERS_FOR_LANGUAGE = 12;
  private static final int MAX_LIST = 500;
  private static final Set<String> LIGHT_VERBS = Set.of("be", "have", "do", "get", "will", "would", "can",
      "could", "should", "may", "might", "must", "shall", "let", "'s", "'re", "'m", "'ve", "'d", "'ll");

  private final EnrichSettings settings;

  public PostAnalyzer(EnrichSettings settings) {
    this.settings = settings;
  }

  /** The text a post is analysed and hashed by: its title, if any, then its body. */
  public static String fullText(String title, String text) {
    return (title == null || title.isBlank() ? "" : title.strip() + "\n\n") + (text == null ? "" : text);
  }

  public PostNlp analyze(String title, String text, String declaredLang) {
    String full = fullText(title, text);
    String hash = TextHash.of(full);
    List<String> fallbacks = new ArrayList<>();
    if (full.isBlank()) {
      return unscored(hash, "und", "none", "empty text", fallbacks);
    }
    String junk = junkReason(full);
    if (junk != null) {
      return unscored(hash, "und", "none", junk, fallbacks);
    }
    String analysed = full;
    if (full.length() > settings.maxChars()) {
      int cut = settings.maxChars();
      if (Character.isHighSurrogate(full.charAt(cut - 1))) {
        cut--;
      }
      analysed = full.substring(0, cut);
      fallbacks.add(FALLBACK_TRUNCATED);
    }
    String[] lang = language(analysed, declaredLang);
    if (!lang[0].equals("en") && !lang[0].equals("und")) {
      return unscored(hash, lang[0], lang[1], "language " + lang[0] + ": not scored as English", fallbacks);
    }
    PostSentimentScorer scorer = new PostSentimentScorer(NlpModels.sentiment());
    Sentiment post = scorer.social(analysed);
    boolean question = QuestionHeuristic.looksLikeQuestion(title, text);
    String finalText = analysed;
    Future<Linguistics> job = NlpModels.workers().submit(() -> linguistics(finalText, scorer));
    Linguistics ling = null;
    try {
      ling = job.get(settings.postTimeLimitMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      job.cancel(true);
      fallbacks.add(FALLBACK_TIMEOUT);
    } catch (ExecutionException e) {
      fallbacks.add(FALLBACK_FAILED + ": " + e.getCause().getClass().getSimpleName());
    } catch (InterruptedException e) {
      job.cancel(true);
      Thread.currentThread().interrupt();
      fallbacks.add(FALLBACK_TIMEOUT);
    }
    List<PostNlp.SentenceSentiment> sentences = List.of();
    List<String> lemmas = List.of();
    List<String> phrases = List.of();
    List<PostNlp.Entity> entities = List.of();
    if (ling != null) {
      sentences = ling.sentences;
      lemmas = ling.lemmas;
      phrases = ling.phrases;
      entities = ling.entities;
      question |= ling.question;
      if (ling.rntnMean != null) {
        post = PostSentimentScorer.blend(post, ling.rntnMean, settings.rntnWeight());
      }
      if (ling.unparsed > 0) {
        fallbacks.add(FALLBACK_SENTENCE_TOO_LONG);
      }
    }
    return new PostNlp(hash, lang[0], lang[1], true, null, post.label(), post.score(), post.dist5(), post.model(),
        sentences, lemmas, phrases, entities, question, fallbacks);
  }

  private static PostNlp unscored(String hash, String lang, String langSource, String reason, List<String> fallbacks) {
    return new PostNlp(hash, lang, langSource, false, reason, null, 0, null, null, List.of(), List.of(), List.of(),
        List.of(), false, fallbacks);
  }

  /** Why a text is not language at all, or null: no letters, digits or emoji, or mostly control or replacement characters. */
  static String junkReason(String s) {
    int visible = 0;
    int wordy = 0;
    int bad = 0;
    int n = Math.min(s.length(), 4_000);
    for (int i = 0; i < n; ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isWhitespace(cp)) {
        continue;
      }
      visible++;
      int type = Character.getType(cp);
      // U+FFFD is a symbol to Unicode, but here it marks bytes that were not text.
      if (cp == 0xFFFD || type == Character.CONTROL || type == Character.PRIVATE_USE
          || type == Character.UNASSIGNED || type == Character.SURROGATE) {
        bad++;
      } else if (Character.isLetterOrDigit(cp) || type == Character.OTHER_SYMBOL) {
        wordy++;
      }
    }
    if (wordy == 0) {
      return "no words: only punctuation or symbols";
    }
    if (bad * 10 > visible * 3) {
      return "unreadable text: binary or wrongly decoded";
    }
    return null;
  }

  /** {code, source}: the source's declared language when it gives one, else the detector's guess. */
  String[] language(String text, String declared) {
    if (declared != null && declared.matches("[a-zA-Z]{2}(-.*)?")) {
      return new String[] {declared.substring(0, 2).toLowerCase(Locale.ROOT), "declared"};
    }
    String probe = text.length() > LANGUAGE_PROBE_CHARS ? text.substring(0, LANGUAGE_PROBE_CHARS) : text;
    int letters = 0;
    for (int i = 0; i < probe.length() && letters < MIN_LETTERS_FOR_LANGUAGE; i++) {
      if (Character.isLetter(probe.charAt(i))) {
        letters++;
      }
    }
    if (letters < MIN_LETTERS_FOR_LANGUAGE) {
      return new String[] {"und", "too short"};
    }
    if (EnglishFunctionWords.looksEnglish(probe)) {
      return new String[] {"en", "detected"};
    }
    Language l = NlpModels.languages(settings.languages(), probe.length() >= 120).detectLanguageOf(probe);
    if (l == Language.UNKNOWN) {
      return new String[] {"und", "undetermined"};
    }
    return new String[] {l.getIsoCode639_1().toString().toLowerCase(Locale.ROOT), "detected"};
  }

  private static final class Linguistics {
    List<PostNlp.SentenceSentiment> sentences = new ArrayList<>();
    List<String> lemmas = new ArrayList<>();
    List<String> phrases = new ArrayList<>();
    List<PostNlp.Entity> entities = new ArrayList<>();
    boolean question;
    double[] rntnMean;
    int unparsed;
  }

  private Linguistics linguistics(String text, PostSentimentScorer scorer) {
    CoreDocument doc = new CoreDocument(text);
    NlpModels.analysis(settings.linguistics()).annotate(doc);
    Linguistics out = new Linguistics();
    int tokens = 0;
    for (CoreSentence s : doc.sentences()) {
      List<CoreLabel> toks = s.tokens();
      tokens += toks.size();
      int begin = toks.get(0).beginPosition();
      int end = toks.get(toks.size() - 1).endPosition();
      Sentiment st = scorer.social(text.substring(begin, end));
      out.sentences.add(new PostNlp.SentenceSentiment(begin, end, st.label(), st.score(), st.dist5(), st.model()));
      if (toks.get(toks.size() - 1).word().endsWith("?")) {
        out.question = true;
      }
      if (settings.linguistics()) {
        collectLemmasAndPhrases(toks, out);
      }
    }
    Set<PostNlp.Entity> seen = new LinkedHashSet<>();
    for (CoreEntityMention m : settings.linguistics() ? doc.entityMentions() : List.<CoreEntityMention>of()) {
      String type = m.entityType();
      if (("ORGANIZATION".equals(type) || "PERSON".equals(type) || "LOCATION".equals(type)) && seen.size() < MAX_LIST) {
        seen.add(new PostNlp.Entity(m.text(), type));
      }
    }
    out.entities.addAll(seen);
    if (settings.rntnMinTokens() > 0 && tokens >= settings.rntnMinTokens()) {
      blendRntn(text, out);
    }
    return out;
  }

  private void blendRntn(String text, Linguistics out) {
    List<StockCoreNlpSentiment.Sentence> rntn = NlpModels.rntn(settings.parseMaxTokens()).sentences(text);
    for (StockCoreNlpSentiment.Sentence s : rntn) {
      if (!s.parsed()) {
        out.unparsed++;
        continue;
      }
      for (int i = 0; i < out.sentences.size(); i++) {
        PostNlp.SentenceSentiment ss = out.sentences.get(i);
        if (ss.begin() == s.begin()) {
          Sentiment social = PostSentimentScorer.of(threeOf(ss.dist5()), ss.dist5(), ss.model());
          Sentiment b = PostSentimentScorer.blend(social, s.distribution5(), settings.rntnWeight());
          out.sentences.set(i, new PostNlp.SentenceSentiment(ss.begin(), ss.end(), b.label(), b.score(), b.dist5(),
              b.model()));
        }
      }
    }
    out.rntnMean = StockCoreNlpSentiment.mean(rntn);
  }

  private static double[] threeOf(double[] d5) {
    return StockCoreNlpSentiment.toThree(d5);
  }

  private static void collectLemmasAndPhrases(List<CoreLabel> toks, Linguistics out) {
    List<String> run = new ArrayList<>();
    boolean runHasNoun = false;
    for (int i = 0; i <= toks.size(); i++) {
      CoreLabel t = i < toks.size() ? toks.get(i) : null;
      String pos = t == null ? "" : t.tag();
      String lemma = t == null ? "" : t.lemma().toLowerCase(Locale.ROOT);
      boolean word = lemma.length() > 1 && Character.isLetter(lemma.charAt(0));
      if (t != null && word && (pos.startsWith("NN") || pos.startsWith("VB") || pos.startsWith("JJ"))
          && !LIGHT_VERBS.contains(lemma) && out.lemmas.size() < MAX_LIST * 4) {
        out.lemmas.add(lemma);
      }
      boolean inPhrase = t != null && word && (pos.startsWith("NN") || pos.startsWith("JJ"));
      if (inPhrase) {
        run.add(lemma);
        runHasNoun = pos.startsWith("NN");
      } else {
        if (run.size() >= 2 && runHasNoun && run.size() <= 6) {
          String phrase = String.join(" ", run);
          if (!out.phrases.contains(phrase) && out.phrases.size() < MAX_LIST) {
            out.phrases.add(phrase);
          }
        }
        run.clear();
        runHasNoun = false;
      }
    }
  }
}
