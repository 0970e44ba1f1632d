package io.listeningpost.enrich;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.tagger.maxent.MaxentTagger;
import io.listeningpost.enrich.sentiment.SocialSentimentModel;
import io.listeningpost.enrich.sentiment.StockCoreNlpSentiment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The heavy models, loaded lazily once per JVM (driver or executor) and shared by every task in it.
 * Nothing here is serialized: tasks carry only settings and look the models up on arrival.
 * CoreNLP pipelines and the Lingua detector are thread-safe, so concurrent tasks share one instance.
 */
public final class NlpModels {
  private static final Map<Boolean, CoreNlpLinguistics> PIPELINES = new ConcurrentHashMap<>();
  private static final Map<Integer, StockCoreNlpSentiment> RNTN = new ConcurrentHashMap<>();
  private static final Map<String, LanguageDetector> DETECTORS = new ConcurrentHashMap<>();
  private static volatile ExecutorService workers;

  private NlpModels() {}

  /**
   * With {@code linguistics}: sentences, POS tags, lemmas and named entities ({@link CoreNlpLinguistics}).
   * Without: tokenizer and sentence splitter only, for the sentences.
   */
  public static CoreNlpLinguistics linguistics(boolean linguistics) {
    return PIPELINES.computeIfAbsent(linguistics, full -> new CoreNlpLinguistics(
        new StanfordCoreNLP(CoreNlpLinguistics.splitterProperties()),
        full ? new MaxentTagger(CoreNlpLinguistics.TAGGER_MODEL) : null, CoreNlpLinguistics.POS_BEAM, false));
  }

  /** CoreNLP's RNTN sentiment with the shift-reduce parser, sentences capped at {@code maxTokens}. */
  public static StockCoreNlpSentiment rntn(int maxTokens) {
    return RNTN.computeIfAbsent(maxTokens,
        n -> new StockCoreNlpSentiment(StockCoreNlpSentiment.Parser.SHIFT_REDUCE, n));
  }

  public static SocialSentimentModel sentiment() {
    return SocialSentimentModel.shipped();
  }

  /**
   * A Lingua detector over the given ISO 639-1 codes (English always among them). Lingua's low
   * accuracy mode reads trigrams only: about ten times faster, and as accurate on texts of 120
   * characters or more.
   */
  public static LanguageDetector languages(List<String> codes, boolean lowAccuracy) {
    return DETECTORS.computeIfAbsent(String.join(",", codes) + (lowAccuracy ? "/low" : "/high"), k -> {
      List<IsoCode639_1> langs = new ArrayList<>();
      for (String code : codes) {
        langs.add(IsoCode639_1.valueOf(code.toUpperCase(java.util.Locale.ROOT)));
      }
      LanguageDetectorBuilder b = LanguageDetectorBuilder.fromIsoCodes639_1(langs.toArray(new IsoCode639_1[0]))
          .withMinimumRelativeDistance(0.1);
      return (lowAccuracy ? b.withLowAccuracyMode() : b).build();
    });
  }

  /** Threads that run CoreNLP's RNTN parse of a post, so that a parse past the post's time limit can be abandoned. */
  public static ExecutorService workers() {
    ExecutorService w = workers;
    if (w == null) {
      synchronized (NlpModels.class) {
        if (workers == null) {
          workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "listening-post-nlp");
            t.setDaemon(true);
            return t;
          });
        }
        w = workers;
      }
    }
    return w;
  }
}
