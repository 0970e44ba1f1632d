package io.listeningpost.audiences;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.listeningpost.core.config.ListeningPostConfig;
import io.listeningpost.ingest.IngestStep;
import io.listeningpost.stage.StageContext;
import io.listeningpost.stage.StageResult;
import io.listeningpost.storage.Tables;
import io.listeningpost.testing.LocalSpark;
import io.listeningpost.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

@Tag("spark")
class AudiencesStepTest {
  @RegisterExtension
  static final LocalSpark SPARK = new LocalSpark();

  private static ListeningPostConfig config(Path dir, String audiences, String sources) throws Exception {
    Path conf = dir.resolve("job.conf");
    Files.writeString(conf, "warehouse = \"" + dir.resolve("wh") + "\"\nreports = \"" + dir.resolve("reports")
        + "\"\naudiences { " + audiences + " }\nsources = [ " + sources + " ]\n");
    return ListeningPostConfig.load(conf, ListeningPostConfig.Overrides.none());
  }

  private static String stackExchange(String dump) {
    return "{ format = stackexchange, path = \"" + SharedData.dataset(dump) + "\" }";
  }

  private static StageResult ingestAndFindTopics(ListeningPostConfig c, LocalDate end) throws Exception {
    new IngestStep(StageContext.of(SPARK.spark(), c, "ingest", end)).run();
    return new AudiencesStep(StageContext.of(SPARK.spark(), c, "audiences", end)).run();
  }

  @Test
  void everyPostOfTheWindowGetsItsTopicsAndEveryTopicADescription(@TempDir Path dir) throws Exception {
    // The whole quantum computing dump (2018-03-12..09-02) in one window, the month before as its past.
    ListeningPostConfig c = config(dir, "window-days = 180\n targets = [ { name = \"hardware builders\", keywords = "
        + "[\"superconducting\", \"ion trap\", \"transmon\", \"cryostat\"] }, { name = \"algorithm designers\", keywords = "
        + "[\"grover\", \"shor\", \"oracle\", \"algorithm\"] } ]\n key-topics = [ { name = \"error correction\", "
        + "terms = [\"error correction\", \"surface code\", \"qec\"] }, { name = \"stabilizer codes\", terms = "
        + "[\"surface code\", \"stabilizer\", \"toric code\"] } ]", stackExchange("se-quantumcomputing"));
    StageResult r = ingestAndFindTopics(c, LocalDate.of(2018, 9, 2));

    assertThat(r.tables()).allSatisfy(t -> assertThat(t.reconciles()).as(t.mismatch()).isTrue());
    Dataset<Row> posts = SPARK.spark().read().parquet(dir.resolve("wh/posts").toString())
        .filter(col("text").notEqual("").or(col("title").notEqual("")));
    Dataset<Row> postTopics = SPARK.spark().read().parquet(dir.resolve("wh/post_topics").toString());
    assertThat(postTopics.columns()).containsExactly(Tables.POST_TOPICS_SCHEMA.fieldNames());
    assertThat(postTopics.select("platform", "post_id").distinct().count()).isEqualTo(posts.count());
    // A post's topics are ranked strongest first and their weights are shares of one.
    assertThat(postTopics.filter(col("topic_rank").equalTo(1)).count())
        .isEqualTo(postTopics.filter(col("topic_id").isNotNull()).select("post_id").distinct().count());
    assertThat(postTopics.groupBy("post_id").agg(org.apache.spark.sql.functions.sum("weight").as("w"))
        .filter(col("w").gt(1.0 + 1e-9)).count()).isZero();

    Dataset<Row> topics = SPARK.spark().read().parquet(dir.resolve("wh/topics").toString());
    assertThat(topics.columns()).containsExactly(Tables.TOPICS_SCHEMA.fieldNames());
    long k = topics.count();
    assertThat(k).isBetween(6L, 30L);
    List<Row> rows = topics.collectAsList();
    assertThat(rows).allSatisfy(t -> {
      assertThat(t.<String>getAs("label")).isNotBlank();
      assertThat(t.<scala.collection.Seq<String>>getAs("top_terms").size()).isGreaterThanOrEqualTo(3);
    });
    // Sizes are the posts whose strongest topic it is; together they are every post with a topic.
    long sized = rows.stream().mapToLong(t -> t.<Long>getAs("posts")).sum();
    assertThat(sized).isEqualTo(postTopics.filter(col("topic_rank").equalTo(1)).count());
    assertThat(rows.stream().mapToDouble(t -> t.<Double>getAs("share")).sum()).isCloseTo(
        sized / (double) posts.count(), org.assertj.core.data.Offset.offset(1e-9));
    // The posts' own community is the site.
    assertThat(rows).allSatisfy(t -> assertThat(t.<scala.collection.Seq<Row>>getAs("communities").apply(0)
        .<String>getAs("name")).isEqualTo("se-quantumcomputing"));
    // The window starts before the dump: no past, so no growth.
    assertThat(topics.filter(col("growth").isNotNull()).count()).isZero();
    // A topic's label names terms a reader recognises from the site's tags.
    assertThat(topics.select("top_terms").collectAsList().toString()).contains("qubit");

    // Every author with a topic is in exactly one segment, and every segment is described and located.
    Dataset<Row> members = SPARK.spark().read().parquet(dir.resolve("wh/segment_members").toString());
    long authorsWithTopics = postTopics.filter(col("topic_rank").equalTo(1)).select("platform", "post_id")
        .join(posts.filter(col("author_id").isNotNull()), io.listeningpost.storage.Warehouse.seq("platform", "post_id"))
        .select("platform", "author_id").distinct().count();
    assertThat(members.select("platform", "author_id").distinct().count()).isEqualTo(members.count());
    assertThat(members.count()).isEqualTo(authorsWithTopics).isGreaterThan(300);
    Dataset<Row> segments = SPARK.spark().read().parquet(dir.resolve("wh/segments").toString());
    assertThat(segments.count()).isBetween(3L, 8L);
    assertThat(segments.agg(org.apache.spark.sql.functions.sum("members")).first().getLong(0))
        .isEqualTo(members.count());
    assertThat(segments.filter(col("description").isNull().or(col("description").equalTo(""))).count()).isZero();
    // Segments are matched to the configured target audience whose words they use, with the reason.
    assertThat(segments.filter(col("target_audience").isNotNull()).count()).isPositive();
    assertThat(segments.filter(col("target_audience").isNotNull().and(col("target_reason").contains("% of its posts use")))
        .count()).isEqualTo(segments.filter(col("target_audience").isNotNull()).count());
    Dataset<Row> presence = SPARK.spark().read().parquet(dir.resolve("wh/audience_presence").toString());
    assertThat(presence.select("segment_id").distinct().count()).isEqualTo(segments.count());
    assertThat(presence.filter(org.apache.spark.sql.functions.size(col("active_hours_utc")).equalTo(0)).count()).isZero();

    // Each target audience has its communities ranked by fit, best first, each with its reason.
    Dataset<Row> fit = SPARK.spark().read().parquet(dir.resolve("wh/target_communities").toString());
    assertThat(fit.select("target_audience").distinct().count()).isEqualTo(2);
    assertThat(fit.filter(col("rank").equalTo(1)).count()).isEqualTo(2);
    assertThat(fit.filter(col("fit").leq(0).or(col("reason").isNull())).count()).isZero();

    // Open questions are opportunities, each with the posts behind it; the key topic is followed per day.
    Dataset<Row> opportunities = SPARK.spark().read().parquet(dir.resolve("wh/opportunities").toString());
    Dataset<Row> open = opportunities.filter(col("type").equalTo("unanswered questions"));
    assertThat(open.count()).isPositive();
    assertThat(open.filter(org.apache.spark.sql.functions.size(col("evidence_posts")).equalTo(0)
        .or(col("reason").isNull())).count()).isZero();
    List<String> evidence = open.select(org.apache.spark.sql.functions.explode(col("evidence_posts")))
        .as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
    Dataset<Row> answered = SPARK.spark().read().parquet(dir.resolve("wh/interactions").toString())
        .filter(col("dst_post_id").isin(evidence.toArray()).and(col("src_author").notEqual(col("dst_author"))));
    assertThat(answered.count()).as("replies by others to questions called unanswered").isZero();
    // Poorly answered questions have replies from others, none of them a long, voted-up answer.
    Dataset<Row> poorly = opportunities.filter(col("type").equalTo(AudienceOpportunities.POORLY_ANSWERED));
    assertThat(poorly.count()).isPositive();
    assertThat(poorly.filter(org.apache.spark.sql.functions.size(col("evidence_posts")).equalTo(0)
        .or(col("reason").isNull())).count()).isZero();
    List<String> poor = poorly.select(org.apache.spark.sql.functions.explode(col("evidence_posts")))
        .as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
    Dataset<Row> allPosts = SPARK.spark().read().parquet(dir.resolve("wh/posts").toString());
    List<Row> replies = allPosts.filter(col("post_id").isin(poor.toArray())).select(col("post_id").as("q"),
            col("author_id").as("asker"))
        .join(allPosts, col("parent_id").equalTo(col("q")))
        .filter(col("author_id").isNull().or(col("asker").isNull()).or(col("author_id").notEqual(col("asker"))))
        .select("q", "score", "title", "text").collectAsList();
    assertThat(replies.stream().map(reply -> reply.getString(0)).distinct()).hasSameSizeAs(poor);
    assertThat(replies).noneSatisfy(reply -> assertThat(!reply.isNullAt(1) && reply.getLong(1) > 0
        && AnswerQuality.words(reply.getString(2), reply.getString(3)) >= AnswerQuality.MIN_ANSWER_WORDS).isTrue());
    Dataset<Row> key = SPARK.spark().read().parquet(dir.resolve("wh/key_topics").toString());
    assertThat(key.count()).isPositive();
    assertThat(key.filter(col("share_of_voice").leq(0).or(col("share_of_voice").gt(1))
        .or(col("posts").gt(col("community_posts")))).count()).isZero();
    // Counted again on the driver from the posts table: a post counts once for each key topic it names, and
    // posts that name "surface code" name both.
    Map<List<Object>, Long> expected = new HashMap<>();
    Map<String, List<String>> keyTopics = Map.of(
        "error correction", List.of("error correction", "surface code", "qec"),
        "stabilizer codes", List.of("surface code", "stabilizer", "toric code"));
    long namingBoth = 0;
    for (Row p : SPARK.spark().read().parquet(dir.resolve("wh/posts").toString())
        .select("community", "created_at", "title", "text").collectAsList()) {
      String text = (p.isNullAt(2) ? "" : p.getString(2)) + " " + (p.isNullAt(3) ? "" : p.getString(3));
      LocalDate day = p.getTimestamp(1).toInstant().atZone(ZoneOffset.UTC).toLocalDate();
      int named = 0;
      for (Map.Entry<String, List<String>> topic : keyTopics.entrySet()) {
        if (!day.isBefore(LocalDate.of(2018, 3, 7)) && TargetMatch.usesKeyword(text, topic.getValue())) {
          expected.merge(List.of(topic.getKey(), p.isNullAt(0) ? "(none)" : p.getString(0), day), 1L, Long::sum);
          named++;
        }
      }
      namingBoth += named == 2 ? 1 : 0;
    }
    assertThat(namingBoth).as("posts naming both key topics").isPositive();
    Map<List<Object>, Long> written = new HashMap<>();
    for (Row w : key.select("key_topic", "community", "day", "posts").collectAsList()) {
      assertThat(written.put(List.of(w.getString(0), w.getString(1), w.getDate(2).toLocalDate()), w.getLong(3)))
          .as("one row per key topic, community and day").isNull();
    }
    assertThat(written).isEqualTo(expected);
  }

  @Test
  void aTopicCountAboveTheThreadsEndsWithAMessageAndEmptyTables(@TempDir Path dir) throws Exception {
    ListeningPostConfig c = config(dir, "window-days = 3650, topics = 150", stackExchange("se-conlang-meta"));
    StageResult r = ingestAndFindTopics(c, LocalDate.of(2020, 8, 26));
    assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("audiences.topics = 150"));
    assertEmptyTablesWithSchemas(dir);
  }

  @Test
  void aWindowWithoutPostsEndsWithAMessageAndEmptyTables(@TempDir Path dir) throws Exception {
    ListeningPostConfig c = config(dir, "window-days = 7", stackExchange("se-conlang-meta"));
    StageResult r = ingestAndFindTopics(c, LocalDate.of(2026, 11, 21));
    assertThat(r.notes()).anySatisfy(n -> assertThat(n).startsWith("no posts with text between"));
    assertThat(r.tables()).allSatisfy(t -> assertThat(t.reconciles()).isTrue());
    assertEmptyTablesWithSchemas(dir);
  }

  @Test
  void onlyNonEnglishPostsOrASinglePostEndWithAMessageAndEmptyTables(@TempDir Path dir) throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.writeString(in.resolve("forum.csv"), "id,user,time,text,language\n"
        + "1,anna,2026-11-20 10:00:00,Wie bereite ich mich auf ein Vorstellungsgespräch vor?,de\n"
        + "2,ben,2026-11-20 11:00:00,Übe mit Freunden und lies die Stellenanzeige genau.,de\n");
    String csv = "{ format = csv, path = \"" + in + "\", platform = forum, time-format = \"yyyy-MM-dd HH:mm:ss\", "
        + "mapping { post_id = id, author_id = user, created_at = time, text = text, lang = language } }";
    StageResult german = ingestAndFindTopics(config(dir, "window-days = 7", csv), LocalDate.of(2026, 11, 21));
    assertThat(german.notes()).anySatisfy(n -> assertThat(n).startsWith("no English posts between"));
    assertEmptyTablesWithSchemas(dir);

    Path one = dir.resolve("one");
    Path oneIn = Files.createDirectories(one.resolve("in"));
    Files.writeString(oneIn.resolve("forum.csv"), "id,user,time,text\n"
        + "1,anna,2026-11-20 10:00:00,How do I prepare for a panel interview next week?\n");
    String single = "{ format = csv, path = \"" + oneIn + "\", platform = forum, time-format = \"yyyy-MM-dd HH:mm:ss\", "
        + "mapping { post_id = id, author_id = user, created_at = time, text = text } }";
    StageResult r = ingestAndFindTopics(config(one, "window-days = 7", single), LocalDate.of(2026, 11, 21));
    assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("too little to find topics"));
    assertEmptyTablesWithSchemas(one);
  }

  private static void assertEmptyTablesWithSchemas(Path dir) {
    for (String table : List.of(Tables.TOPICS, Tables.POST_TOPICS, Tables.SEGMENTS, Tables.SEGMENT_MEMBERS,
        Tables.AUDIENCE_PRESENCE, Tables.TARGET_COMMUNITIES, Tables.POST_STREAMS, Tables.STREAMS, Tables.STREAM_THEMES, Tables.OPPORTUNITIES,
        Tables.KEY_TOPICS)) {
      Dataset<Row> t = SPARK.spark().read().parquet(dir.resolve("wh").resolve(table).toString());
      assertThat(t.columns()).as(table).containsExactly(Tables.schemaOf(table).fieldNames());
      assertThat(t.count()).as(table).isZero();
    }
  }
}
