package io.listeningpost.ingest;

import io.listeningpost.core.QuarantineRecord;
import io.listeningpost.core.config.IngestLimits;
import io.listeningpost.core.config.SourceSpec;
import io.listeningpost.ingest.adapters.Adapters;
import io.listeningpost.ingest.read.InputOpener;
import io.listeningpost.ingest.read.SourceSplit;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.util.SerializableConfiguration;

/**
 * Finds the input files of the configured sources, on any Hadoop file system, and cuts them into
 * splits. Empty and unreadable files are reported by name; with fail-fast they stop the run.
 */
public final class SourceFiles {
  private final Configuration conf;
  private final IngestLimits limits;

  public SourceFiles(Configuration conf, IngestLimits limits) {
    this.conf = conf;
    this.limits = limits;
  }

  /** The splits to read, and a quarantine row for every file that cannot be read at all. */
  public record Discovery(List<SourceSplit> splits, List<QuarantineRecord> fileProblems, long bytes) {}

  public Discovery discover(List<SourceSpec> sources) throws IOException {
    List<SourceSplit> splits = new ArrayList<>();
    List<QuarantineRecord> problems = new ArrayList<>();
    long bytes = 0;
    for (SourceSpec spec : sources) {
      Path root = new Path(spec.path());
      FileSystem fs = root.getFileSystem(conf);
      List<FileStatus> files = new ArrayList<>();
      FileStatus top = fs.getFileStatus(root);
      if (top.isFile()) {
        files.add(top);
      } else if (local(fs)) {
        listVisible(fs, root, files);
      } else {
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
        while (it.hasNext()) {
          LocatedFileStatus f = it.next();
          if (!hidden(root, f.getPath())) {
            files.add(f);
          }
        }
      }
      files.sort(Comparator.comparing(f -> f.getPath().toString()));
      if (files.isEmpty()) {
        problem(problems, spec, spec.path(), "no input files in " + spec.path());
      }
      for (FileStatus f : files) {
        String path = display(f.getPath());
        if (f.getLen() == 0) {
          problem(problems, spec, path, "empty file");
          continue;
        }
        String unreadable = unreadable(fs, f.getPath());
        if (unreadable != null) {
          problem(problems, spec, path, unreadable);
          continue;
        }
        bytes += f.getLen();
        splits.addAll(split(spec, path, f.getLen()));
      }
    }
    return new Discovery(splits, problems, bytes);
  }

  /**
   * Why a local file cannot be read, or null. Hadoop's own check forks a shell per file on a local
   * disk to read its permissions (20 s for the 3,515 files of one Reddit history); the operating
   * system answers the same question in a system call. On other file systems it would cost a request
   * per file, so there the executor that opens the file quarantines it, or stops the run with fail-fast.
   */
  private static String unreadable(FileSystem fs, Path file) {
    if (!local(fs)) {
      return null;
    }
    java.nio.file.Path local = java.nio.file.Path.of(file.toUri().getPath());
    return Files.isReadable(local) ? null : "unreadable: permission denied";
  }

  private void problem(List<QuarantineRecord> problems, SourceSpec spec, String path, String reason) {
    if (limits.failFast()) {
      throw new InputFileException(path + ": " + reason + " (ingest.fail-fast is on)");
    }
    problems.add(new QuarantineRecord(path, spec.format().configName(), "_files", "file", null, reason));
  }

  private List<SourceSplit> split(SourceSpec spec, String path, long length) throws IOException {
    if (length <= limits.splitBytes() || path.endsWith(".gz")) {
      return List.of(new SourceSplit(spec, path, 0, length, length));
    }
    byte[] head;
    try (InputStream in = opener(conf).open(path, 0)) {
      head = in.readNBytes(64 * 1024);
    }
    String name = path.substring(path.lastIndexOf('/') + 1);
    if (Adapters.forFormat(spec.format()).layout(name, new String(head, StandardCharsets.UTF_8)).mode()
        != SourceAdapter.Mode.LINES) {
      return List.of(new SourceSplit(spec, path, 0, length, length));
    }
    List<SourceSplit> out = new ArrayList<>();
    for (long start = 0; start < length; start += limits.splitBytes()) {
      out.add(new SourceSplit(spec, path, start, Math.min(length, start + limits.splitBytes()), length));
    }
    return out;
  }

  private static boolean local(FileSystem fs) {
    return "file".equals(fs.getUri().getScheme());
  }

  /** Whether a name between the source's root and the file starts with a dot or an underscore. */
  private static boolean hidden(Path root, Path file) {
    for (Path p = file; p != null && !p.equals(root); p = p.getParent()) {
      if (hiddenName(p.getName())) {
        return true;
      }
    }
    return false;
  }

  private static boolean hiddenName(String name) {
    return name.startsWith(".") || name.startsWith("_");
  }

  /**
   * The files under a local {@code folder}, at any depth, leaving out names that start with a dot or an
   * underscore (and whatever lies below them), folder by folder: Hadoop's {@code listFiles} asks a local
   * disk for every file's permissions through a forked shell. Object stores list a whole tree in one
   * request, so there {@code listFiles} stays.
   */
  private static void listVisible(FileSystem fs, Path folder, List<FileStatus> out) throws IOException {
    for (FileStatus f : fs.listStatus(folder)) {
      if (hiddenName(f.getPath().getName())) {
        continue;
      }
      if (f.isDirectory()) {
        listVisible(fs, f.getPath(), out);
      } else {
        out.add(f);
      }
    }
  }

  private static String display(Path p) {
    String s = p.toString();
    return s.startsWith("file:") ? p.toUri().getPath() : s;
  }

  /**
   * Opens files through Hadoop's file system on the executors; gzip files are decompressed. The opener
   * carries the driver's Hadoop configuration: on a cluster, an executor's own holds only its node's
   * site files, not the job's {@code spark.hadoop.*} settings (an object store's credentials, say).
   */
  public static InputOpener opener(Configuration hadoopConf) {
    SerializableConfiguration conf = new SerializableConfiguration(hadoopConf);
    return (path, offset) -> {
      Path p = new Path(path);
      FileSystem fs = p.getFileSystem(conf.value());
      FSDataInputStream in = fs.open(p, 1 << 16);
      if (path.endsWith(".gz")) {
        return new GZIPInputStream(in, 1 << 16);
      }
      if (offset > 0) {
        in.seek(offset);
      }
      return in;
    };
  }

  /** An input file problem that stops the run because fail-fast is on. */
  public static final class InputFileException extends RuntimeException {
    public InputFileException(String message) {
      super(message);
    }
  }
}
