package io.listeningpost.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Text files that a run writes beside the warehouse (the report, its summary, the kept run summary),
 * written so that a reader, or a run killed at any moment, finds the previous file or the new one whole,
 * never a truncated one: the text goes to a hidden temporary file in the same folder, is forced to disk,
 * then moved over the target in one atomic rename.
 */
public final class AtomicFiles {
  private static final String HOST = hostName();

  private AtomicFiles() {}

  /** Writes {@code content} to {@code target}, readable by all like the tables; returns {@code target}. */
  public static Path write(Path target, String content) {
    Path dir = target.toAbsolutePath().getParent();
    String name = target.getFileName().toString();
    Path tmp = null;
    try {
      Files.createDirectories(dir);
      removeLeftovers(dir, name);
      tmp = dir.resolve("." + name + "." + HOST + "." + ProcessHandle.current().pid() + "."
          + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
      try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
          out.write(bytes);
        }
        // On disk before the rename, so that a machine going down cannot leave the new name on an empty file.
        out.force(true);
      }
      if (Files.getFileAttributeView(tmp, PosixFileAttributeView.class) != null) {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
      }
      CrashTestPause.reached(name + " written, not yet renamed");
      try {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        // A file system without atomic rename: the new file still replaces the old one only once it is whole.
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      return target;
    } catch (IOException e) {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw new UncheckedIOException("could not write " + target, e);
    }
  }

  /**
   * Deletes the temporary files of {@code name} that a process of this host left when it was killed:
   * those whose process is gone. Files of a live process, or of another host, are its own.
   */
  private static void removeLeftovers(Path dir, String name) throws IOException {
    String prefix = "." + name + "." + HOST + ".";
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "." + name + ".*.tmp")) {
      for (Path f : files) {
        String n = f.getFileName().toString();
        if (!n.startsWith(prefix)) {
          continue;
        }
        String[] pidAndNonce = n.substring(prefix.length(), n.length() - ".tmp".length()).split("\\.");
        if (pidAndNonce.length != 2) {
          continue;
        }
        try {
          if (ProcessHandle.of(Long.parseLong(pidAndNonce[0])).isEmpty()) {
            Files.deleteIfExists(f);
          }
        } catch (NumberFormatException notOurs) {
          // Not a name this class gives: leave it.
        }
      }
    }
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName().replace('.', '_');
    } catch (IOException e) {
      return "localhost";
    }
  }
}
