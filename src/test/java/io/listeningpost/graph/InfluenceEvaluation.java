package io.listeningpost.graph;

import static org.apache.spark.sql.functions.col;

import io.listeningpost.core.config.ListeningPostConfig;
import io.listeningpost.ingest.IngestStep;
import io.listeningpost.stage.StageContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Measures influence rankings against a signal the graph stage does not read (Stack Exchange
 * reputation, or engagement received later), and chooses component weights on a training site.
 * Plain Java over the rows of an influencers table, so that thousands of weightings are scored in
 * seconds without running the stage again.
 */
final class InfluenceEvaluation {
  /** Every column of the influencers table that is compared as a single measure. */
  static final String[] MEASURES = {"pagerank", "engagement", "unique_repliers", "weighted_in_degree", "authority",
      "reach_2hop", "community_pagerank", "posts", "score_sum", "replies_received", "hub", "betweenness"};
  /** What a weighting may use: the model's components, and the plain counts the issue compared with. */
  static final String[] CANDIDATES = {"pagerank", "engagement", "unique_repliers", "weighted_in_degree", "authority",
      "reach_2hop", "community_pagerank", "posts", "score_sum", "replies_received"};
  static final double GRID_STEP = 0.1;
  /** The weighting before the leave-one-site-out choice (commit 9a2637a), kept to compare with. */
  static final String[] PREVIOUS_COMPONENTS = {"pagerank", "engagement", "unique_repliers", "weighted_in_degree",
      "authority", "reach_2hop", "community_pagerank"};
  static final double[] PREVIOUS_WEIGHTS = {0.25, 0.25, 0.15, 0.10, 0.10, 0.05, 0.10};

  private InfluenceEvaluation() {}

  /**
   * Ingests a Stack Exchange dump and runs the graph stage over the days up to {@code end}. The
   * half-life is the longest the configuration allows, so that old answers count nearly as much as
   * new ones, as they do in reputation; enrich is not run, so only the graph's spam signals apply.
   */
  static Dataset<Row> influencers(SparkSession spark, Path dir, Path dump, LocalDate end, int windowDays)
      throws Exception {
    Path conf = dir.resolve("job.conf");
    Files.writeString(conf, "warehouse = \"" + dir.resolve("wh") + "\"\nreports = \"" + dir.resolve("reports")
        + "\"\ngraph { window-days = " + windowDays + ", half-life-days = 3650 }\nsources = [ { format = "
        + "stackexchange, path = \"" + dump + "\" } ]\n");
    ListeningPostConfig c = ListeningPostConfig.load(conf, ListeningPostConfig.Overrides.none());
    new IngestStep(StageContext.of(spark, c, "ingest-1", end)).run();
    new GraphStep(StageContext.of(spark, c, "graph-1", end)).run();
    return spark.read().parquet(dir.resolve("wh/influencers").toString());
  }

  /**
   * One site's authors. Measures hold every node of the graph, as the model ranks them; {@code ranked}
   * marks those the influence ranking lists (neither spam-flagged nor a platform account), the only
   * ones evaluated.
   */
  record Site(String name, List<String> ids, Map<String, double[]> measures, boolean[] ranked, double[] score) {
    static Site of(String name, Dataset<Row> influencers) {
      List<String> cols = new ArrayList<>(List.of("author_id", "influence_rank", "influence_score"));
      cols.addAll(List.of(MEASURES));
      List<Row> rows = influencers.select(cols.stream().map(c -> col(c)).toArray(org.apache.spark.sql.Column[]::new))
          .orderBy("author_id").collectAsList();
      int n = rows.size();
      List<String> ids = new ArrayList<>(n);
      boolean[] ranked = new boolean[n];
      double[] score = new double[n];
      Map<String, double[]> measures = new LinkedHashMap<>();
      for (String m : MEASURES) {
        measures.put(m, new double[n]);
      }
      for (int v = 0; v < n; v++) {
        Row r = rows.get(v);
        ids.add(r.getString(0));
        ranked[v] = !r.isNullAt(1);
        score[v] = r.getDouble(2);
        for (int k = 0; k < MEASURES.length; k++) {
          // An author without posts has no post count or score sum: zero, as the model reads it.
          measures.get(MEASURES[k])[v] = r.isNullAt(3 + k) ? 0 : ((Number) r.get(3 + k)).doubleValue();
        }
      }
      return new Site(name, ids, measures, ranked, score);
    }

    /** The weighted mean of percentile ranks over all nodes, as {@link InfluenceModel} combines them. */
    double[] combined(String[] components, double[] weights) {
      double[][] comp = new double[components.length][];
      for (int k = 0; k < components.length; k++) {
        comp[k] = measures.get(components[k]);
      }
      return InfluenceModel.combine(comp, weights);
    }

    /** The ranked authors' values of a per-node array, in id order. */
    double[] rankedValues(double[] all) {
      double[] out = new double[rankedCount()];
      int i = 0;
      for (int v = 0; v < all.length; v++) {
        if (ranked[v]) {
          out[i++] = all[v];
        }
      }
      return out;
    }

    List<String> rankedIds() {
      List<String> out = new ArrayList<>();
      for (int v = 0; v < ids.size(); v++) {
        if (ranked[v]) {
          out.add(ids.get(v));
        }
      }
      return out;
    }

    int rankedCount() {
      int c = 0;
      for (boolean r : ranked) {
        c += r ? 1 : 0;
      }
      return c;
    }
  }

  /** The k ids with the highest values; ties go to the smaller id. */
  static List<String> top(int k, double[] x, List<String> ids) {
    Integer[] idx = new Integer[x.length];
    for (int i = 0; i < x.length; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, Comparator.<Integer>comparingDouble(i -> -x[i]).thenComparing(ids::get));
    return Arrays.stream(idx).limit(k).map(ids::get).toList();
  }

  /** Pearson correlation; of percentile ranks (ties sharing their average rank), Spearman's rho. */
  private static double pearson(double[] a, double[] b) {
    double ma = Arrays.stream(a).average().orElse(0);
    double mb = Arrays.stream(b).average().orElse(0);
    double cov = 0;
    double va = 0;
    double vb = 0;
    for (int i = 0; i < a.length; i++) {
      cov += (a[i] - ma) * (b[i] - mb);
      va += (a[i] - ma) * (a[i] - ma);
      vb += (b[i] - mb) * (b[i] - mb);
    }
    return va == 0 || vb == 0 ? 0 : cov / Math.sqrt(va * vb);
  }

  /** A signal over a site's ranked authors, with its top lists and ranks worked out once. */
  record Target(Site site, List<String> ids, double[] truth, Set<String> top20, Set<String> top50,
      double[] truthRanks) {
    static Target of(Site site, double[] rankedTruth) {
      List<String> ids = site.rankedIds();
      return new Target(site, ids, rankedTruth, new HashSet<>(top(20, rankedTruth, ids)),
          new HashSet<>(top(50, rankedTruth, ids)), InfluenceModel.percentileRanks(rankedTruth));
    }

    /** Figures of a score given for every node of the site. */
    Figures figures(double[] allScores) {
      double[] x = site.rankedValues(allScores);
      List<String> top = top(50, x, ids);
      return new Figures(overlap(top.subList(0, 20), top20) / 20.0,
          positives() >= 50 ? overlap(top, top50) / 50.0 : Double.NaN,
          pearson(InfluenceModel.percentileRanks(x), truthRanks));
    }

    /** Authors with a positive signal; a top k with fewer would be filled by ties at zero. */
    long positives() {
      return Arrays.stream(truth).filter(x -> x > 0).count();
    }

    /** Precision@20 alone, without sorting: the top 20 picked one by one, ties to the smaller id. */
    double precisionAt20(double[] allScores) {
      double[] x = site.rankedValues(allScores);
      boolean[] taken = new boolean[x.length];
      int hits = 0;
      for (int k = 0; k < Math.min(20, x.length); k++) {
        int best = -1;
        for (int i = 0; i < x.length; i++) {
          if (!taken[i] && (best < 0 || x[i] > x[best])) {
            best = i;
          }
        }
        taken[best] = true;
        hits += top20.contains(ids.get(best)) ? 1 : 0;
      }
      return hits / 20.0;
    }

    private static long overlap(List<String> a, Set<String> b) {
      return a.stream().filter(b::contains).count();
    }
  }

  /** How well a ranking of a site's ranked authors agrees with a signal. */
  record Figures(double p20, double p50, double spearman) {
    /** Training objective: precision@20, then Spearman to break the many ties precision@20 has. */
    boolean betterThan(Figures o) {
      return p20 != o.p20 ? p20 > o.p20 : spearman > o.spearman;
    }

    String row() {
      return String.format(Locale.ROOT, "%.2f | %s | %.3f", p20,
          Double.isNaN(p50) ? "–" : String.format(Locale.ROOT, "%.2f", p50), spearman);
    }
  }

  /** A weighting over {@link #CANDIDATES} and its figures on the site it was chosen on. */
  record Choice(double[] weights, Figures training) {
    String describe() {
      StringBuilder sb = new StringBuilder();
      for (int k = 0; k < CANDIDATES.length; k++) {
        if (weights[k] > 0) {
          sb.append(sb.length() == 0 ? "" : ", ").append(CANDIDATES[k]).append(' ')
              .append(String.format(Locale.ROOT, "%.1f", weights[k]));
        }
      }
      return sb.toString();
    }
  }

  /**
   * Every weighting on the {@link #GRID_STEP} simplex over {@link #CANDIDATES}, scored on the training
   * site only; the best by {@link Figures#betterThan}, the first found among equals.
   */
  static Choice choose(Target train) {
    int steps = (int) Math.round(1 / GRID_STEP);
    int[] units = new int[CANDIDATES.length];
    Choice[] best = {null};
    double[][] pct = new double[CANDIDATES.length][];
    for (int k = 0; k < CANDIDATES.length; k++) {
      pct[k] = InfluenceModel.percentileRanks(train.site().measures().get(CANDIDATES[k]));
    }
    enumerate(units, 0, steps, () -> {
      double[] w = new double[units.length];
      double[] all = new double[train.site().ids().size()];
      for (int k = 0; k < units.length; k++) {
        w[k] = units[k] / (double) steps;
        if (units[k] > 0) {
          for (int v = 0; v < all.length; v++) {
            all[v] += w[k] * pct[k][v];
          }
        }
      }
      // Spearman breaks ties only, so it is worked out only for a weighting that can win.
      if (best[0] == null || train.precisionAt20(all) >= best[0].training().p20()) {
        Figures f = train.figures(all);
        if (best[0] == null || f.betterThan(best[0].training())) {
          best[0] = new Choice(w, f);
        }
      }
    });
    return best[0];
  }

  /**
   * The weightings whose training precision@20 equals the choice's: the choice among them rests on
   * Spearman alone, so their spread on the held-out site tells how much the choice was luck.
   */
  static List<double[]> tiedWithChoice(Target train, Choice choice) {
    int steps = (int) Math.round(1 / GRID_STEP);
    int[] units = new int[CANDIDATES.length];
    List<double[]> out = new ArrayList<>();
    enumerate(units, 0, steps, () -> {
      double[] w = new double[units.length];
      for (int k = 0; k < units.length; k++) {
        w[k] = units[k] / (double) steps;
      }
      if (train.precisionAt20(train.site().combined(CANDIDATES, w)) == choice.training().p20()) {
        out.add(w);
      }
    });
    return out;
  }

  private static void enumerate(int[] units, int k, int left, Runnable each) {
    if (k == units.length - 1) {
      units[k] = left;
      each.run();
      return;
    }
    for (int u = left; u >= 0; u--) {
      units[k] = u;
      enumerate(units, k + 1, left - u, each);
    }
  }
}
