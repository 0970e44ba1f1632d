package io.listeningpost.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.listeningpost.storage.Tables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A source that yields no posts (a CSV export holding only its header row) runs every stage to the
 * end: the run succeeds, says so, and leaves every table in place, empty, with its schema; the report says
 * in each section that there is nothing to show, and every strategy question gets a row saying why.
 */
@Tag("spark")
class EmptyInputTest {
  @Test
  void aHeaderOnlyCsvRunsTheNightlyToEmptyTablesWithTheirSchemas(@TempDir Path dir) throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.writeString(in.resolve("export.csv"), "tweet_id,user,text,time\n");
    Path conf = dir.resolve("job.conf");
    Files.writeString(conf, "warehouse = \"" + dir.resolve("wh") + "\"\nreports = \"" + dir.resolve("reports")
        + "\"\nspark.master = \"local[2]\"\nsources = [ { format = csv, path = \"" + in
        + "\", platform = twitter, time-format = \"yyyy-MM-dd HH:mm:ss\", mapping { post_id = tweet_id, "
        + "author_id = user, text = text, created_at = time } } ]\n");

    int code = Main.run("nightly", "--config", conf.toString(), "--date", "2026-11-21");

    assertThat(code).isZero();
    SparkSession spark = SparkSessions.create("local[1]", 1, "read back");
    try {
      for (String table : List.of(Tables.POSTS, Tables.INTERACTIONS, Tables.AUTHORS, Tables.QUARANTINE,
          Tables.POST_NLP, Tables.NLP_CACHE, Tables.INFLUENCERS, Tables.COMMUNITIES, Tables.TOPICS,
          Tables.POST_TOPICS, Tables.SEGMENTS, Tables.SEGMENT_MEMBERS, Tables.AUDIENCE_PRESENCE, Tables.TARGET_COMMUNITIES,
          Tables.POST_STREAMS, Tables.STREAMS, Tables.STREAM_THEMES, Tables.OPPORTUNITIES, Tables.KEY_TOPICS,
          Tables.ALERTS)) {
        Dataset<Row> t = spark.read().parquet(dir.resolve("wh").resolve(table).toString());
        assertThat(t.columns()).as(table).containsExactly(Tables.schemaOf(table).fieldNames());
        assertThat(t.count()).as(table).isZero();
      }
      Dataset<Row> answers = spark.read().parquet(dir.resolve("wh").resolve(Tables.STRATEGY_ANSWERS).toString());
      assertThat(answers.columns()).containsExactly(Tables.schemaOf(Tables.STRATEGY_ANSWERS).fieldNames());
      assertThat(answers.select("question").distinct().count()).as("every question says what is missing").isEqualTo(6);
      assertThat(answers.filter("confidence > 0").count()).isZero();
      String page = Files.readString(dir.resolve("reports/2026-11-21/report.html"));
      assertThat(page).contains("No topics for this date.", "No risk alerts for this date.");
      assertThat(dir.resolve("reports/2026-11-21/summary.md")).exists();
      Row run = spark.read().parquet(dir.resolve("wh/_runs").toString()).first();
      assertThat(run.<String>getAs("status")).isEqualTo("SUCCEEDED");
    } finally {
      spark.stop();
    }
  }
}
