package io.listeningpost.enrich;

import io.listeningpost.stage.StageContext;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.size;
import static org.assertj.core.api.Assertions.assertThat;

import io.listeningpost.stage.StageResult;
import io.listeningpost.core.TableCounts;
import io.listeningpost.storage.Tables;
import io.listeningpost.core.config.ListeningPostConfig;
import io.listeningpost.ingest.IngestStep;
import io.listeningpost.testing.LocalSpark;
import io.listeningpost.testing.SampleJobs;
import io.listeningpost.storage.Warehouse;
import java.nio.file.Path;
import java.sql.Date;
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

  /**
   * A second run analyses the post versions that have no row (a new text, a new version of the same text,
   * rows written before {@code post_run_id} existed) and no text of a day whose versions all have rows.
   */
  @Test
  void onlyPostVersionsWithoutARowAreAnalysedAndCoveredDaysAreNotRead(@TempDir Path dir) throws Exception {
    ListeningPostConfig config = SampleJobs.perFormatSamples(dir.resolve("wh"));
    new IngestStep(StageContext.of(SPARK.spark(), config, "run-1", DAY)).run();
    new EnrichStep(StageContext.of(SPARK.spark(), config, "run-1", DAY)).run();
    Warehouse warehouse = StageContext.of(SPARK.spark(), config, "fixture", DAY).warehouse();
    List<Row> firsts = warehouse.read(Tables.POSTS).filter(col("text").isNotNull())
        .groupBy("dt").agg(org.apache.spark.sql.functions.min(col("post_id")).as("post_id"))
        .orderBy("dt").collectAsList();
    assertThat(firsts).hasSizeGreaterThanOrEqualTo(4);
    Date edited = firsts.get(0).getDate(0);
    Date rewritten = firsts.get(1).getDate(0);
    Date untouched = firsts.get(2).getDate(0);
    Date migrated = firsts.get(3).getDate(0);
    String editedPost = firsts.get(0).getString(1);
    String rewrittenPost = firsts.get(1).getString(1);
    String untouchedPost = firsts.get(2).getString(1);

    // As ingest writes them: a new text and a new version of the same text, each with the writing run's id.
    // The third day's change keeps its run id, which no writer does: it shows that the day is not read.
    Dataset<Row> changed = warehouse.read(Tables.POSTS).filter(col("dt").isin(edited, rewritten, untouched))
        .withColumn("text", when(col("post_id").equalTo(editedPost), concat(col("text"), lit(" Edited: thanks all.")))
            .when(col("post_id").equalTo(untouchedPost), concat(col("text"), lit(" Unseen.")))
            .otherwise(col("text")))
        .withColumn(Tables.RUN_ID, when(col("post_id").isin(editedPost, rewrittenPost), lit("run-2"))
            .otherwise(col(Tables.RUN_ID)));
    warehouse.overwritePartitions(Tables.POSTS,
        SPARK.spark().createDataFrame(changed.collectAsList(), changed.schema()), new String[] {"created_at"});
    // Rows as a writer without post_run_id left them.
    Dataset<Row> old = warehouse.read(Tables.POST_NLP).filter(col("dt").equalTo(migrated))
        .withColumn("post_run_id", lit(null).cast("string"));
    long migratedRows = old.count();
    warehouse.overwritePartitions(Tables.POST_NLP, SPARK.spark().createDataFrame(old.collectAsList(), old.schema()),
        new String[] {"created_at", "platform", "post_id"});
    Dataset<Row> before = warehouse.read(Tables.POST_NLP).localCheckpoint();
    long cached = warehouse.read(Tables.NLP_CACHE).count();

    StageResult second = new EnrichStep(StageContext.of(SPARK.spark(), config, "run-2", DAY)).run();
    assertThat(second.tables().get(0)).isEqualTo(new TableCounts(Tables.POST_NLP, 2 + migratedRows, 2 + migratedRows,
        0, 0));
    // One new text analysed; the same text again and the migrated rows came from the cache.
    assertThat(warehouse.read(Tables.NLP_CACHE).count()).isEqualTo(cached + 1);
    Dataset<Row> after = warehouse.read(Tables.POST_NLP);
    assertThat(after.filter(col(Tables.RUN_ID).equalTo("run-2")).select("post_id", "post_run_id").collectAsList())
        .hasSize((int) (2 + migratedRows))
        .allSatisfy(r -> assertThat(r.getString(1)).isEqualTo(
            r.getString(0).equals(editedPost) || r.getString(0).equals(rewrittenPost) ? "run-2" : "run-1"));
    assertThat(hashOf(after, editedPost)).isNotEqualTo(hashOf(before, editedPost));
    assertThat(hashOf(after, untouchedPost)).isEqualTo(hashOf(before, untouchedPost));
    LocalSpark.assertSameRows(before.filter(col("dt").isin(edited, rewritten, migrated).unary_$bang()),
        after.filter(col("dt").isin(edited, rewritten, migrated).unary_$bang()));

    StageResult third = new EnrichStep(StageContext.of(SPARK.spark(), config, "run-3", DAY)).run();
    assertThat(third.tables().get(0)).isEqualTo(new TableCounts(Tables.POST_NLP, 0, 0, 0, 0));
  }

  private static String hashOf(Dataset<Row> nlp, String postId) {
    return nlp.filter(col("post_id").equalTo(postId)).select("text_hash").first().getString(0);
  }
}
