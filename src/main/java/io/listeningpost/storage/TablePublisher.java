package io.listeningpost.storage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Publishes what a run staged into the warehouse so that an interrupted publish can always be
 * completed. A run first writes a table's new folders (whole table, or some {@code dt} partitions)
 * under {@code _staging/<run>/}; publishing then
 * <ol>
 *   <li>writes a commit record under {@code _commits/} naming every folder to replace (the record
 *       appears by rename, so it is complete or absent),</li>
 *   <li>for each folder, moves the published one aside into the run's backup folder and moves the
 *       staged one in (a partition dropped has nothing staged: it is only moved aside),</li>
 *   <li>deletes the backups, the staging folder and, last, the record.</li>
 * </ol>
 * Tables that only grow ({@code nlp_cache}, {@code _runs}) are staged the same way and then get each
 * staged file renamed in ({@link #appendStaged}), with no record: a file is whole or absent.
 *
 * <p>{@link #recover()} finds records left by a run that stopped: it rolls each one forward, since every
 * new folder is complete once its record exists, and it deletes staging folders that have no record,
 * whose publish never began. Each step checks what is on disk, so a recovery that is itself
 * interrupted is simply run again.
 *
 * <p>The guarantee rests on atomic renames of files and folders: true on local disks and HDFS. Object
 * stores (S3, GCS, ABFS without hierarchical namespace) copy on rename; there, use the store's own
 * committers (Hadoop's S3A committers, or a hierarchical-namespace account) for the staging writes,
 * and keep the warehouse on a file system with atomic rename.
 */
public final class TablePublisher {
  static final String COMMITS = "_commits";
  static final String STAGING = "_staging";
  private static final String RECORD_HEADER = "listening-post publish v1";

  /** Called between the steps of a publish; tests use it to stop a publish at each step. */
  @FunctionalInterface
  public interface StepHook {
    StepHook NONE = step -> {};

    void reached(String step) throws IOException;
  }

  private final FileSystem fs;
  private final Path root;
  private final String runId;
  private final StepHook hook;

  public TablePublisher(Configuration conf, String root, String runId, StepHook hook) {
    try {
      this.root = new Path(root);
      this.fs = this.root.getFileSystem(conf);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.runId = runId;
    this.hook = hook;
  }

  /** Where this run stages the new folders of {@code table} before publishing them. */
  public Path stagingOf(String table) {
    return new Path(new Path(new Path(root, STAGING), runId), table);
  }

  /**
   * Publishes the staged {@code dt=…} partitions of {@code table}, replacing the same partitions in
   * the table and keeping every other partition as it is.
   *
   * @return the partition folder names published, e.g. {@code dt=2026-11-20}
   */
  public List<String> publishPartitions(String table) throws IOException {
    return publishPartitions(table, List.of());
  }

  /**
   * Publishes the staged {@code dt=…} partitions of {@code table} and, in the same commit, drops the
   * partitions named in {@code dropped} that nothing was staged for (a partition that is both staged and
   * dropped is replaced). Readers see the table before or after the whole change.
   *
   * @param dropped partition folder names, e.g. {@code dt=2026-11-20}
   * @return the partition folder names published, e.g. {@code dt=2026-11-20}
   */
  public List<String> publishPartitions(String table, List<String> dropped) throws IOException {
    Path staged = stagingOf(table);
    List<String> partitions = new ArrayList<>();
    if (fs.exists(staged)) {
      for (FileStatus s : fs.listStatus(staged)) {
        if (s.isDirectory() && s.getPath().getName().startsWith("dt=")) {
          partitions.add(s.getPath().getName());
        }
      }
    }
    partitions.sort(Comparator.naturalOrder());
    List<Move> moves = new ArrayList<>();
    Path target = new Path(root, table);
    for (String p : partitions) {
      moves.add(new Move(new Path(target, p), new Path(staged, p), new Path(backupOf(table), p)));
    }
    for (String p : new java.util.TreeSet<>(dropped)) {
      if (!partitions.contains(p) && fs.exists(new Path(target, p))) {
        moves.add(new Move(new Path(target, p), null, new Path(backupOf(table), p)));
      }
    }
    commit(table, moves);
    return partitions;
  }

  /** Publishes the staged whole {@code table} in place of the published one. */
  public void publishTable(String table) throws IOException {
    commit(table, List.of(new Move(new Path(root, table), stagingOf(table), backupOf(table))));
  }

  /**
   * Adds the staged files of the unpartitioned {@code table} to it, each by its own rename, keeping the
   * files already there: for tables that only grow ({@code nlp_cache}, {@code _runs}). Every file appears
   * whole or not at all, so a run stopped here has added some of its files; the rest go with its staging.
   * Spark writing straight into the table would instead leave its unfinished job under
   * {@code <table>/_temporary}, where the next append to the table commits it as its own.
   *
   * @return the number of files added
   */
  public int appendStaged(String table) throws IOException {
    Path staged = stagingOf(table);
    Path target = new Path(root, table);
    List<Path> files = new ArrayList<>();
    if (fs.exists(staged)) {
      for (FileStatus s : fs.listStatus(staged)) {
        String name = s.getPath().getName();
        if (name.startsWith("_") || name.startsWith(".")) {
          continue;
        }
        if (s.isDirectory()) {
          throw new IOException("cannot append the folder " + s.getPath() + " to " + table
              + ": appends take an unpartitioned table's files");
        }
        files.add(s.getPath());
      }
    }
    files.sort(Comparator.naturalOrder());
    fs.mkdirs(target);
    for (Path f : files) {
      rename(f, new Path(target, f.getName()));
      reached(table, "appended " + f.getName());
    }
    fs.delete(staged, true);
    // A run records itself after its staging is cleaned up; that append leaves no empty run folder.
    Path runStaging = staged.getParent();
    if (fs.exists(runStaging) && fs.listStatus(runStaging).length == 0) {
      fs.delete(runStaging, false);
    }
    return files.size();
  }

  /** The test hook gets the step; a kill-safety test's pause (see {@link CrashTestPause}) gets it with its table. */
  private void reached(String table, String step) throws IOException {
    CrashTestPause.reached(table + " " + step);
    hook.reached(step);
  }

  private Path backupOf(String table) {
    return new Path(new Path(new Path(new Path(root, STAGING), runId), "_backup"), table);
  }

  private void commit(String table, List<Move> moves) throws IOException {
    reached(table, "staged " + table);
    Path record = new Path(new Path(root, COMMITS), runId + "." + table);
    Path partial = new Path(new Path(root, COMMITS), "." + runId + "." + table + ".writing");
    fs.mkdirs(record.getParent());
    try (OutputStream out = fs.create(partial, true)) {
      StringBuilder sb = new StringBuilder(RECORD_HEADER).append('\n');
      for (Move m : moves) {
        sb.append(m.target).append('\t').append(m.staged == null ? "" : m.staged).append('\t').append(m.backup)
            .append('\n');
      }
      out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
    }
    if (!fs.rename(partial, record)) {
      throw new IOException("cannot write the commit record " + record);
    }
    reached(table, "recorded " + table);
    rollForward(table, record, moves);
  }

  private void rollForward(String table, Path record, List<Move> moves) throws IOException {
    for (Move m : moves) {
      if (m.staged == null) {
        // A drop: once moved aside, the partition is gone; a recovery finds it already aside.
        if (fs.exists(m.target)) {
          fs.mkdirs(m.backup.getParent());
          rename(m.target, m.backup);
          reached(table, "dropped " + m.target.getName());
        }
      } else if (fs.exists(m.staged)) {
        if (fs.exists(m.target)) {
          fs.mkdirs(m.backup.getParent());
          rename(m.target, m.backup);
          reached(table, "moved aside " + m.target.getName());
        }
        fs.mkdirs(m.target.getParent());
        rename(m.staged, m.target);
        reached(table, "moved in " + m.target.getName());
      }
    }
    for (Move m : moves) {
      fs.delete(m.backup, true);
    }
    reached(table, "backups deleted");
    fs.delete(record, false);
  }

  /**
   * Completes every publish that a stopped run left half done and removes staging that was never
   * published. Returns one line per action, for the run summary.
   */
  public List<String> recover() throws IOException {
    List<String> actions = new ArrayList<>();
    Path commits = new Path(root, COMMITS);
    if (fs.exists(commits)) {
      FileStatus[] records = fs.listStatus(commits);
      Arrays.sort(records, Comparator.comparing(s -> s.getPath().getName()));
      for (FileStatus s : records) {
        if (s.getPath().getName().startsWith(".")) {
          fs.delete(s.getPath(), false);
          continue;
        }
        String name = s.getPath().getName();
        rollForward(name.substring(name.indexOf('.') + 1), s.getPath(), readRecord(s.getPath()));
        actions.add("completed the interrupted publish " + s.getPath().getName());
      }
    }
    Path staging = new Path(root, STAGING);
    if (fs.exists(staging)) {
      for (FileStatus s : fs.listStatus(staging)) {
        if (!s.getPath().getName().equals(runId)) {
          fs.delete(s.getPath(), true);
          actions.add("removed unpublished staging of run " + s.getPath().getName());
        }
      }
    }
    return actions;
  }

  /**
   * The publishes under way or left half done by a stopped run, as {@code <run>.<table>}: until one is
   * completed, a folder it names can be missing or, for a partitioned table, some of its partitions
   * can be new and others old.
   */
  public List<String> pending() throws IOException {
    List<String> names = new ArrayList<>();
    Path commits = new Path(root, COMMITS);
    if (fs.exists(commits)) {
      for (FileStatus s : fs.listStatus(commits)) {
        if (!s.getPath().getName().startsWith(".")) {
          names.add(s.getPath().getName());
        }
      }
    }
    names.sort(Comparator.naturalOrder());
    return names;
  }

  /** Removes this run's staging folder once every table is published. */
  public void cleanUp() throws IOException {
    fs.delete(new Path(new Path(root, STAGING), runId), true);
  }

  private List<Move> readRecord(Path record) throws IOException {
    List<Move> moves = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(fs.open(record), StandardCharsets.UTF_8))) {
      String header = in.readLine();
      if (!RECORD_HEADER.equals(header)) {
        throw new IOException("not a publish record: " + record);
      }
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] f = line.split("\t", -1);
        if (f.length != 3) {
          throw new IOException("damaged publish record " + record + ": " + line);
        }
        moves.add(new Move(new Path(f[0]), f[1].isEmpty() ? null : new Path(f[1]), new Path(f[2])));
      }
    }
    return moves;
  }

  private void rename(Path from, Path to) throws IOException {
    if (!fs.rename(from, to)) {
      throw new IOException("cannot move " + from + " to " + to);
    }
  }

  /** One folder to replace; {@code staged} is null for a partition dropped. */
  private record Move(Path target, Path staged, Path backup) {}
}
