package io.listeningpost.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.listeningpost.testing.LocalSpark;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;

@Tag("spark")
class ThreadRootsTest {
  @RegisterExtension
  static final LocalSpark SPARK = new LocalSpark();

  private static final StructType OPEN = new StructType().add("_platform", DataTypes.StringType)
      .add("_id", DataTypes.StringType).add("_up", DataTypes.StringType);
  private static final StructType KNOWN = new StructType().add("_platform", DataTypes.StringType)
      .add("_id", DataTypes.StringType).add("_thread", DataTypes.StringType);

  /** 0 takes the rounds of pointer jumping on Spark; the default walks the chains on the driver. */
  @ParameterizedTest
  @ValueSource(longs = {0, ThreadRoots.MAX_ON_DRIVER})
  void deepReplyChainsFindTheirFirstPostAcrossPartitionsRunsAndPlatforms(long maxOnDriver) {
    // m1 <- m2 <- ... <- m9: a Mastodon chain whose root is in this run; f2 <- f3 reply to f1, which an
    // earlier run stored with its thread; x2 replies to x1, which nobody has seen.
    List<Row> open = new ArrayList<>();
    for (int i = 2; i <= 9; i++) {
      open.add(RowFactory.create("mastodon", "m" + i, "m" + (i - 1)));
    }
    open.add(RowFactory.create("forum", "f2", "f1"));
    open.add(RowFactory.create("forum", "f3", "f2"));
    open.add(RowFactory.create("forum", "x2", "x1"));
    // The same id on another platform is another post.
    open.add(RowFactory.create("blog", "m5", "f1"));
    List<Row> known = List.of(RowFactory.create("mastodon", "m1", "m1"), RowFactory.create("forum", "f1", "f0"),
        RowFactory.create("forum", "f1", "f0"));

    Map<String, String> threads = resolve(open, known, maxOnDriver);

    for (int i = 2; i <= 9; i++) {
      assertThat(threads).containsEntry("mastodon/m" + i, "m1");
    }
    assertThat(threads).containsEntry("forum/f2", "f0").containsEntry("forum/f3", "f0")
        .containsEntry("forum/x2", "x1").containsEntry("blog/m5", "f1").hasSize(open.size());
  }

  @ParameterizedTest
  @ValueSource(longs = {0, ThreadRoots.MAX_ON_DRIVER})
  void aRandomForestAgreesWithWalkingUpEachChain(long maxOnDriver) {
    Random random = new Random(7);
    Map<String, String> parentOf = new HashMap<>();
    Map<String, String> storedThread = new HashMap<>();
    List<Row> open = new ArrayList<>();
    List<Row> known = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      String id = "p" + i;
      double r = random.nextDouble();
      if (ids.isEmpty() || r < 0.05) {
        // A thread starter stored with its thread, or a reply to a post nobody has seen.
        if (random.nextBoolean()) {
          storedThread.put(id, id);
          known.add(RowFactory.create("forum", id, id));
        } else {
          parentOf.put(id, "unseen" + i);
          open.add(RowFactory.create("forum", id, "unseen" + i));
        }
      } else {
        // Mostly replies to recent posts, which makes long chains.
        String parent = ids.get(r < 0.7 ? ids.size() - 1 - random.nextInt(Math.min(3, ids.size())) : random.nextInt(ids.size()));
        parentOf.put(id, parent);
        open.add(RowFactory.create("forum", id, parent));
      }
      ids.add(id);
    }

    Map<String, String> threads = resolve(open, known, maxOnDriver);

    int deepest = 0;
    for (Row o : open) {
      String at = o.getString(1);
      int depth = 0;
      while (!storedThread.containsKey(at) && parentOf.containsKey(at)) {
        at = parentOf.get(at);
        depth++;
      }
      deepest = Math.max(deepest, depth);
      String expected = storedThread.getOrDefault(at, at);
      assertThat(threads.get("forum/" + o.getString(1))).as(o.getString(1)).isEqualTo(expected);
    }
    assertThat(deepest).as("the fixture has long chains").isGreaterThan(30);
  }

  @ParameterizedTest
  @ValueSource(longs = {0, ThreadRoots.MAX_ON_DRIVER})
  void aReplyCycleEndsWithEachPostThreadedInsideItsCycle(long maxOnDriver) {
    List<Row> open = List.of(RowFactory.create("forum", "a", "b"), RowFactory.create("forum", "b", "a"),
        RowFactory.create("forum", "c", "c"));

    Map<String, String> threads = resolve(open, List.of(), maxOnDriver);

    // What is left after ThreadRoots.MAX_ROUNDS can only be a cycle: each of its posts is threaded under
    // a post of the same cycle (which one depends on the jumps), a post replying to itself under itself.
    assertThat(threads).containsOnlyKeys("forum/a", "forum/b", "forum/c").containsEntry("forum/c", "c");
    assertThat(threads.get("forum/a")).isIn("a", "b");
    assertThat(threads.get("forum/b")).isIn("a", "b");
  }

  @ParameterizedTest
  @ValueSource(longs = {0, ThreadRoots.MAX_ON_DRIVER})
  void aParentStoredWithTwoThreadsGivesTheLeastWhateverTheRowOrder(long maxOnDriver) {
    List<Row> open = List.of(RowFactory.create("forum", "g2", "g1"), RowFactory.create("forum", "g3", "g2"));
    List<Row> known = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      known.add(RowFactory.create("forum", "g1", i % 2 == 0 ? "t2" : "t1"));
    }

    assertThat(resolve(open, known, maxOnDriver)).containsEntry("forum/g2", "t1").containsEntry("forum/g3", "t1");
  }

  private static Map<String, String> resolve(List<Row> open, List<Row> known, long maxOnDriver) {
    // Several partitions, so that chains cross them.
    Dataset<Row> o = SPARK.spark().createDataFrame(open, OPEN).repartition(3);
    Dataset<Row> k = SPARK.spark().createDataFrame(known, KNOWN).repartition(2);
    Dataset<Row> result = ThreadRoots.resolve(o, (parents, count) -> k, maxOnDriver);
    Map<String, String> out = new HashMap<>();
    for (Row r : result.collectAsList()) {
      out.put(r.getString(0) + "/" + r.getString(1), r.getString(3));
    }
    return out;
  }
}
