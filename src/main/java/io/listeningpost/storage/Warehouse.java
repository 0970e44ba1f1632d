package io.listeningpost.storage;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import scala.collection.JavaConverters;
import scala.collection.Seq;

/**
 * The Parquet warehouse: one folder per table, partitioned by {@code dt} where rows have a date.
 * Every write is staged first and then published by {@link TablePublisher}, so that a table is at any
 * time its previous version or its new one, and a publish cut short is completed by the next run.
 * Partitioned tables replace only the partitions a write holds; unpartitioned ones are replaced whole,
 * or, for the tables that only grow, get new files added.
 */
public final class Warehouse {
  /** From this many days per core, a write may spread whole days over the tasks instead of ranges of rows. */
  static final int WHOLE_DAYS_PER_CORE = 4;
  /**
   * A file whose presence says that the authors table's activity columns follow every posts write
   * before it: written after ingest's authors write, deleted before any write of posts or authors.
   */
  static final String AUTHORS_IN_SYNC = "_authors.in-sync";

  private final SparkSession spark;
  private final String root;
  private final int rowsPerFile;
  private final String runId;
  private final TablePublisher publisher;

  public Warehouse(SparkSession spark, String root, int rowsPerFile, String runId, TablePublisher.StepHook hook) {
    this.spark = spark;
    this.root = root;
    this.rowsPerFile = rowsPerFile;
    this.runId = runId;
    this.publisher = new TablePublisher(spark.sparkContext().hadoopConfiguration(), root, runId, hook);
  }

  public String path(String table) {
    return new Path(root, table).toString();
  }

  public TablePublisher publisher() {
    return publisher;
  }

  SparkSession spark() {
    return spark;
  }

  public boolean exists(String table) {
    try {
      Path p = new Path(path(table));
      FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(p)) {
        return false;
      }
      for (FileStatus f : fs.listStatus(p)) {
        String n = f.getPath().getName();
        if (n.startsWith("dt=") || n.endsWith(".parquet")) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The table with its declared schema; a table that does not exist yet reads as no rows, so that a
   * stage given nothing behaves as one given an empty table.
   */
  public Dataset<Row> read(String table) {
    StructType schema = Tables.schemaOf(table);
    if (!exists(table)) {
      return spark.createDataFrame(List.of(), schema);
    }
    return spark.read().schema(schema).parquet(path(table));
  }

  /** Rows of {@code runId} in the given partitions: what a run's write left in the table. */
  public long rowsOfRun(String table, List<Date> partitions, String runId) {
    if (partitions.isEmpty() || !exists(table)) {
      return 0;
    }
    return read(table).filter(col("dt").isin(partitions.toArray()).and(col(Tables.RUN_ID).equalTo(runId))).count();
  }

  /**
   * The days incoming rows fall on (the partitions a write will replace, in date order), with the number
   * of those rows and of the largest day's.
   */
  public record AffectedDays(List<Date> days, long rows, long largestDay) {
    public AffectedDays {
      days = List.copyOf(days);
    }

    /**
     * Whether a write may give each day whole to one task: many days, none of them more than one core's
     * share of the rows, so that no task is left with most of the work.
     */
    boolean spreadWhole(int cores) {
      return days.size() >= WHOLE_DAYS_PER_CORE * cores && largestDay * cores <= rows;
    }

    /** The days of a count of incoming rows per day (days with no rows left out). */
    public static AffectedDays of(Map<Date, Long> rowsPerDay) {
      List<Date> days = new ArrayList<>();
      long rows = 0;
      long largest = 0;
      for (Map.Entry<Date, Long> e : rowsPerDay.entrySet()) {
        if (e.getValue() > 0) {
          days.add(e.getKey());
          rows += e.getValue();
          largest = Math.max(largest, e.getValue());
        }
      }
      days.sort(Date::compareTo);
      return new AffectedDays(days, rows, largest);
    }
  }

  /** The days of {@code incoming}'s {@code dt} values, counted in one job; rows without a day are left out. */
  public AffectedDays affectedDays(Dataset<Row> incoming) {
    Map<Date, Long> rowsPerDay = new HashMap<>();
    for (Row r : incoming.groupBy("dt").count().collectAsList()) {
      if (!r.isNullAt(0)) {
        rowsPerDay.put(r.getDate(0), r.getLong(1));
      }
    }
    return AffectedDays.of(rowsPerDay);
  }

  /**
   * Incoming rows marked {@code _new = true}, with the table's rows of the same partitions marked
   * {@code _new = false}: everything a partition will hold once deduplicated.
   */
  public Dataset<Row> withPartitions(String table, Dataset<Row> incoming, List<Date> partitions) {
    Dataset<Row> fresh = incoming.withColumn("_new", lit(true));
    if (!exists(table) || partitions.isEmpty()) {
      return fresh;
    }
    Dataset<Row> existing = read(table).filter(col("dt").isin(partitions.toArray()))
        .withColumn("_new", lit(false));
    return fresh.unionByName(existing.select(columnsLike(fresh, existing)), true);
  }

  /**
   * Whether the authors table was written after the last write of posts, so that an authors write may
   * take the activity of authors whose posts a write left alone from it.
   */
  public boolean authorsInSync() {
    return markExists(AUTHORS_IN_SYNC);
  }

  /** Records that the authors table, just published, follows every posts write before it. */
  public void markAuthorsInSync() {
    writeMark(AUTHORS_IN_SYNC);
  }

  /** Whether the file {@code name}, one of the warehouse's marks, is in its root. */
  boolean markExists(String name) {
    try {
      Path p = new Path(root, name);
      return p.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the empty file {@code name} in the warehouse's root. */
  void writeMark(String name) {
    try {
      Path p = new Path(root, name);
      p.getFileSystem(spark.sparkContext().hadoopConfiguration()).create(p, true).close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes the file or folder {@code name} (a path under the warehouse's root), if there. */
  void delete(String name) {
    try {
      Path p = new Path(root, name);
      p.getFileSystem(spark.sparkContext().hadoopConfiguration()).delete(p, true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Before a write of posts or authors: from here the authors table may not follow the posts until
   * ingest's authors write marks it again ({@link #markAuthorsInSync}), nor the post key index the posts
   * until ingest indexes the days it wrote ({@link PostKeyIndex#afterPostsWrite}). Other authors writes
   * (retention, forget) take activity by their own rules and may precede a posts write they belong with.
   */
  private void beforeWriting(String table) {
    if (!table.equals(Tables.POSTS) && !table.equals(Tables.AUTHORS)) {
      return;
    }
    delete(AUTHORS_IN_SYNC);
    if (table.equals(Tables.POSTS)) {
      delete(PostKeyIndex.IN_SYNC);
    }
  }

  /** The table's rows outside {@code partitions}. */
  public Dataset<Row> otherPartitions(String table, List<Date> partitions) {
    Dataset<Row> all = read(table);
    return partitions.isEmpty() ? all : all.filter(col("dt").isin(partitions.toArray()).unary_$bang());
  }

  /**
   * Replaces the partitions present in {@code rows}, keeping every other partition as it was. A day is
   * range-partitioned over several tasks by its sort columns, so a night that touches one or two days
   * still writes with every core, and each file holds a sorted run of its day.
   */
  public void overwritePartitions(String table, Dataset<Row> rows, String[] sortColumns) {
    overwritePartitions(table, rows, sortColumns, new AffectedDays(List.of(), 0, 0));
  }

  /**
   * As {@link #overwritePartitions(String, Dataset, String[])}, for rows that fall on {@code days}. Many
   * days of similar size (a backfill of history; see {@link AffectedDays#spreadWhole}) are spread over the
   * tasks whole, by a hash of the day, with no sampling pass over the rows: each day is then written by
   * one task, as one file up to the rows per file, instead of cut into ranges across tasks. A day holds the
   * same rows either way, each file sorted by the sort columns.
   */
  public void overwritePartitions(String table, Dataset<Row> rows, String[] sortColumns, AffectedDays days) {
    beforeWriting(table);
    List<Column> sort = new ArrayList<>();
    sort.add(col("dt"));
    Arrays.stream(sortColumns).forEach(c -> sort.add(col(c)));
    Column[] order = sort.toArray(new Column[0]);
    Dataset<Row> spread = days.spreadWhole(spark.sparkContext().defaultParallelism())
        ? rows.repartition(col("dt")) : rows.repartitionByRange(order);
    withEncodings(table, parquet(table, spread.sortWithinPartitions(order)))
        .option("maxRecordsPerFile", rowsPerFile)
        .partitionBy("dt")
        .save(publisher.stagingOf(table).toString());
    publish(() -> publisher.publishPartitions(table));
  }

  /**
   * Rewrites the given partitions with what {@code rows} hold for them, in one commit: a partition
   * {@code rows} hold nothing for is dropped, and every other partition stays as it was. For changes
   * that remove rows (erasure, retention), where a day can be left empty.
   */
  public void rewritePartitions(String table, Dataset<Row> rows, String[] sortColumns, List<Date> partitions) {
    if (partitions.isEmpty()) {
      return;
    }
    beforeRemoving(table);
    List<Column> sort = new ArrayList<>();
    sort.add(col("dt"));
    Arrays.stream(sortColumns).forEach(c -> sort.add(col(c)));
    Column[] order = sort.toArray(new Column[0]);
    withEncodings(table, parquet(table, rows.filter(col("dt").isin(partitions.toArray()))
            .repartitionByRange(order).sortWithinPartitions(order)))
        .option("maxRecordsPerFile", rowsPerFile)
        .partitionBy("dt")
        .save(publisher.stagingOf(table).toString());
    List<String> names = partitions.stream().map(d -> "dt=" + d).toList();
    publish(() -> publisher.publishPartitions(table, names));
  }

  /** Drops the given partitions of {@code table}, in one commit. */
  public void dropPartitions(String table, List<Date> partitions) {
    if (partitions.isEmpty()) {
      return;
    }
    PostKeyIndex postKeys = table.equals(Tables.POSTS) ? new PostKeyIndex(this) : null;
    boolean keysInSync = postKeys != null && postKeys.inSync();
    beforeWriting(table);
    List<String> names = partitions.stream().map(d -> "dt=" + d).toList();
    publish(() -> publisher.publishPartitions(table, names));
    if (postKeys != null) {
      postKeys.dropDays(partitions, keysInSync);
    }
  }

  /**
   * Before a write that removes rows from some days: for posts, the post key index goes too, with the keys
   * of the posts removed; the next ingest indexes the posts left.
   */
  private void beforeRemoving(String table) {
    beforeWriting(table);
    if (table.equals(Tables.POSTS)) {
      new PostKeyIndex(this).deleteFolder();
    }
  }

  /**
   * Whether the table holds at least {@code rows} rows, from the row counts in its Parquet footers, read
   * on the driver until they reach {@code rows}: no Spark job, and on a large table only the first files'
   * footers. A file whose footer cannot be read counts no rows, so that a damaged file makes the answer
   * no, never a failed run.
   */
  boolean holdsAtLeast(String table, long rows) {
    if (rows <= 0) {
      return true;
    }
    try {
      Path p = new Path(path(table));
      FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(p)) {
        return false;
      }
      ParquetTableReader footers = new ParquetTableReader(fs, spark.sparkContext().hadoopConfiguration());
      long seen = 0;
      for (FileStatus f : WarehouseSnapshot.TableFolder.list(fs, p).files) {
        try {
          seen += footers.footer(f).rows();
        } catch (IOException | RuntimeException unreadable) {
          continue;
        }
        if (seen >= rows) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The {@code dt} partitions the table holds, oldest first. */
  public List<Date> partitions(String table) {
    List<Date> out = new ArrayList<>();
    try {
      Path p = new Path(path(table));
      FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(p)) {
        return out;
      }
      for (FileStatus f : fs.listStatus(p)) {
        String n = f.getPath().getName();
        if (f.isDirectory() && n.startsWith("dt=")) {
          out.add(Date.valueOf(n.substring(3)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.sort(Date::compareTo);
    return out;
  }

  /**
   * Replaces the one {@code dt} partition that {@code rows} (built on the driver, already in order)
   * hold: no shuffle, no sort, one file per {@code rowsPerFile} rows. With no rows, the partition is
   * written as one empty file that carries the table's schema.
   */
  public void overwriteOnePartition(String table, Date dt, Dataset<Row> rows) {
    beforeWriting(table);
    parquet(table, rows.drop("dt").coalesce(1)).option("maxRecordsPerFile", rowsPerFile)
        .save(new Path(publisher.stagingOf(table), "dt=" + dt).toString());
    publish(() -> publisher.publishPartitions(table));
  }

  /**
   * Writes a whole unpartitioned table, then publishes it in place of the old one. The rows are spread
   * over the files by a hash of the sort columns, each file sorted by them: a range partitioning would
   * first compute every row once more to sample its bounds, and a table rewritten whole every night
   * (authors) would pay that in proportion to its size.
   */
  public void replaceTable(String table, Dataset<Row> rows, String[] sortColumns) {
    beforeWriting(table);
    int files = (int) Math.max(1, Math.min(64, rows.sparkSession().sessionState().conf().numShufflePartitions()));
    Column[] order = Arrays.stream(sortColumns).map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
    withEncodings(table, parquet(table, rows.repartition(files, order).sortWithinPartitions(order)))
        .option("maxRecordsPerFile", rowsPerFile).save(publisher.stagingOf(table).toString());
    publish(() -> publisher.publishTable(table));
  }

  /**
   * Adds {@code rows} to the unpartitioned {@code table} as new files, keeping every file already there:
   * staged like every write, then each file renamed in, so a reader never finds a half-written one.
   */
  public void append(String table, Dataset<Row> rows) {
    parquet(table, rows).save(publisher.stagingOf(table).toString());
    publish(() -> publisher.appendStaged(table));
  }

  /**
   * Gives a table that no run has written yet its schema on disk, as one empty file (in partition
   * {@code dt} for partitioned tables), so that Spark SQL and DuckDB queries find it with its columns.
   */
  public void ensureExists(String table, Date dt) {
    if (exists(table)) {
      return;
    }
    StructType schema = Tables.schemaOf(table);
    Dataset<Row> empty = spark.createDataFrame(List.of(), schema);
    if (Tables.isPartitioned(table)) {
      overwriteOnePartition(table, dt, empty);
    } else {
      parquet(table, empty.coalesce(1)).save(publisher.stagingOf(table).toString());
      publish(() -> publisher.publishTable(table));
    }
  }

  /** An overwriting Parquet write of this run's rows of {@code table}, its files carrying the table's metadata. */
  private DataFrameWriter<Row> parquet(String table, Dataset<Row> rows) {
    return ParquetKeyValueMetadata.parquetWriter(rows.write(), table, runId).mode(SaveMode.Overwrite);
  }

  interface Publish {
    void run() throws IOException;
  }

  static void publish(Publish p) {
    try {
      p.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Dictionary encoding only for the table's columns with few distinct values. Parquet tries it on
   * every column by default, and on ids, texts and times, where it never pays, it took half of the
   * posts write (measured: 13.2 s against 7.3 s for 1M posts, files 115 MB against 118 MB).
   */
  private static DataFrameWriter<Row> withEncodings(String table, DataFrameWriter<Row> writer) {
    List<String> dictionary = Tables.DICTIONARY_COLUMNS.get(table);
    if (dictionary == null) {
      return writer;
    }
    DataFrameWriter<Row> w = writer.option("parquet.enable.dictionary", "false");
    for (String c : dictionary) {
      w = w.option("parquet.enable.dictionary#" + c, "true");
    }
    return w;
  }

  public static Seq<String> seq(String... names) {
    return JavaConverters.asScalaBufferConverter(Arrays.asList(names)).asScala().toSeq();
  }

  private static Column[] columnsLike(Dataset<Row> target, Dataset<Row> source) {
    List<String> have = Arrays.asList(source.columns());
    List<Column> out = new ArrayList<>();
    for (String c : target.columns()) {
      if (have.contains(c)) {
        out.add(col(c).cast(target.schema().apply(c).dataType()));
      }
    }
    return out.toArray(new Column[0]);
  }
}
