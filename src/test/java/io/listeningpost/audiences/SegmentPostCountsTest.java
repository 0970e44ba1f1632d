package io.listeningpost.audiences;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.hour;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.listeningpost.core.config.TargetAudience;
import io.listeningpost.testing.LocalSpark;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every grain of the one grouped query against a Spark query of its own, as the figures were counted before. */
@Tag("spark")
class SegmentPostCountsTest {
  @RegisterExtension
  static final LocalSpark SPARK = new LocalSpark();

  private static final StructType POSTS = new StructType().add("segment_id", DataTypes.IntegerType)
      .add("current", DataTypes.BooleanType).add("topic", DataTypes.IntegerType)
      .add("community", DataTypes.StringType).add("platform", DataTypes.StringType)
      .add("created_at", DataTypes.TimestampType).add("title", DataTypes.StringType)
      .add("text", DataTypes.StringType).add("sentiment_score", DataTypes.DoubleType);
  private static final List<TargetAudience> TARGETS = List.of(
      new TargetAudience("recruiters", List.of("hiring", "job offer"), List.of("Careers"), List.of()),
      new TargetAudience("engineers", List.of("kubernetes"), List.of(), List.of()));

  private static Dataset<Row> posts;
  private static SegmentPostCounts counted;

  @BeforeAll
  static void countRandomPosts() {
    // Communities include a missing one, one literally named "(none)", one that differs only in case
    // from a target's, and one beyond ASCII; some posts have no sentiment; spread over four partitions.
    String[] communities = {"Careers", "careers", null, "(none)", "Überall", "devops"};
    String[] words = {"we are hiring", "a job offer came", "kubernetes at scale", "lunch", "", null};
    Random random = new Random(11);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      rows.add(RowFactory.create(random.nextInt(4), random.nextInt(3) > 0, random.nextInt(5),
          communities[random.nextInt(communities.length)], random.nextBoolean() ? "reddit" : "stackexchange",
          new Timestamp(1_700_000_000_000L + random.nextInt(30 * 24 * 3600) * 1000L),
          words[random.nextInt(words.length)], words[random.nextInt(words.length)],
          random.nextInt(4) == 0 ? null : random.nextDouble() * 2 - 1));
    }
    posts = SPARK.spark().createDataFrame(rows, POSTS).repartition(4);
    counted = SegmentPostCounts.of(posts, TARGETS);
  }

  @Test
  void volumeAndSentimentPerSegmentAsTheirOwnQueriesCountThem() {
    for (Row r : posts.groupBy("segment_id").agg(count(when(col("current"), lit(1))),
        count(when(col("current").unary_$bang(), lit(1)))).collectAsList()) {
      assertThat(counted.postsNow(r.getInt(0))).isEqualTo(r.getLong(1));
      assertThat(counted.postsBefore(r.getInt(0))).isEqualTo(r.getLong(2));
    }
    List<Row> sentiment = posts.filter(col("current")).groupBy("segment_id").agg(avg("sentiment_score")).collectAsList();
    assertThat(sentiment).hasSize(4);
    for (Row r : sentiment) {
      assertThat(counted.sentiment(r.getInt(0))).isCloseTo(r.getDouble(1), within(1e-12));
    }
    assertThat(counted.postsNow(9)).isZero();
    assertThat(counted.sentiment(9)).isNull();
  }

  @Test
  void topicsAndCommunitiesOfThisWindow() {
    Dataset<Row> now = posts.filter(col("current"));
    for (Row r : now.groupBy("segment_id", "topic").count().collectAsList()) {
      assertThat(counted.topics(r.getInt(0))).containsEntry(r.getInt(1), r.getLong(2));
    }
    int pairs = 0;
    for (Row r : now.groupBy(col("segment_id"), coalesce(col("community"), lit("(none)"))).count().collectAsList()) {
      assertThat(counted.communities(r.getInt(0))).containsEntry(r.getString(1), r.getLong(2));
      pairs++;
    }
    int found = 0;
    for (int s = 0; s < 4; s++) {
      found += counted.communities(s).size();
    }
    // A missing community and one named "(none)" are the same community here.
    assertThat(found).isEqualTo(pairs);
  }

  @Test
  void placesInBothWindowsWithCommunitiesAsNamed() {
    Map<List<Object>, Long> expected = new HashMap<>();
    for (Row r : posts.groupBy("segment_id", "current", "community", "platform").count().collectAsList()) {
      expected.put(java.util.Arrays.asList(r.get(0), r.get(1), r.get(2), r.get(3)), r.getLong(4));
    }
    Map<List<Object>, Long> actual = new HashMap<>();
    for (SegmentPostCounts.PlaceCount c : counted.places()) {
      actual.put(java.util.Arrays.asList(c.place().segment(), c.current(), c.place().community(),
          c.place().platform()), c.posts());
    }
    assertThat(actual).isEqualTo(expected);
    long nowPlaces = posts.filter(col("current")).select("segment_id", "community", "platform").distinct().count();
    assertThat(counted.places().stream().filter(SegmentPostCounts.PlaceCount::current).count()).isEqualTo(nowPlaces);
  }

  @Test
  void hoursAndWeekdaysPerPlaceOfThisWindow() {
    Dataset<Row> now = posts.filter(col("current")).withColumn("community", coalesce(col("community"), lit("(none)")));
    Set<SegmentPostCounts.Place> places = new HashSet<>();
    for (Row r : now.groupBy(col("segment_id"), col("community"), col("platform"), hour(col("created_at")))
        .count().collectAsList()) {
      SegmentPostCounts.Place place = new SegmentPostCounts.Place(r.getInt(0), r.getString(1), r.getString(2));
      places.add(place);
      assertThat(counted.hours(place)).containsEntry(r.getInt(3), r.getLong(4));
    }
    for (Row r : now.groupBy(col("segment_id"), col("community"), col("platform"),
        date_format(col("created_at"), "EEEE")).count().collectAsList()) {
      SegmentPostCounts.Place place = new SegmentPostCounts.Place(r.getInt(0), r.getString(1), r.getString(2));
      assertThat(counted.weekdays(place)).containsEntry(r.getString(3), r.getLong(4));
    }
    for (SegmentPostCounts.Place place : places) {
      assertThat(counted.hours(place).values().stream().mapToLong(Long::longValue).sum())
          .isEqualTo(counted.weekdays(place).values().stream().mapToLong(Long::longValue).sum());
    }
  }

  @Test
  void eachTargetsEvidenceInThisWindow() {
    for (int i = 0; i < TARGETS.size(); i++) {
      TargetAudience t = TARGETS.get(i);
      Dataset<Row> now = posts.filter(col("current"));
      List<Row> expected = now.withColumn("_kw", org.apache.spark.sql.functions.udf(
              (org.apache.spark.sql.api.java.UDF2<String, String, Boolean>) (title, text) -> TargetMatch.usesKeyword(
                  (title == null ? "" : title + " ") + (text == null ? "" : text), t.keywords()),
              DataTypes.BooleanType).apply(col("title"), col("text")))
          .withColumn("_in", t.communities().isEmpty() ? lit(false)
              : lower(col("community")).isin(t.communities().stream().map(String::toLowerCase).toArray()))
          .groupBy("segment_id").agg(count(lit(1)), count(when(col("_kw"), lit(1))), count(when(col("_in"), lit(1))))
          .collectAsList();
      assertThat(counted.evidence()).hasSize(expected.size());
      for (Row r : expected) {
        assertThat(counted.evidence().get(r.getInt(0)).get(i))
            .isEqualTo(new SegmentPostCounts.Evidence(r.getLong(1), r.getLong(2), r.getLong(3)));
      }
    }
    // The fixture must exercise the flags it checks.
    assertThat(counted.evidence().values().stream().mapToLong(e -> e.get(0).withWords() + e.get(0).inCommunities()
        + e.get(1).withWords()).sum()).isPositive();
  }
}
