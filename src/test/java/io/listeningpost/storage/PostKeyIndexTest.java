package io.listeningpost.storage;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.listeningpost.testing.LocalSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The post key index gives a lookup by post id the posts the whole table would give, reads only the days
 * that hold them, is never trusted after a posts write it did not follow, and is neither kept nor read
 * while the posts table holds fewer posts than its minimum.
 */
@Tag("spark")
class PostKeyIndexTest {
  @RegisterExtension
  static final LocalSpark SPARK = new LocalSpark();

  private static final LocalDate FIRST = LocalDate.parse("2026-11-01");
  private static final int DAYS = 6;
  /** What {@link #withPosts} writes. */
  private static final int POSTS = 2 * 20 * DAYS + 1;
  private static final StructType WANTED = new StructType()
      .add("_platform", DataTypes.StringType).add("_id", DataTypes.StringType);

  /** A post of {@code day} with only the columns a lookup reads. */
  private static Row post(String platform, String id, LocalDate day) {
    StructType schema = Tables.schemaOf(Tables.POSTS);
    Object[] values = new Object[schema.size()];
    values[schema.fieldIndex("platform")] = platform;
    values[schema.fieldIndex("post_id")] = id;
    values[schema.fieldIndex("thread_id")] = "t-" + id;
    values[schema.fieldIndex("created_at")] = Timestamp.valueOf(day.atTime(12, 0));
    values[schema.fieldIndex("dt")] = Date.valueOf(day);
    return RowFactory.create(values);
  }

  /** Forty posts a day over six days, on two platforms that share ids, over several partitions. */
  private static Warehouse withPosts(Path dir) {
    List<Row> rows = new ArrayList<>();
    for (int d = 0; d < DAYS; d++) {
      for (int i = 0; i < 20; i++) {
        rows.add(post("reddit", "r" + d + "-" + i, FIRST.plusDays(d)));
        rows.add(post("forum", "f" + d + "-" + i, FIRST.plusDays(d)));
      }
    }
    rows.add(post("forum", "r4-3", FIRST.plusDays(1)));
    Warehouse warehouse = new Warehouse(SPARK.spark(), dir.toString(), 1000, "run-1", TablePublisher.StepHook.NONE);
    warehouse.overwritePartitions(Tables.POSTS, posts(rows).repartition(4), new String[] {"created_at"});
    return warehouse;
  }

  private static Dataset<Row> posts(List<Row> rows) {
    return SPARK.spark().createDataFrame(rows, Tables.schemaOf(Tables.POSTS));
  }

  private static Dataset<Row> wanted(String... platformAndId) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < platformAndId.length; i += 2) {
      rows.add(RowFactory.create(platformAndId[i], platformAndId[i + 1]));
    }
    return SPARK.spark().createDataFrame(rows, WANTED).repartition(3);
  }

  /** The platform and id of the posts among {@code posts} that {@code wanted} names. */
  private static Set<String> found(Dataset<Row> posts, Dataset<Row> wanted) {
    return posts.join(wanted, posts.col("platform").equalTo(wanted.col("_platform"))
            .and(posts.col("post_id").equalTo(wanted.col("_id"))), "left_semi")
        .select("platform", "post_id").collectAsList().stream()
        .map(r -> r.getString(0) + "/" + r.getString(1)).collect(Collectors.toSet());
  }

  private static Set<LocalDate> days(Dataset<Row> posts) {
    return posts.select("dt").distinct().collectAsList().stream()
        .map(r -> r.getDate(0).toLocalDate()).collect(Collectors.toSet());
  }

  @Test
  void aLookupFindsWhatTheWholeTableHoldsReadingOnlyTheDaysThatHoldIt(@TempDir Path dir) {
    Warehouse warehouse = withPosts(dir);
    PostKeyIndex index = new PostKeyIndex(warehouse, 0);
    assertThat(index.inSync()).isFalse();
    index.prepare();
    assertThat(index.inSync()).isTrue();

    // Day 1 and day 4 hold the posts wanted; day 4 is left out, as ingest leaves out the days it writes.
    Dataset<Row> wanted = wanted("reddit", "r1-5", "forum", "f1-7", "reddit", "r4-3", "forum", "r4-3",
        "reddit", "nowhere", "mastodon", "r1-5");
    List<Date> excluded = List.of(Date.valueOf(FIRST.plusDays(4)));
    Dataset<Row> holding = index.postsHolding(wanted, 6, excluded);

    assertThat(found(holding, wanted))
        .isEqualTo(found(warehouse.otherPartitions(Tables.POSTS, excluded), wanted))
        .containsExactlyInAnyOrder("reddit/r1-5", "forum/f1-7", "forum/r4-3");
    assertThat(days(holding)).containsExactly(FIRST.plusDays(1));
    assertThat(index.postsHolding(wanted("reddit", "nowhere"), 1, List.of()).count()).isZero();
  }

  @Test
  void aPostsWriteClearsTheMarkUntilIngestIndexesTheDaysItWrote(@TempDir Path dir) {
    Warehouse warehouse = withPosts(dir);
    PostKeyIndex index = new PostKeyIndex(warehouse, 0);
    assertThatThrownBy(() -> index.afterPostsWrite(List.of())).isInstanceOf(IllegalStateException.class);
    index.prepare();

    LocalDate day = FIRST.plusDays(DAYS);
    warehouse.overwritePartitions(Tables.POSTS, posts(List.of(post("reddit", "new", day))), new String[] {"created_at"});
    assertThat(index.inSync()).isFalse();
    Dataset<Row> wanted = wanted("reddit", "new", "reddit", "r2-2");
    assertThat(days(index.postsHolding(wanted, 2, List.of())))
        .as("without the mark, every day is read").hasSize(DAYS + 1);

    index.afterPostsWrite(List.of(Date.valueOf(day)));
    assertThat(index.inSync()).isTrue();
    Dataset<Row> holding = index.postsHolding(wanted, 2, List.of());
    assertThat(found(holding, wanted)).containsExactlyInAnyOrder("reddit/new", "reddit/r2-2");
    assertThat(days(holding)).containsExactlyInAnyOrder(day, FIRST.plusDays(2));
  }

  @Test
  void aRewriteThatRemovesPostsDeletesTheIndexForTheNextIngestToBuildAgain(@TempDir Path dir) {
    Warehouse warehouse = withPosts(dir);
    PostKeyIndex index = new PostKeyIndex(warehouse, 0);
    index.prepare();
    warehouse.rewritePartitions(Tables.POSTS, warehouse.read(Tables.POSTS).filter(col("post_id").notEqual("r0-1")),
        new String[] {"created_at"}, List.of(Date.valueOf(FIRST)));
    assertThat(index.inSync()).isFalse();
    assertThat(Files.exists(dir.resolve(PostKeyIndex.FOLDER))).isFalse();

    index.prepare();
    Dataset<Row> wanted = wanted("reddit", "r0-1", "reddit", "r0-2");
    Dataset<Row> holding = index.postsHolding(wanted, 2, List.of());
    assertThat(found(holding, wanted)).containsExactly("reddit/r0-2");
    assertThat(days(holding)).containsExactly(FIRST);
  }

  @Test
  void droppingDaysOfPostsDropsTheSameDaysOfTheIndex(@TempDir Path dir) {
    Warehouse warehouse = withPosts(dir);
    PostKeyIndex index = new PostKeyIndex(warehouse, 0);
    index.prepare();
    warehouse.dropPartitions(Tables.POSTS, List.of(Date.valueOf(FIRST)));
    assertThat(index.inSync()).as("the index still holds every post").isTrue();
    assertThat(Files.exists(dir.resolve(PostKeyIndex.FOLDER).resolve("dt=" + FIRST))).isFalse();
    assertThat(Files.exists(dir.resolve(PostKeyIndex.FOLDER).resolve("dt=" + FIRST.plusDays(1)))).isTrue();

    Dataset<Row> wanted = wanted("reddit", "r0-1", "reddit", "r1-1");
    Dataset<Row> holding = index.postsHolding(wanted, 2, List.of());
    assertThat(found(holding, wanted)).containsExactly("reddit/r1-1");
    assertThat(days(holding)).containsExactly(FIRST.plusDays(1));
  }

  @Test
  void belowItsMinimumOfPostsTheIndexIsNeitherKeptNorRead(@TempDir Path dir) {
    Warehouse warehouse = withPosts(dir);
    assertThat(warehouse.holdsAtLeast(Tables.POSTS, POSTS)).isTrue();
    assertThat(warehouse.holdsAtLeast(Tables.POSTS, POSTS + 1)).isFalse();
    assertThat(warehouse.holdsAtLeast(Tables.AUTHORS, 1)).as("a table not written yet").isFalse();
    new PostKeyIndex(warehouse, POSTS).prepare();
    assertThat(Files.exists(dir.resolve(PostKeyIndex.FOLDER))).isTrue();

    // Retention has since left fewer posts than the minimum: the index left from before goes.
    PostKeyIndex index = new PostKeyIndex(warehouse, POSTS + 1);
    index.prepare();
    assertThat(index.inSync()).isFalse();
    assertThat(Files.exists(dir.resolve(PostKeyIndex.FOLDER))).isFalse();
    Dataset<Row> wanted = wanted("reddit", "r3-1");
    Dataset<Row> holding = index.postsHolding(wanted, 1, List.of(Date.valueOf(FIRST)));
    assertThat(found(holding, wanted)).containsExactly("reddit/r3-1");
    assertThat(days(holding)).as("every day outside the excluded ones").hasSize(DAYS - 1);
    index.afterPostsWrite(List.of(Date.valueOf(FIRST)));
    assertThat(index.inSync()).isFalse();
    assertThat(Files.exists(dir.resolve(PostKeyIndex.FOLDER))).isFalse();

    // The table back at the minimum: the whole index is built again and read.
    PostKeyIndex again = new PostKeyIndex(warehouse, POSTS);
    again.prepare();
    assertThat(again.inSync()).isTrue();
    Dataset<Row> indexed = again.postsHolding(wanted, 1, List.of());
    assertThat(found(indexed, wanted)).containsExactly("reddit/r3-1");
    assertThat(days(indexed)).containsExactly(FIRST.plusDays(3));
  }

  @Test
  void aFileWhoseFooterCannotBeReadCountsNoPosts(@TempDir Path dir) throws Exception {
    Warehouse warehouse = withPosts(dir);
    Files.writeString(dir.resolve("posts").resolve("dt=" + FIRST).resolve("part-broken.parquet"), "not Parquet");
    Files.writeString(dir.resolve("posts").resolve(".hidden.parquet"), "not Parquet either");
    assertThat(warehouse.holdsAtLeast(Tables.POSTS, POSTS)).isTrue();
    assertThat(warehouse.holdsAtLeast(Tables.POSTS, POSTS + 1)).isFalse();
  }

  @Test
  void aMarkWithoutTheIndexIsNotTrusted(@TempDir Path dir) throws Exception {
    Warehouse warehouse = withPosts(dir);
    PostKeyIndex index = new PostKeyIndex(warehouse, 0);
    index.prepare();
    index.deleteFolder();
    Dataset<Row> wanted = wanted("reddit", "r3-1");
    assertThat(found(index.postsHolding(wanted, 1, List.of()), wanted)).containsExactly("reddit/r3-1");

    // The next ingest builds the whole index again rather than index only the days it writes.
    PostKeyIndex next = new PostKeyIndex(warehouse, 0);
    next.prepare();
    LocalDate day = FIRST.plusDays(DAYS);
    warehouse.overwritePartitions(Tables.POSTS, posts(List.of(post("reddit", "new", day))), new String[] {"created_at"});
    next.afterPostsWrite(List.of(Date.valueOf(day)));
    Dataset<Row> holding = next.postsHolding(wanted, 1, List.of());
    assertThat(found(holding, wanted)).containsExactly("reddit/r3-1");
    assertThat(days(holding)).containsExactly(FIRST.plusDays(3));
  }
}
