package io.listeningpost.enrich;

import io.listeningpost.stage.StageContext;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
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
import org.apache.spark.sql.Column;
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
   * A second run writes rows for the post versions that have none (a new text, a new version of the same
   * text, rows written before {@code post_run_id} existed, an analysis that timed out), analyses only the
   * new text, and reads no text of a day whose versions all have final rows.
   */
  @Test
  void onlyPostVersionsWithoutAFinalRowAreWrittenAndCoveredDaysAreNotRead(@TempDir Path dir) throws Exception {
    ListeningPostConfig config = SampleJobs.perFormatSamples(dir.resolve("wh"));
    new IngestStep(StageContext.of(SPARK.spark(), config, "run-1", DAY)).run();
    new EnrichStep(StageContext.of(SPARK.spark(), config, "run-1", DAY)).run();
    Warehouse warehouse = StageContext.of(SPARK.spark(), config, "fixture", DAY).warehouse();
    List<Row> firsts = warehouse.read(Tables.POSTS).filter(col("text").isNotNull())
        .groupBy("dt").agg(min(struct(col("platform"), col("post_id"))).as("key"))
        .orderBy("dt").collectAsList();
    assertThat(firsts).hasSizeGreaterThanOrEqualTo(5);
    Date edited = firsts.get(0).getDate(0);
    Date rewritten = firsts.get(1).getDate(0);
    Date untouched = firsts.get(2).getDate(0);
    Date migrated = firsts.get(3).getDate(0);
    Date timedOut = firsts.get(4).getDate(0);
    Column editedPost = is(firsts.get(0).getStruct(1));
    Column rewrittenPost = is(firsts.get(1).getStruct(1));
    Column untouchedPost = is(firsts.get(2).getStruct(1));
    Column timedOutPost = is(firsts.get(4).getStruct(1));

    // As ingest writes them: a new text and a new version of the same text, each with the writing run's id.
    // The third day's change keeps its run id, which no writer does: it shows that the day is not read.
    Dataset<Row> changed = warehouse.read(Tables.POSTS).filter(col("dt").isin(edited, rewritten, untouched))
        .withColumn("text", when(editedPost, concat(col("text"), lit(" Edited: thanks all.")))
            .when(untouchedPost, concat(col("text"), lit(" Unseen.")))
            .otherwise(col("text")))
        .withColumn(Tables.RUN_ID, when(editedPost.or(rewrittenPost), lit("run-2")).otherwise(col(Tables.RUN_ID)));
    warehouse.overwritePartitions(Tables.POSTS,
        SPARK.spark().createDataFrame(changed.collectAsList(), changed.schema()), new String[] {"created_at"});
    // Rows as a writer without post_run_id left them, and an analysis that ran out of time.
    Dataset<Row> nlp = warehouse.read(Tables.POST_NLP).filter(col("dt").isin(migrated, timedOut))
        .withColumn("post_run_id", when(col("dt").equalTo(migrated), lit(null)).otherwise(col("post_run_id")))
        .withColumn("fallbacks", when(timedOutPost, array(lit(PostAnalyzer.FALLBACK_TIMEOUT)))
            .otherwise(col("fallbacks")));
    long migratedRows = warehouse.read(Tables.POST_NLP).filter(col("dt").equalTo(migrated)).count();
    warehouse.overwritePartitions(Tables.POST_NLP, SPARK.spark().createDataFrame(nlp.collectAsList(), nlp.schema()),
        new String[] {"created_at", "platform", "post_id"});
    Dataset<Row> before = warehouse.read(Tables.POST_NLP).localCheckpoint();
    long cached = warehouse.read(Tables.NLP_CACHE).count();

    StageResult second = new EnrichStep(StageContext.of(SPARK.spark(), config, "run-2", DAY)).run();
    long expected = 2 + migratedRows + 1;
    assertThat(second.tables().get(0)).isEqualTo(new TableCounts(Tables.POST_NLP, expected, expected, 0, 0));
    assertThat(second.notes()).anyMatch(n -> n.startsWith("texts read on 4 of " + firsts.size() + " days"));
    // One new text analysed; the rest came from the cache.
    assertThat(warehouse.read(Tables.NLP_CACHE).count()).isEqualTo(cached + 1);
    Dataset<Row> after = warehouse.read(Tables.POST_NLP);
    Dataset<Row> rewrittenRows = after.filter(col(Tables.RUN_ID).equalTo("run-2"));
    assertThat(rewrittenRows.count()).isEqualTo(expected);
    assertThat(rewrittenRows.filter(editedPost.or(rewrittenPost)).filter(col("post_run_id").equalTo("run-2")).count())
        .isEqualTo(2);
    assertThat(rewrittenRows.filter(not(editedPost.or(rewrittenPost))).filter(col("post_run_id").equalTo("run-1"))
        .count()).isEqualTo(expected - 2);
    assertThat(after.filter(timedOutPost).filter(array_contains(col("fallbacks"), PostAnalyzer.FALLBACK_TIMEOUT))
        .count()).isZero();
    assertThat(hashOf(after, editedPost)).isNotEqualTo(hashOf(before, editedPost));
    assertThat(hashOf(after, untouchedPost)).isEqualTo(hashOf(before, untouchedPost));
    Column rewrittenDays = col("dt").isin(edited, rewritten, migrated, timedOut);
    LocalSpark.assertSameRows(before.filter(not(rewrittenDays)), after.filter(not(rewrittenDays)));

    StageResult third = new EnrichStep(StageContext.of(SPARK.spark(), config, "run-3", DAY)).run();
    assertThat(third.tables().get(0)).isEqualTo(new TableCounts(Tables.POST_NLP, 0, 0, 0, 0));
  }

  private static Column is(Row key) {
    return col("platform").equalTo(key.getString(0)).and(col("post_id").equalTo(key.getString(1)));
  }

  private static String hashOf(Dataset<Row> nlp, Column post) {
    return nlp.filter(post).select("text_hash").first().getString(0);
  }
}
