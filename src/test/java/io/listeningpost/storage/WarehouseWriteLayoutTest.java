package io.listeningpost.storage;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.listeningpost.testing.LocalSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
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
 * How a partitioned write lays out its days: a few days are cut into sorted ranges over every task, many
 * days go whole to one task each, so a backfill of history writes one file per day. Either way a day
 * holds the same rows in the same order.
 */
@Tag("spark")
class WarehouseWriteLayoutTest {
  @RegisterExtension
  static final LocalSpark SPARK = new LocalSpark();

  /** A table of the test's own, with no dictionary settings of a real table's columns. */
  private static final String TABLE = "layout";

  private static final StructType ROWS = new StructType()
      .add("id", DataTypes.StringType)
      .add("created_at", DataTypes.TimestampType)
      .add("dt", DataTypes.DateType);

  /** {@code perDay} rows on each of {@code days} days from 2026-01-01, in an order unlike the sort. */
  private static Dataset<Row> rows(int days, int perDay) {
    List<Row> out = new ArrayList<>();
    for (int i = perDay - 1; i >= 0; i--) {
      for (int d = 0; d < days; d++) {
        LocalDate day = LocalDate.of(2026, 1, 1).plusDays(d);
        Instant at = day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant().plusSeconds(i * 7L);
        out.add(RowFactory.create(day + "/" + i, Timestamp.from(at), Date.valueOf(day)));
      }
    }
    // Several input partitions, so that the write's own spreading decides the layout.
    return SPARK.spark().createDataFrame(out, ROWS).repartition(5);
  }

  private static Map<String, Long> filesPerDay(Path table) throws IOException {
    Map<String, Long> out = new TreeMap<>();
    try (Stream<Path> days = Files.list(table)) {
      for (Path day : days.filter(p -> p.getFileName().toString().startsWith("dt=")).toList()) {
        try (Stream<Path> files = Files.list(day)) {
          out.put(day.getFileName().toString(), files.filter(f -> f.toString().endsWith(".parquet")).count());
        }
      }
    }
    return out;
  }

  private static List<Row> dayInFileOrder(Path table, String day) {
    return SPARK.spark().read().parquet(table.resolve("dt=" + day).toString()).select("id", "created_at")
        .collectAsList();
  }

  @Test
  void manyDaysAreWrittenWholeOneFilePerDayAndFewDaysAreCutIntoSortedRanges(@TempDir Path dir) throws IOException {
    // Adaptive execution would merge this little data's ranges into one task.
    SPARK.spark().conf().set("spark.sql.adaptive.coalescePartitions.enabled", "false");
    int cores = SPARK.spark().sparkContext().defaultParallelism();
    int many = Warehouse.WHOLE_DAYS_PER_CORE * cores;
    Warehouse history = new Warehouse(SPARK.spark(), dir.resolve("history").toString(), 1_000_000, "run-1",
        TablePublisher.StepHook.NONE);
    history.overwritePartitions(TABLE, rows(many, 300), new String[] {"created_at"}, many);
    Map<String, Long> historyFiles = filesPerDay(dir.resolve("history").resolve(TABLE));
    assertThat(historyFiles).hasSize(many);
    assertThat(historyFiles.values()).as("one file per day").containsOnly(1L);

    Warehouse night = new Warehouse(SPARK.spark(), dir.resolve("night").toString(), 1_000_000, "run-1",
        TablePublisher.StepHook.NONE);
    night.overwritePartitions(TABLE, rows(1, 300 * many).filter(col("dt").equalTo(Date.valueOf("2026-01-01"))),
        new String[] {"created_at"}, 1);
    assertThat(filesPerDay(dir.resolve("night").resolve(TABLE)).get("dt=2026-01-01"))
        .as("one day cut into a range per shuffle partition")
        .isEqualTo(Long.parseLong(SPARK.spark().conf().get("spark.sql.shuffle.partitions")));

    // A day written whole and the same day cut into ranges hold the same rows in the same order.
    Warehouse ranges = new Warehouse(SPARK.spark(), dir.resolve("ranges").toString(), 1_000_000, "run-1",
        TablePublisher.StepHook.NONE);
    ranges.overwritePartitions(TABLE, rows(many, 300), new String[] {"created_at"}, 1);
    assertThat(filesPerDay(dir.resolve("ranges").resolve(TABLE)).values()).anyMatch(n -> n > 1);
    for (String day : List.of("2026-01-01", "2026-01-05")) {
      List<Row> whole = dayInFileOrder(dir.resolve("history").resolve(TABLE), day);
      assertThat(whole).hasSize(300).isEqualTo(dayInFileOrder(dir.resolve("ranges").resolve(TABLE), day));
      assertThat(whole).isSortedAccordingTo((a, b) -> a.getTimestamp(1).compareTo(b.getTimestamp(1)));
    }
  }
}
