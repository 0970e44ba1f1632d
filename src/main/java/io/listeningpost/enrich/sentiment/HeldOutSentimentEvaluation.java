package io.listeningpost.enrich.sentiment;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Scores a trained model on the sets it never trained on, optionally side by side with stock CoreNLP
 * and blends of the two, as {@code train-sentiment} reports them.
 */
public final class HeldOutSentimentEvaluation {
  private static final String STOCK_ROW = "Stock CoreNLP (RNTN, shift-reduce)";
  private static final int LONG_TOKENS = 25;
  private static final double[] BLEND_WEIGHTS = {0.2, 0.5, 0.8};

  /** One held-out set's rows, ours first; {@code stock} is null when the comparison was skipped. */
  public record SetResult(String set, Map<String, Evaluation> rows, Evaluation ours, Evaluation stock) {}

  private final SocialSentimentModel model;
  private final StockCoreNlpSentiment stock;
  private final int threads;
  private final PrintStream progress;

  /**
   * @param withStock also run stock CoreNLP (minutes on a laptop)
   * @param threads threads for stock CoreNLP
   * @param progress where each set's figures are printed as they come
   */
  public HeldOutSentimentEvaluation(SocialSentimentModel model, boolean withStock, int threads, PrintStream progress) {
    this.model = model;
    this.stock = withStock ? new StockCoreNlpSentiment(StockCoreNlpSentiment.Parser.SHIFT_REDUCE, 0) : null;
    this.threads = threads;
    this.progress = progress;
  }

  /** The held-out sets, by the heading the report gives them; {@code tune} is the run's tuning split. */
  public static Map<String, List<LabelledText>> sets(Path datasets, List<LabelledText> tune) throws IOException {
    Map<String, List<LabelledText>> sets = new LinkedHashMap<>();
    sets.put("TweetEval validation (2,000 tweets; development set, never trained or tuned on)",
        SentimentCorpora.tweetEvalValidation(datasets));
    sets.put("GoEmotions dev (Reddit comments, one sentiment group, ambiguous dropped)",
        SentimentCorpora.goEmotions(datasets, "dev"));
    sets.put("VADER human-rated tweets (mean rating below -0.5 negative, above 0.5 positive)",
        SentimentCorpora.vaderTweets(datasets));
    sets.put("SemEval 2014 sarcasm probe (86 tweets, never trained on)", SentimentCorpora.sarcasm(datasets));
    sets.put("Tuning split, texts of " + LONG_TOKENS + "+ tokens (held out from training; it tuned the offsets)",
        tune.stream().filter(t -> SocialTokenizer.tokenize(t.text()).size() >= LONG_TOKENS).toList());
    return sets;
  }

  public List<SetResult> evaluate(Map<String, List<LabelledText>> sets) throws InterruptedException, ExecutionException {
    List<SetResult> results = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (Map.Entry<String, List<LabelledText>> e : sets.entrySet()) {
        results.add(evaluate(e.getKey(), e.getValue(), pool));
      }
    } finally {
      pool.shutdownNow();
    }
    return results;
  }

  private SetResult evaluate(String set, List<LabelledText> data, ExecutorService pool)
      throws InterruptedException, ExecutionException {
    Evaluation ours = SentimentTrainer.evaluate(model, data);
    progress.printf("%s: ours %s%n", set, ours);
    Map<String, Evaluation> rows = new LinkedHashMap<>();
    rows.put("Listening Post (" + model.version() + ")", ours);
    if (stock == null) {
      return new SetResult(set, rows, ours, null);
    }
    long s0 = System.nanoTime();
    List<Future<double[]>> futures = new ArrayList<>();
    for (LabelledText t : data) {
      futures.add(pool.submit(() -> stockDistribution(t.text())));
    }
    Evaluation st = new Evaluation();
    Evaluation[] blends = {new Evaluation(), new Evaluation(), new Evaluation()};
    for (int i = 0; i < data.size(); i++) {
      double[] r3 = futures.get(i).get();
      st.add(data.get(i).label(), SocialSentimentModel.argmax(r3));
      double[] p = model.probabilities(data.get(i).text());
      for (int b = 0; b < BLEND_WEIGHTS.length; b++) {
        double[] m = new double[3];
        for (int k = 0; k < 3; k++) {
          m[k] = (1 - BLEND_WEIGHTS[b]) * p[k] + BLEND_WEIGHTS[b] * r3[k];
        }
        blends[b].add(data.get(i).label(), SocialSentimentModel.argmax(m));
      }
    }
    double secs = (System.nanoTime() - s0) / 1e9;
    rows.put(STOCK_ROW, st);
    for (int b = 0; b < BLEND_WEIGHTS.length; b++) {
      rows.put(String.format(Locale.ROOT, "Blend, RNTN weight %.1f", BLEND_WEIGHTS[b]), blends[b]);
    }
    progress.printf("  stock %s (%.0f texts/s on %d threads)%n", st, data.size() / secs, threads);
    return new SetResult(set, rows, ours, st);
  }

  /** Stock CoreNLP's 3-class distribution of a text: the mean over its sentences, neutral when it has none. */
  private double[] stockDistribution(String text) {
    double[] mean = StockCoreNlpSentiment.mean(stock.sentences(text));
    return mean == null ? new double[] {0, 1, 0} : StockCoreNlpSentiment.toThree(mean);
  }
}
