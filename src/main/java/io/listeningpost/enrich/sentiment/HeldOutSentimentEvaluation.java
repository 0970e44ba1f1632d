package io.listeningpost.enrich.sentiment;

import io.listeningpost.core.Softmax;
import java.io.PrintStream;
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
 * Scores models on a labelled set, optionally side by side with stock CoreNLP and blends of the first
 * model with it, as {@code train-sentiment} reports them.
 */
public final class HeldOutSentimentEvaluation implements AutoCloseable {
  public static final String STOCK_ROW = "Stock CoreNLP (RNTN, shift-reduce)";
  /** Texts of at least this many tokens are the long-text rows. */
  public static final int LONG_TOKENS = 25;
  private static final double[] BLEND_WEIGHTS = {0.2, 0.5, 0.8};

  /** One set's rows by model name; {@code details} are the rows shown per class. */
  public record SetResult(String set, Map<String, Evaluation> rows, List<String> details) {}

  private final StockCoreNlpSentiment stock;
  private final int stockMax;
  private final ExecutorService pool;
  private final int threads;
  private final PrintStream progress;

  /**
   * @param withStock also run stock CoreNLP (minutes on a laptop)
   * @param stockMax at most this many texts of a set for stock CoreNLP, chosen by a hash of the id (0: all)
   * @param threads threads for stock CoreNLP
   * @param progress where each set's figures are printed as they come
   */
  public HeldOutSentimentEvaluation(boolean withStock, int stockMax, int threads, PrintStream progress) {
    this.stock = withStock ? new StockCoreNlpSentiment(StockCoreNlpSentiment.Parser.SHIFT_REDUCE, 0) : null;
    this.stockMax = stockMax;
    this.pool = Executors.newFixedThreadPool(threads);
    this.threads = threads;
    this.progress = progress;
  }

  /** The texts of {@code data} with at least {@link #LONG_TOKENS} tokens. */
  public static List<LabelledText> longTexts(List<LabelledText> data) {
    return data.stream().filter(t -> SocialTokenizer.tokenize(t.text()).size() >= LONG_TOKENS).toList();
  }

  /**
   * Each model's figures on {@code data}, then stock CoreNLP's and, with {@code blends}, the first model
   * blended with it at each weight measured.
   */
  public SetResult evaluate(String set, List<LabelledText> data, Map<String, SocialSentimentModel> models,
      boolean blends) throws InterruptedException, ExecutionException {
    Map<String, Evaluation> rows = new LinkedHashMap<>();
    List<String> details = new ArrayList<>();
    for (Map.Entry<String, SocialSentimentModel> m : models.entrySet()) {
      Evaluation ev = SentimentTrainer.evaluate(m.getValue(), data);
      rows.put(m.getKey(), ev);
      progress.printf("%s: %s %s%n", set, m.getKey(), ev);
    }
    details.add(models.keySet().iterator().next());
    if (stock == null) {
      return new SetResult(set, rows, details);
    }
    SocialSentimentModel first = models.values().iterator().next();
    String stockRow = STOCK_ROW;
    if (stockMax > 0 && data.size() > stockMax) {
      data = sample(data, stockMax);
      stockRow = String.format(Locale.ROOT, "%s, %,d-text sample", STOCK_ROW, data.size());
      String ours = String.format(Locale.ROOT, "%s, same sample", models.keySet().iterator().next());
      rows.put(ours, SentimentTrainer.evaluate(first, data));
    }
    long s0 = System.nanoTime();
    List<Future<double[]>> futures = new ArrayList<>();
    for (LabelledText t : data) {
      futures.add(pool.submit(() -> stockDistribution(t.text())));
    }
    Evaluation st = new Evaluation();
    Evaluation[] blended = {new Evaluation(), new Evaluation(), new Evaluation()};
    for (int i = 0; i < data.size(); i++) {
      double[] r3 = futures.get(i).get();
      st.add(data.get(i).label(), Softmax.argmax(r3));
      double[] p = first.probabilities(data.get(i).text());
      for (int b = 0; b < BLEND_WEIGHTS.length; b++) {
        double[] m = new double[3];
        for (int k = 0; k < 3; k++) {
          m[k] = (1 - BLEND_WEIGHTS[b]) * p[k] + BLEND_WEIGHTS[b] * r3[k];
        }
        blended[b].add(data.get(i).label(), Softmax.argmax(m));
      }
    }
    double secs = (System.nanoTime() - s0) / 1e9;
    rows.put(stockRow, st);
    details.add(stockRow);
    if (blends) {
      for (int b = 0; b < BLEND_WEIGHTS.length; b++) {
        rows.put(String.format(Locale.ROOT, "Blend, RNTN weight %.1f", BLEND_WEIGHTS[b]), blended[b]);
      }
    }
    progress.printf("  stock %s (%.0f texts/s on %d threads)%n", st, data.size() / secs, threads);
    return new SetResult(set, rows, details);
  }

  /** About {@code max} texts of {@code data}, chosen by a hash of the id, in their order. */
  static List<LabelledText> sample(List<LabelledText> data, int max) {
    int buckets = (data.size() + max - 1) / max;
    return data.stream().filter(t -> SentimentTrainer.bucket(t.id(), buckets) == 0).toList();
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }

  /** Stock CoreNLP's 3-class distribution of a text: the mean over its sentences, neutral when it has none. */
  private double[] stockDistribution(String text) {
    double[] mean = StockCoreNlpSentiment.mean(stock.sentences(text));
    return mean == null ? new double[] {0, 1, 0} : StockCoreNlpSentiment.toThree(mean);
  }
}
