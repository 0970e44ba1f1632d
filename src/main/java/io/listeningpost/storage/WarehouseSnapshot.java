package io.listeningpost.storage;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * What a warehouse holds, read from its folders and Parquet footers without Spark: the recorded runs,
 * the open alerts of the latest alerts partition, each table's files, rows and the run, schema and code
 * version of its newest file, and any publish a stopped run left half done. Only {@code _runs} and
 * one alerts partition are read row by row; every other table is known from its footers alone.
 */
public final class WarehouseSnapshot {
  /** What the folder is. */
  public enum State {
    /** The folder does not exist: no run has written to it yet. */
    MISSING,
    /** The folder exists and holds nothing. */
    EMPTY,
    /** The folder holds something, but neither a run record, a publish nor a table file of Listening Post. */
    NOT_A_WAREHOUSE,
    WAREHOUSE
  }

  /**
   * One table folder. {@code newestRunId}, {@code schemaVersion} and {@code codeVersion} come from the
   * footer of the newest file (by run id, which starts with the run's start time); null where the file
   * carries no such metadata. {@code latestPartition} is the last {@code dt=} folder, null when unpartitioned.
   */
  public record TableFacts(String name, int partitions, int files, long rows, String latestPartition,
      String newestRunId, String schemaVersion, String codeVersion, List<String> unreadableFiles) {}

  /** The rows of the latest {@code alerts} partition: the alerts open on that run date. */
  public record OpenAlerts(String partition, List<ParquetRow> rows) {}

  private static final Comparator<ParquetRow> NEWEST_RUN_FIRST = Comparator
      .comparing((ParquetRow r) -> r.instant("started_at"), Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
      .thenComparing(r -> r.string("run_id"), Comparator.nullsFirst(Comparator.<String>naturalOrder()))
      .reversed();

  private final String root;
  private final State state;
  private final long runsRecorded;
  private final List<ParquetRow> runs;
  private final List<TableFacts> tables;
  private final OpenAlerts alerts;
  private final List<String> unfinishedPublishes;

  private WarehouseSnapshot(String root, State state, long runsRecorded, List<ParquetRow> runs,
      List<TableFacts> tables, OpenAlerts alerts, List<String> unfinishedPublishes) {
    this.root = root;
    this.state = state;
    this.runsRecorded = runsRecorded;
    this.runs = List.copyOf(runs);
    this.tables = List.copyOf(tables);
    this.alerts = alerts;
    this.unfinishedPublishes = List.copyOf(unfinishedPublishes);
  }

  public String root() {
    return root;
  }

  public State state() {
    return state;
  }

  /** How many runs {@code _runs} holds (its rows, from the footers). */
  public long runsRecorded() {
    return runsRecorded;
  }

  /** The newest rows of {@code _runs}, as many as asked for, newest start first. */
  public List<ParquetRow> runs() {
    return runs;
  }

  /** The table folders, by name ({@code _runs} first). */
  public List<TableFacts> tables() {
    return tables;
  }

  public Optional<OpenAlerts> alerts() {
    return Optional.ofNullable(alerts);
  }

  /**
   * Publish records under {@code _commits/} and run folders under {@code _staging/}: a publish that a
   * stopped run left half done, or the staging of a run still going.
   */
  public List<String> unfinishedPublishes() {
    return unfinishedPublishes;
  }

  /**
   * Reads the warehouse at {@code root}, with the newest {@code runsWanted} rows of {@code _runs}. Only the
   * files of those runs are read row by row: the run recorder writes one file per run, whose footer names
   * the run, and run ids start with the run's start time. A {@code _runs} file whose footer names no run
   * is always read.
   */
  public static WarehouseSnapshot read(String root, Configuration conf, int runsWanted) throws IOException {
    Path rootPath = new Path(root);
    FileSystem fs = rootPath.getFileSystem(conf);
    FileStatus rootStatus;
    try {
      rootStatus = fs.getFileStatus(rootPath);
    } catch (FileNotFoundException e) {
      return new WarehouseSnapshot(root, State.MISSING, 0, List.of(), List.of(), null, List.of());
    }
    if (!rootStatus.isDirectory()) {
      return new WarehouseSnapshot(root, State.NOT_A_WAREHOUSE, 0, List.of(), List.of(), null, List.of());
    }
    List<FileStatus> entries = visible(fs, rootPath);
    if (entries.isEmpty()) {
      return new WarehouseSnapshot(root, State.EMPTY, 0, List.of(), List.of(), null, List.of());
    }
    ParquetTableReader reader = new ParquetTableReader(fs, conf);
    List<TableFacts> tables = new ArrayList<>();
    List<String> unfinished = new ArrayList<>();
    List<ParquetRow> runs = new ArrayList<>();
    long runsRecorded = 0;
    OpenAlerts alerts = null;
    boolean known = false;
    for (FileStatus entry : entries) {
      String name = entry.getPath().getName();
      if (!entry.isDirectory()) {
        continue;
      }
      if (name.equals(TablePublisher.COMMITS) || name.equals(TablePublisher.STAGING)) {
        known = true;
        for (FileStatus s : visibleAndPartial(fs, entry.getPath())) {
          unfinished.add(name + "/" + s.getPath().getName());
        }
        continue;
      }
      TableFolder folder = TableFolder.list(fs, entry.getPath());
      if (folder.files.isEmpty()) {
        continue;
      }
      List<String> unreadable = new ArrayList<>();
      Footers footers = Footers.read(reader, folder.files, unreadable);
      boolean labelled = footers.newest != null && footers.newest.metadata(ParquetKeyValueMetadata.TABLE) != null;
      known |= labelled || name.equals(Tables.RUNS);
      if (!labelled && unreadable.isEmpty() && !name.equals(Tables.RUNS)) {
        continue;
      }
      String latestPartition = folder.partitions.isEmpty() ? null
          : folder.partitions.get(folder.partitions.size() - 1);
      if (name.equals(Tables.RUNS)) {
        runs.addAll(rowsOf(reader, footers.newestRuns(runsWanted), unreadable));
        runsRecorded = footers.rows;
      } else if (name.equals(Tables.ALERTS) && latestPartition != null) {
        List<FileStatus> open = footers.readable.keySet().stream()
            .filter(f -> f.getPath().getParent().getName().equals(latestPartition)).toList();
        alerts = new OpenAlerts(latestPartition, rowsOf(reader, open, unreadable));
      }
      ParquetTableReader.Footer newest = footers.newest;
      tables.add(new TableFacts(name, folder.partitions.size(), folder.files.size(), footers.rows, latestPartition,
          newest == null ? null : newest.metadata(ParquetKeyValueMetadata.RUN_ID),
          newest == null ? null : newest.metadata(ParquetKeyValueMetadata.SCHEMA_VERSION),
          newest == null ? null : newest.metadata(ParquetKeyValueMetadata.CODE_VERSION), List.copyOf(unreadable)));
    }
    if (!known) {
      return new WarehouseSnapshot(root, State.NOT_A_WAREHOUSE, 0, List.of(), List.of(), null, List.of());
    }
    runs.sort(NEWEST_RUN_FIRST);
    tables.sort(Comparator.comparing(TableFacts::name));
    return new WarehouseSnapshot(root, State.WAREHOUSE, runsRecorded,
        runs.subList(0, Math.min(runsWanted, runs.size())), tables, alerts, unfinished);
  }

  private static List<ParquetRow> rowsOf(ParquetTableReader reader, List<FileStatus> files, List<String> unreadable) {
    List<ParquetRow> rows = new ArrayList<>();
    for (FileStatus f : files) {
      try {
        rows.addAll(reader.rows(f.getPath()));
      } catch (IOException | RuntimeException e) {
        unreadable.add(f.getPath() + ": " + e.getMessage());
      }
    }
    return rows;
  }

  /** The footers of a table's files: their rows, the newest file's, and which files could be read. */
  private static final class Footers {
    long rows;
    ParquetTableReader.Footer newest;
    final Map<FileStatus, ParquetTableReader.Footer> readable = new LinkedHashMap<>();

    static Footers read(ParquetTableReader reader, List<FileStatus> files, List<String> unreadable) {
      Footers out = new Footers();
      for (FileStatus f : files) {
        ParquetTableReader.Footer footer;
        try {
          footer = reader.footer(f);
        } catch (IOException | RuntimeException e) {
          unreadable.add(f.getPath() + ": " + e.getMessage());
          continue;
        }
        out.readable.put(f, footer);
        out.rows += footer.rows();
        if (out.newest == null || NEWEST_FILE.compare(footer, out.newest) > 0) {
          out.newest = footer;
        }
      }
      return out;
    }

    /** The files of the newest {@code n} runs by the run id their footers name, and every file that names none. */
    List<FileStatus> newestRuns(int n) {
      List<FileStatus> unnamed = new ArrayList<>();
      List<Map.Entry<FileStatus, ParquetTableReader.Footer>> named = new ArrayList<>();
      for (Map.Entry<FileStatus, ParquetTableReader.Footer> e : readable.entrySet()) {
        if (e.getValue().metadata(ParquetKeyValueMetadata.RUN_ID) == null) {
          unnamed.add(e.getKey());
        } else {
          named.add(e);
        }
      }
      named.sort(Map.Entry.comparingByValue(NEWEST_FILE.reversed()));
      List<FileStatus> out = new ArrayList<>(unnamed);
      named.subList(0, Math.min(n, named.size())).forEach(e -> out.add(e.getKey()));
      return out;
    }
  }

  private static final Comparator<ParquetTableReader.Footer> NEWEST_FILE = Comparator
      .comparing((ParquetTableReader.Footer f) -> f.metadata(ParquetKeyValueMetadata.RUN_ID),
          Comparator.nullsFirst(Comparator.<String>naturalOrder()))
      .thenComparingLong(ParquetTableReader.Footer::modifiedMillis);

  /**
   * A table folder's Parquet files, directly in it or in its {@code column=value} partition folders, each
   * folder listed once with its entries' statuses (no per-file permission lookup).
   */
  static final class TableFolder {
    final List<String> partitions = new ArrayList<>();
    final List<FileStatus> files = new ArrayList<>();

    static TableFolder list(FileSystem fs, Path table) throws IOException {
      TableFolder folder = new TableFolder();
      for (FileStatus s : visible(fs, table)) {
        String name = s.getPath().getName();
        if (s.isDirectory() && name.contains("=")) {
          List<FileStatus> files = visible(fs, s.getPath()).stream().filter(WarehouseSnapshot::isParquet).toList();
          folder.partitions.add(name);
          folder.files.addAll(files);
        } else if (isParquet(s)) {
          folder.files.add(s);
        }
      }
      folder.partitions.sort(Comparator.naturalOrder());
      return folder;
    }
  }

  private static boolean isParquet(FileStatus s) {
    return s.isFile() && s.getPath().getName().endsWith(".parquet");
  }

  /** The entries of a folder, without hidden files ({@code .}: checksums) and Spark's {@code _SUCCESS} markers. */
  private static List<FileStatus> visible(FileSystem fs, Path dir) throws IOException {
    List<FileStatus> out = new ArrayList<>();
    for (FileStatus s : fs.listStatus(dir)) {
      String name = s.getPath().getName();
      if (!name.startsWith(".") && !name.equals("_SUCCESS")) {
        out.add(s);
      }
    }
    out.sort(Comparator.comparing(s -> s.getPath().getName()));
    return out;
  }

  /** Visible entries, and the hidden partial publish records ({@code .<run>.<table>.writing}) a stop can leave. */
  private static List<FileStatus> visibleAndPartial(FileSystem fs, Path dir) throws IOException {
    List<FileStatus> out = new ArrayList<>();
    for (FileStatus s : fs.listStatus(dir)) {
      String name = s.getPath().getName();
      if (!name.startsWith(".") || name.endsWith(".writing")) {
        out.add(s);
      }
    }
    out.sort(Comparator.comparing(s -> s.getPath().getName()));
    return out;
  }
}
