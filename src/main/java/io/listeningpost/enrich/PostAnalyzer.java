package io.listeningpost.enrich;

import com.github.pemistahl.lingua.api.Language;
import edu.stanford.nlp.ling.CoreLabel;
import io.listeningpost.core.QuestionHeuristic;
import io.listeningpost.core.config.EnrichSettings;
import io.listeningpost.enrich.sentiment.PostSentimentScorer;
import io.listeningpost.enrich.sentiment.PostSentimentScorer.Sentiment;
import io.listeningpost.enrich.sentiment.StockCoreNlpSentiment;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * a per-post time limit, checked between sentences and tokens on the calling thread ({@link Deadline});
 * past it, or if CoreNLP fails, the post keeps the social model's sentiment and the fallback is recorded.
 */
public final class PostAnalyzer implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final String FALLBACK_TRUNCATED = "truncated";
  public static final String FALLBACK_TIMEOUT = "timeout";
  public static final String FALLBACK_FAILED = "analysis failed";
  public static final String FALLBACK_SENTENCE_TOO_LONG = "sentence too long to parse";
  private static final int LANGUAGE_PROBE_CHARS = 1_000;
  private static final int MIN_LETTERS_FOR_LANGUAGE = 12;

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
    Linguistics ling = null;
    try {
      // Models load once per JVM, on first use: not part of any post's time limit.
      CoreNlpLinguistics nlp = NlpModels.linguistics(settings.linguistics());
      if (settings.rntnMinTokens() > 0) {
        NlpModels.rntn(settings.parseMaxTokens());
      }
      ling = linguistics(nlp, analysed, scorer, Deadline.in(settings.postTimeLimitMillis()));
    } catch (Deadline.Exceeded e) {
      fallbacks.add(FALLBACK_TIMEOUT);
    } catch (RuntimeException | StackOverflowError e) {
      fallbacks.add(FALLBACK_FAILED + ": " + e.getClass().getSimpleName());
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
    List<String> lemmas = List.of();
    List<String> phrases = List.of();
    List<PostNlp.Entity> entities = List.of();
    boolean question;
    double[] rntnMean;
    int unparsed;
  }

  private Linguistics linguistics(CoreNlpLinguistics nlp, String text, PostSentimentScorer scorer,
      Deadline deadline) {
    CoreNlpLinguistics.Result analysis = nlp.analyse(text, deadline);
    Linguistics out = new Linguistics();
    int tokens = 0;
    for (List<CoreLabel> toks : analysis.sentences()) {
      deadline.check();
      tokens += toks.size();
      int begin = toks.get(0).beginPosition();
      int end = toks.get(toks.size() - 1).endPosition();
      Sentiment st = scorer.social(text.substring(begin, end));
      out.sentences.add(new PostNlp.SentenceSentiment(begin, end, st.label(), st.score(), st.dist5(), st.model()));
      if (toks.get(toks.size() - 1).word().endsWith("?")) {
        out.question = true;
      }
    }
    if (settings.linguistics()) {
      LinguisticFeatures f = LinguisticFeatures.of(analysis.sentences(), analysis.mentions());
      out.lemmas = f.lemmas();
      out.phrases = f.nounPhrases();
      out.entities = f.entities();
    }
    if (settings.rntnMinTokens() > 0 && tokens >= settings.rntnMinTokens()) {
      blendRntn(text, out, deadline);
    }
    return out;
  }

  /**
   * CoreNLP's RNTN parse cannot check a deadline, so it runs on a worker thread for the post's remaining
   * time and is abandoned past it.
   */
  private void blendRntn(String text, Linguistics out, Deadline deadline) {
    deadline.check();
    Future<List<StockCoreNlpSentiment.Sentence>> job = NlpModels.workers()
        .submit(() -> NlpModels.rntn(settings.parseMaxTokens()).sentences(text));
    List<StockCoreNlpSentiment.Sentence> rntn;
    try {
      rntn = job.get(deadline.remainingMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      job.cancel(true);
      throw new Deadline.Exceeded();
    } catch (InterruptedException e) {
      job.cancel(true);
      Thread.currentThread().interrupt();
      throw new Deadline.Exceeded();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
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

}
