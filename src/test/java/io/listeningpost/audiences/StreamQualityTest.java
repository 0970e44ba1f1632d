package io.listeningpost.audiences;

import static org.assertj.core.api.Assertions.assertThat;

import io.listeningpost.core.config.AudiencesSettings;
import io.listeningpost.core.config.ListeningPostConfig;
import io.listeningpost.testing.LocalSpark;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The stream classifier against a hand-labelled set of posts (src/test/resources/streams), which no
 * vocabulary word, setting or training text was taken from. The model learns, as in the stage, from
 * posts labelled by the default words: here real posts from ../shared (r/jobs submissions, financial
 * news tweets, general tweets), not the labelled set.
 */
@Tag("spark")
class StreamQualityTest {
  @RegisterExtension
  static final LocalSpark SPARK = new LocalSpark();

  private static final Path LABELLED = Path.of("src/test/resources/streams/labelled-posts.tsv");

  @Test
  void wordsAndModelTogetherClassTheLabelledPostsBetterThanWordsAlone() throws Exception {
    AudiencesSettings defaults = ListeningPostConfig.load(Path.of("jobs/nightly.conf"),
        ListeningPostConfig.Overrides.none()).audiences();
    StreamClassifier classifier = new StreamClassifier(
        new StreamVocabulary(defaults.recruitmentTerms(), defaults.marketingTerms()), 42);
    StreamModel model = classifier.train(classifier.withWords(SPARK.spark()
        .createDataset(StreamTrainingTexts.load(), Encoders.STRING()).toDF("text")));
    assertThat(model).isNotNull();

    StructType schema = new StructType().add("id", DataTypes.StringType).add("truth", DataTypes.StringType)
        .add("text", DataTypes.StringType).add("platform", DataTypes.StringType).add("post_id", DataTypes.StringType);
    List<Row> rows = new ArrayList<>();
    for (String line : Files.readAllLines(LABELLED, StandardCharsets.UTF_8).subList(1, Files.readAllLines(LABELLED).size())) {
      String[] f = line.split("\t", -1);
      rows.add(RowFactory.create(f[0], f[2], f[3], f[1], f[0]));
    }
    assertThat(rows).hasSizeGreaterThanOrEqualTo(300);
    Dataset<Row> labelled = SPARK.spark().createDataFrame(rows, schema).repartition(3);
    Map<String, double[]> combined = scores(classifier.classify(model, classifier.withWords(labelled)));
    Map<String, double[]> wordsOnly = scores(classifier.classify(null, classifier.withWords(labelled)));
    StringBuilder report = new StringBuilder("class: precision / recall (words and model | words alone)\n");
    for (String c : combined.keySet()) {
      report.append(String.format(Locale.ROOT, "%s: %.3f / %.3f | %.3f / %.3f%n", c, combined.get(c)[0],
          combined.get(c)[1], wordsOnly.get(c)[0], wordsOnly.get(c)[1]));
    }
    report.append(String.format(Locale.ROOT, "macro F1: %.4f with the model, %.4f with words alone%n",
        macroF1(combined), macroF1(wordsOnly)));
    System.out.println(report);
    assertThat(macroF1(combined)).as(report.toString()).isGreaterThan(macroF1(wordsOnly));
  }

  /** Per class: precision, recall. */
  private static Map<String, double[]> scores(Dataset<Row> classed) {
    List<Row> pairs = classed.select("truth", "stream").collectAsList();
    Map<String, double[]> out = new LinkedHashMap<>();
    for (String c : List.of(StreamVocabulary.RECRUITMENT, StreamVocabulary.MARKETING, StreamVocabulary.OTHER)) {
      long tp = pairs.stream().filter(r -> c.equals(r.getString(0)) && c.equals(r.getString(1))).count();
      long predicted = pairs.stream().filter(r -> c.equals(r.getString(1))).count();
      long actual = pairs.stream().filter(r -> c.equals(r.getString(0))).count();
      out.put(c, new double[] {predicted == 0 ? 0 : tp / (double) predicted, actual == 0 ? 0 : tp / (double) actual});
    }
    return out;
  }

  private static double macroF1(Map<String, double[]> scores) {
    return scores.values().stream().mapToDouble(s -> s[0] + s[1] == 0 ? 0 : 2 * s[0] * s[1] / (s[0] + s[1]))
        .average().orElse(0);
  }
}
