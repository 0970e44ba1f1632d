package io.listeningpost.storage;

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
 * How a partitioned write lays out its days: a few days, or days of which one holds most rows, are cut into
 * sorted ranges over the tasks; many days of similar size go whole to one task each, so a backfill of history
 * writes one file per day. Either way a day holds the same rows in the same order.
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
        out.put(day.getFileName().toString(), (long) files(day).size());
      }
    }
    return out;
  }

  /** A day's Parquet files by name, which Spark's writer numbers by task: the order of the ranges. */
  private static List<Path> files(Path day) throws IOException {
    try (Stream<Path> files = Files.list(day)) {
      return files.filter(f -> f.toString().endsWith(".parquet")).sorted().toList();
    }
  }

  /** A day's rows file by file, each file's rows in their stored order. */
  private static List<Row> dayInFileOrder(Path table, String day) throws IOException {
    List<Row> out = new ArrayList<>();
    for (Path file : files(table.resolve("dt=" + day))) {
      out.addAll(SPARK.spark().read().parquet(file.toString()).select("id", "created_at").collectAsList());
    }
    return out;
  }

  private static Warehouse warehouse(Path dir, String name) {
    return new Warehouse(SPARK.spark(), dir.resolve(name).toString(), 1_000_000, "run-1", TablePublisher.StepHook.NONE);
  }

  @Test
  void manyDaysAreWrittenWholeOneFilePerDayAndFewOrUnevenDaysAreCutIntoSortedRanges(@TempDir Path dir)
      throws IOException {
    // Many shuffle partitions, so that ranges cut most days; adaptive execution would merge this little
    // data's ranges into one task.
    String partitions = SPARK.spark().conf().get("spark.sql.shuffle.partitions");
    String coalesce = SPARK.spark().conf().get("spark.sql.adaptive.coalescePartitions.enabled");
    SPARK.spark().conf().set("spark.sql.shuffle.partitions", "16");
    SPARK.spark().conf().set("spark.sql.adaptive.coalescePartitions.enabled", "false");
    try {
      int cores = SPARK.spark().sparkContext().defaultParallelism();
      int many = Warehouse.WHOLE_DAYS_PER_CORE * cores;
      Dataset<Row> history = rows(many, 300);
      Warehouse whole = warehouse(dir, "whole");
      Warehouse.AffectedDays days = whole.affectedDays(history);
      assertThat(days.days()).hasSize(many);
      assertThat(days.rows()).isEqualTo(300L * many);
      assertThat(days.largestDay()).isEqualTo(300L);
      whole.overwritePartitions(TABLE, history, new String[] {"created_at"}, days);
      Map<String, Long> wholeFiles = filesPerDay(dir.resolve("whole").resolve(TABLE));
      assertThat(wholeFiles).hasSize(many);
      assertThat(wholeFiles.values()).as("one file per day").containsOnly(1L);

      // The same days cut into ranges: several files for most days, and the same rows in the same order.
      Warehouse ranges = warehouse(dir, "ranges");
      ranges.overwritePartitions(TABLE, history, new String[] {"created_at"});
      assertThat(filesPerDay(dir.resolve("ranges").resolve(TABLE)).values().stream().filter(n -> n > 1).count())
          .isGreaterThan(many / 2);
      for (String day : wholeFiles.keySet().stream().map(d -> d.substring(3)).toList()) {
        List<Row> inOneFile = dayInFileOrder(dir.resolve("whole").resolve(TABLE), day);
        assertThat(inOneFile).hasSize(300).isSortedAccordingTo((a, b) -> a.getTimestamp(1).compareTo(b.getTimestamp(1)));
        assertThat(dayInFileOrder(dir.resolve("ranges").resolve(TABLE), day)).isEqualTo(inOneFile);
      }

      // As many days, but one of them most of the rows: cut into ranges, so that no task writes that day alone.
      Dataset<Row> uneven = history.unionByName(rows(1, 300 * many));
      Warehouse skewed = warehouse(dir, "skewed");
      Warehouse.AffectedDays unevenDays = skewed.affectedDays(uneven);
      assertThat(unevenDays.days()).hasSize(many);
      skewed.overwritePartitions(TABLE, uneven, new String[] {"created_at"}, unevenDays);
      assertThat(filesPerDay(dir.resolve("skewed").resolve(TABLE)).get("dt=2026-01-01")).isGreaterThan(cores);

      // One night's day: cut into a range per shuffle partition.
      Warehouse night = warehouse(dir, "night");
      Dataset<Row> oneDay = rows(1, 300 * many);
      night.overwritePartitions(TABLE, oneDay, new String[] {"created_at"}, night.affectedDays(oneDay));
      assertThat(filesPerDay(dir.resolve("night").resolve(TABLE)).get("dt=2026-01-01")).isEqualTo(16L);
    } finally {
      SPARK.spark().conf().set("spark.sql.shuffle.partitions", partitions);
      SPARK.spark().conf().set("spark.sql.adaptive.coalescePartitions.enabled", coalesce);
    }
  }
}
