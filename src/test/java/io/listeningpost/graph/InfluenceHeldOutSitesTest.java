package io.listeningpost.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.listeningpost.graph.InfluenceEvaluation.Choice;
import io.listeningpost.graph.InfluenceEvaluation.Figures;
import io.listeningpost.graph.InfluenceEvaluation.Site;
import io.listeningpost.graph.InfluenceEvaluation.Target;
import io.listeningpost.testing.LocalSpark;
import io.listeningpost.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The influence score against Stack Exchange reputation on both dumps in ../shared, leave one site
 * out: weights are chosen on one site and measured on the other. Writes its figures to
 * target/influence-evaluation/held-out-sites.md (docs/influence.md quotes them).
 */
@Tag("spark")
class InfluenceHeldOutSitesTest {
  @RegisterExtension
  static final LocalSpark SPARK = new LocalSpark();

  @Test
  void weightsChosenOnOneSiteAreMeasuredOnTheOtherAgainstReputation(@TempDir Path dir) throws Exception {
    // Both windows hold the whole dump: reputation is earned over all of it.
    Target quantum = target(dir, "se-quantumcomputing", LocalDate.of(2018, 9, 2), 180);
    Target conlang = target(dir, "se-conlang-meta", LocalDate.of(2020, 8, 26), 940);
    for (Target t : List.of(quantum, conlang)) {
      // The evaluation recombines the table's components exactly as the stage did.
      double[] again = t.site().combined(InfluenceModel.COMPONENTS, InfluenceModel.WEIGHTS);
      for (int v = 0; v < again.length; v++) {
        assertThat(again[v]).isCloseTo(t.site().score()[v], within(1e-12));
      }
    }
    Choice onConlang = InfluenceEvaluation.choose(conlang);
    Choice onQuantum = InfluenceEvaluation.choose(quantum);
    StringBuilder report = new StringBuilder("The model's weights are those chosen on se-conlang-meta, so its row is a "
        + "training figure there and a held-out figure on se-quantumcomputing.\n\n");
    Map<String, Figures> quantumFigures = section(report, quantum, conlang, onConlang);
    section(report, conlang, quantum, onQuantum);
    Path out = Files.createDirectories(Path.of("target", "influence-evaluation")).resolve("held-out-sites.md");
    Files.writeString(out, report);
    System.out.println(report);

    // The model ships the weights chosen on se-conlang-meta, so its se-quantumcomputing figure is held out.
    double[] shipped = new double[InfluenceEvaluation.CANDIDATES.length];
    for (int k = 0; k < InfluenceModel.COMPONENTS.length; k++) {
      shipped[List.of(InfluenceEvaluation.CANDIDATES).indexOf(InfluenceModel.COMPONENTS[k])] = InfluenceModel.WEIGHTS[k];
    }
    assertThat(onConlang.weights()).containsExactly(shipped, within(1e-9));
    Figures heldOut = quantumFigures.get(HELD_OUT);
    assertThat(heldOut.p20()).isGreaterThanOrEqualTo(0.85);
    for (String m : InfluenceEvaluation.MEASURES) {
      assertThat(heldOut.p20()).as("held-out precision@20 against %s alone", m)
          .isGreaterThanOrEqualTo(quantumFigures.get(m).p20());
    }
    // Not asserted, because it does not hold: on se-conlang-meta the weights chosen on
    // se-quantumcomputing find fewer top-reputation users than posts written alone (docs/influence.md).
  }

  private static final String HELD_OUT = "held out: weights chosen on the other site";

  private static Target target(Path dir, String name, LocalDate end, int days) throws Exception {
    Path siteDir = Files.createDirectories(dir.resolve(name));
    Site site = Site.of(name, InfluenceEvaluation.influencers(SPARK.spark(), siteDir, SharedData.dataset(name), end,
        days));
    Map<String, Double> reputation = new HashMap<>();
    for (Row r : SPARK.spark().read().parquet(siteDir.resolve("wh/authors").toString())
        .select("author_id", "reputation").collectAsList()) {
      reputation.put(r.getString(0), r.isNullAt(1) ? 0.0 : r.getLong(1));
    }
    List<String> ids = site.rankedIds();
    double[] truth = new double[ids.size()];
    for (int i = 0; i < truth.length; i++) {
      truth[i] = reputation.getOrDefault(ids.get(i), 0.0);
    }
    return Target.of(site, truth);
  }

  private static Map<String, Figures> section(StringBuilder out, Target t, Target trainedOnTarget, Choice chosen) {
    String trainedOn = trainedOnTarget.site().name();
    Map<String, Figures> f = new LinkedHashMap<>();
    f.put(HELD_OUT, t.figures(t.site().combined(InfluenceEvaluation.CANDIDATES, chosen.weights())));
    f.put("influence_score as shipped", t.figures(t.site().score()));
    f.put("previous weights", t.figures(t.site().combined(InfluenceEvaluation.PREVIOUS_COMPONENTS,
        InfluenceEvaluation.PREVIOUS_WEIGHTS)));
    for (String m : InfluenceEvaluation.MEASURES) {
      f.put(m, t.figures(t.site().measures().get(m)));
    }
    out.append(String.format(Locale.ROOT, "### %s: %d ranked authors; chance precision@20 %.2f, precision@50 %.2f%n%n",
        t.site().name(), t.ids().size(), 20.0 / t.ids().size(), 50.0 / t.ids().size()));
    out.append(String.format(Locale.ROOT, "Weights chosen on %s: %s (there: %s).%n%n", trainedOn,
        chosen.describe(), chosen.training().row()));
    double[] tied = InfluenceEvaluation.tiedWithChoice(trainedOnTarget, chosen).stream()
        .mapToDouble(w -> t.figures(t.site().combined(InfluenceEvaluation.CANDIDATES, w)).p20()).sorted().toArray();
    out.append(String.format(Locale.ROOT, "%d weightings tie with it on precision@20 there; here their precision@20 "
        + "runs from %.2f to %.2f, median %.2f.%n%n", tied.length, tied[0], tied[tied.length - 1],
        tied[tied.length / 2]));
    out.append("| ranking | precision@20 | precision@50 | Spearman |\n|---|---|---|---|\n");
    f.forEach((k, v) -> out.append("| ").append(k).append(" | ").append(v.row()).append(" |\n"));
    out.append('\n');
    return f;
  }
}
