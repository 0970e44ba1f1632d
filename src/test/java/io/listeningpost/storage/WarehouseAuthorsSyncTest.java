package io.listeningpost.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.listeningpost.testing.LocalSpark;
import java.nio.file.Path;
import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Every way of writing posts or authors clears the mark that lets ingest carry author rows over. */
@Tag("spark")
class WarehouseAuthorsSyncTest {
  @RegisterExtension
  static final LocalSpark SPARK = new LocalSpark();

  private static final Date DAY = Date.valueOf("2026-11-20");

  private interface Write {
    void to(Warehouse warehouse, String table);
  }

  private static Dataset<Row> empty(String table) {
    return SPARK.spark().createDataFrame(List.of(), Tables.schemaOf(table));
  }

  private static boolean inSyncAfter(Path dir, String table, Write write) {
    Warehouse warehouse = new Warehouse(SPARK.spark(), dir.toString(), 1000, "run-1", TablePublisher.StepHook.NONE);
    warehouse.markAuthorsInSync();
    assertThat(warehouse.authorsInSync()).isTrue();
    write.to(warehouse, table);
    return warehouse.authorsInSync();
  }

  @Test
  void writesOfPostsAndAuthorsClearTheMarkAndOtherTablesKeepIt(@TempDir Path dir) {
    List<Write> partitioned = List.of(
        (w, t) -> w.overwritePartitions(t, empty(t), new String[] {"created_at"}),
        (w, t) -> w.rewritePartitions(t, empty(t), new String[] {"created_at"}, List.of(DAY)),
        (w, t) -> w.dropPartitions(t, List.of(DAY)),
        (w, t) -> w.overwriteOnePartition(t, DAY, empty(t)));
    for (int i = 0; i < partitioned.size(); i++) {
      assertThat(inSyncAfter(dir.resolve("posts" + i), Tables.POSTS, partitioned.get(i))).as("posts write %d", i)
          .isFalse();
      assertThat(inSyncAfter(dir.resolve("interactions" + i), Tables.INTERACTIONS, partitioned.get(i)))
          .as("interactions write %d", i).isTrue();
    }
    Write replace = (w, t) -> w.replaceTable(t, empty(t), new String[] {"platform", "author_id"});
    assertThat(inSyncAfter(dir.resolve("authors"), Tables.AUTHORS, replace)).isFalse();
  }
}
