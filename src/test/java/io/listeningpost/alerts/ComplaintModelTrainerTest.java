package io.listeningpost.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.listeningpost.alerts.ComplaintFeatures.FeatureSet;
import io.listeningpost.alerts.ComplaintModelTrainer.Example;
import io.listeningpost.alerts.ComplaintModelTrainer.Operating;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ComplaintModelTrainerTest {
  /** Complaints carry "w:late", the rest "w:thanks", each with a noise word; one complaint in ten carries "w:thanks". */
  private static List<Example> toy() {
    Random random = new Random(7);
    List<Example> out = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      boolean complaint = i % 2 == 0;
      boolean cue = i % 10 == 0 ? !complaint : complaint;
      out.add(new Example(Map.of("bias", 1.0, cue ? "w:late" : "w:thanks", 1.0, "w:noise" + random.nextInt(5), 1.0),
          complaint, false));
    }
    out.add(new Example(Map.of(), true, true));
    return out;
  }

  @Test
  void foldsAreStratifiedByLabel() {
    List<Example> examples = toy();
    int[] fold = ComplaintModelTrainer.folds(examples, 5, 13);
    int[] complaints = new int[5];
    int[] all = new int[5];
    for (int i = 0; i < fold.length; i++) {
      all[fold[i]]++;
      if (examples.get(i).alert()) {
        complaints[fold[i]]++;
      }
    }
    for (int k = 0; k < 5; k++) {
      assertThat(complaints[k]).isBetween(10, 11);
      assertThat(all[k]).isBetween(20, 21);
    }
  }

  @Test
  void learnsTheCueAndTheSameDataGiveTheSameModel() throws IOException {
    List<Example> examples = toy();
    Map<String, Double> w = ComplaintModelTrainer.fit(examples, 1.0);
    assertThat(w.get("w:late")).isPositive();
    assertThat(w.get("w:thanks")).isNegative();
    ComplaintModel a = ComplaintModelTrainer.train(examples, new FeatureSet(false, false, false, false), 1.0, 0.5,
        Map.of("note", "toy"));
    ComplaintModel b = ComplaintModelTrainer.train(toy(), new FeatureSet(false, false, false, false), 1.0, 0.5,
        Map.of("note", "toy"));
    assertThat(bytes(a)).isEqualTo(bytes(b));
    ComplaintModel read = ComplaintModel.read(new ByteArrayInputStream(bytes(a)));
    assertThat(read.threshold()).isEqualTo(0.5);
    assertThat(read.featureSet()).isEqualTo(a.featureSet());
    assertThat(read.meta()).containsEntry("note", "toy");
    Map<String, Double> complaint = Map.of("bias", 1.0, "w:late", 1.0);
    assertThat(read.probability(complaint)).isCloseTo(a.probability(complaint), org.assertj.core.data.Offset.offset(1e-5));
  }

  @Test
  void crossValidationScoresEachPostByAModelThatDidNotSeeIt() {
    List<Example> examples = toy();
    double[] p = ComplaintModelTrainer.crossValidate(examples, 5, 13, 1.0);
    assertThat(p[p.length - 1]).as("a gated post").isZero();
    Operating best = ComplaintModelTrainer.bestThreshold(examples, p);
    // Five complaints carry the wrong cue and the gated complaint never alerts; the rest are told apart.
    assertThat(best.truePositives() + best.falseNegatives()).isEqualTo(51);
    assertThat(best.precision()).isGreaterThanOrEqualTo(0.85);
    assertThat(best.recall()).isGreaterThanOrEqualTo(0.75);
    Operating none = ComplaintModelTrainer.at(examples, p, 1.01);
    assertThat(none.truePositives() + none.falsePositives()).isZero();
  }

  @Test
  void theShippedModelLoads() {
    ComplaintModel model = ComplaintModel.shipped();
    assertThat(model.threshold()).isBetween(0.0, 1.0);
    assertThat(model.featureCount()).isPositive();
    assertThat(model.meta()).containsKeys("cv", "sigma", "training");
  }

  private static byte[] bytes(ComplaintModel model) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    model.write(out);
    return out.toByteArray();
  }
}
