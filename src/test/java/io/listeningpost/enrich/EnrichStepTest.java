package io.listeningpost.enrich;

import io.listeningpost.stage.StageContext;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.size;
import static org.assertj.core.api.Assertions.assertThat;

import io.listeningpost.stage.StageResult;
import io.listeningpost.core.TableCounts;
import io.listeningpost.storage.Tables;
import io.listeningpost.core.config.ListeningPostConfig;
import io.listeningpost.ingest.IngestStep;
import io.listeningpost.testing.LocalSpark;
import io.listeningpost.testing.SampleJobs;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

@Tag("spark")
@Tag("nlp")
class EnrichStepTest {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 21);

  @RegisterExtension
  static final LocalSpark SPARK = new LocalSpark();

  @Test
  void everyPostGetsOneNlpRowAndARerunAnalysesNothing(@TempDir Path dir) throws Exception {
    ListeningPostConfig config = SampleJobs.perFormatSamples(dir.resolve("wh"));
    new IngestStep(StageContext.of(SPARK.spark(), config, "run-1", DAY)).run();
    StageResult first = new EnrichStep(StageContext.of(SPARK.spark(), config, "run-1", DAY)).run();
    TableCounts c = first.tables().get(0);
    assertThat(c).isEqualTo(new TableCounts(Tables.POST_NLP, 40, 40, 0, 0));
    Dataset<Row> nlp = SPARK.spark().read().parquet(dir.resolve("wh/post_nlp").toString());
    assertThat(nlp.columns()).containsExactly(Tables.POST_NLP_SCHEMA.fieldNames());
    assertThat(nlp.count()).isEqualTo(40);
    assertThat(nlp.select("platform", "post_id").distinct().count()).isEqualTo(40);
    // Scored posts have a label and a 5-class distribution; unscored ones say why.
    assertThat(nlp.filter(col("scored").and(col("sentiment_label").isNull().or(size(col("sentiment_dist")).notEqual(5))))
        .count()).isZero();
    assertThat(nlp.filter(col("scored").equalTo(false).and(col("unscored_reason").isNull())).count()).isZero();
    // The French and German sample posts are flagged, not scored as English.
    assertThat(nlp.filter(col("lang").isin("fr", "de")).filter(col("scored")).count()).isZero();
    assertThat(nlp.filter(col("lang").isin("fr", "de")).count()).isGreaterThanOrEqualTo(2);
    // The brand is found under its aliases; competitors are told apart.
    assertThat(nlp.filter("exists(watched, w -> w.term = 'Acme Corp')").count()).isGreaterThanOrEqualTo(5);
    assertThat(nlp.filter("exists(watched, w -> w.kind = 'competitor')").count()).isGreaterThanOrEqualTo(1);
    assertThat(nlp.filter(size(col("lemmas")).gt(0)).count()).isGreaterThan(20);

    Dataset<Row> cache = SPARK.spark().read().parquet(dir.resolve("wh/nlp_cache").toString());
    long texts = cache.count();
    assertThat(texts).isLessThanOrEqualTo(40).isEqualTo(nlp.select("text_hash").distinct().count());

    StageResult again = new EnrichStep(StageContext.of(SPARK.spark(), config, "run-2", DAY)).run();
    assertThat(again.tables().get(0)).isEqualTo(new TableCounts(Tables.POST_NLP, 0, 0, 0, 0));
    assertThat(SPARK.spark().read().parquet(dir.resolve("wh/nlp_cache").toString()).count()).isEqualTo(texts);
    LocalSpark.assertSameRows(nlp, SPARK.spark().read().parquet(dir.resolve("wh/post_nlp").toString()));
  }
}
