package io.listeningpost.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Hadoop's local file system (checksums included), setting permissions with a system call. Without
 * Hadoop's native library, which no Maven artifact carries, Hadoop forks a {@code chmod} process for
 * every file and folder it creates: 6,797 of them when one ingest wrote 1,124 day partitions of posts
 * and interactions (docs/benchmarks.md, "Local files without forked processes").
 */
public final class NioLocalFileSystem extends LocalFileSystem {
  /** The Hadoop resource that names this class for {@code file:} paths ({@code fs.file.impl}). */
  private static final String RESOURCE = "listening-post-hadoop.xml";

  public NioLocalFileSystem() {
    super(new Raw());
  }

  /**
   * Makes every Hadoop {@link Configuration} of this JVM, Spark's included, open local paths with this
   * class. Called before the first local file system is made: Hadoop caches one per scheme and user,
   * whatever the configuration that made it.
   */
  public static void useForLocalFiles() {
    Configuration.addDefaultResource(RESOURCE);
  }

  /** The raw local file system with {@link #setPermission} through {@code java.nio}. */
  static final class Raw extends RawLocalFileSystem {
    @Override
    public void setPermission(Path p, FsPermission permission) throws IOException {
      String bits = permission.toString();
      // java.nio sets the nine rwx bits only; anything more (a sticky bit) goes Hadoop's own way.
      if (bits.length() != 9 || permission.getStickyBit()) {
        super.setPermission(p, permission);
        return;
      }
      Files.setPosixFilePermissions(pathToFile(p).toPath(), PosixFilePermissions.fromString(bits));
    }
  }
}
