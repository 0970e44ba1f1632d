package io.listeningpost.storage;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * What is published, told by file listings: each file's path, size and modification time, digested.
 * A publish writes new files (their names carry the writing job's id), so any change to a table or
 * partition changes its digest, and reading it changes nothing. Spark-free.
 */
public final class FileListing {
  /** Which {@code dt} partitions of a partitioned table count. */
  public enum Partitions {
    ALL, UP_TO, ONLY
  }

  private final Configuration conf;
  private final String warehouse;

  public FileListing(Configuration conf, String warehouse) {
    this.conf = conf;
    this.warehouse = warehouse;
  }

  /**
   * The listing of {@code table}: of its partitions up to or only of {@code day} when the table is
   * partitioned and {@code which} says so, else of the whole table. Files whose names start with
   * {@code .} or {@code _} (checksums, success markers) are left out; they only repeat the data files.
   */
  public List<String> table(String table, Partitions which, LocalDate day) {
    Path root = new Path(warehouse, table);
    boolean partitioned = Tables.isPartitioned(table);
    List<String> lines = new ArrayList<>();
    for (String line : files(root)) {
      if (partitioned && which != Partitions.ALL) {
        LocalDate dt = partitionOf(line);
        if (dt != null && (which == Partitions.ONLY ? !dt.equals(day) : dt.isAfter(day))) {
          continue;
        }
      }
      lines.add(table + "/" + line);
    }
    return lines;
  }

  /** Every visible file under {@code path} (a file or a folder), relative to it, with size and time; sorted. */
  public List<String> files(Path path) {
    try {
      FileSystem fs = path.getFileSystem(conf);
      if (fs instanceof LocalFileSystem || fs instanceof RawLocalFileSystem) {
        // Hadoop's local listing asks a shell for each file's permissions: seconds for a few thousand files.
        return localFiles(java.nio.file.Path.of(fs.makeQualified(path).toUri()));
      }
      FileStatus top;
      try {
        top = fs.getFileStatus(path);
      } catch (FileNotFoundException e) {
        return List.of("(absent)");
      }
      List<String> lines = new ArrayList<>();
      if (top.isFile()) {
        lines.add(line(path.getName(), top));
        return lines;
      }
      String prefix = fs.makeQualified(path).toUri().getPath();
      RemoteIterator<LocatedFileStatus> it = fs.listFiles(path, true);
      while (it.hasNext()) {
        LocatedFileStatus f = it.next();
        String relative = f.getPath().toUri().getPath().substring(prefix.length()).replaceFirst("^/", "");
        if (!hidden(relative)) {
          lines.add(line(relative, f));
        }
      }
      lines.sort(String::compareTo);
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + path + ": " + e.getMessage(), e);
    }
  }

  private static List<String> localFiles(java.nio.file.Path root) throws IOException {
    if (!Files.exists(root)) {
      return List.of("(absent)");
    }
    if (Files.isRegularFile(root)) {
      BasicFileAttributes a = Files.readAttributes(root, BasicFileAttributes.class);
      return List.of(line(root.getFileName().toString(), a));
    }
    List<String> lines = new ArrayList<>();
    try (Stream<java.nio.file.Path> all = Files.walk(root)) {
      for (java.nio.file.Path p : (Iterable<java.nio.file.Path>) all::iterator) {
        String relative = root.relativize(p).toString().replace(java.io.File.separatorChar, '/');
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
        if (a.isRegularFile() && !hidden(relative)) {
          lines.add(line(relative, a));
        }
      }
    }
    lines.sort(String::compareTo);
    return lines;
  }

  /** A short digest of lines, in their order. */
  public static String digest(List<String> lines) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      for (String l : lines) {
        d.update(l.getBytes(StandardCharsets.UTF_8));
        d.update((byte) '\n');
      }
      return HexFormat.of().formatHex(d.digest(), 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String line(String name, FileStatus f) {
    return name + "\t" + f.getLen() + "\t" + f.getModificationTime();
  }

  private static String line(String name, BasicFileAttributes a) {
    return name + "\t" + a.size() + "\t" + a.lastModifiedTime().toMillis();
  }

  private static boolean hidden(String relative) {
    for (String part : relative.split("/")) {
      if (part.startsWith(".") || part.startsWith("_")) {
        return true;
      }
    }
    return false;
  }

  private static LocalDate partitionOf(String relative) {
    if (!relative.startsWith("dt=")) {
      return null;
    }
    int slash = relative.indexOf('/');
    try {
      return LocalDate.parse(relative.substring(3, slash < 0 ? relative.length() : slash));
    } catch (RuntimeException e) {
      return null;
    }
  }
}
