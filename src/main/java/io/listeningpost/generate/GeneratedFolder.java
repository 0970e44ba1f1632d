package io.listeningpost.generate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The output folder of {@code generate}. It is emptied before each run, so the generator marks the
 * folders it writes and refuses to empty any other one unless forced: a mistyped {@code --out} must not
 * delete someone's data.
 */
final class GeneratedFolder {
  static final String MARKER = ".listening-post-generated";

  private GeneratedFolder() { }

  /** Empties {@code out} (or creates it) and marks it as written by the generator. */
  static void replace(Path out, boolean force) throws IOException {
    if (Files.exists(out)) {
      if (!force && !isEmptyFolder(out) && !Files.isRegularFile(out.resolve(MARKER))) {
        throw new FolderNotGeneratedException(out);
      }
      try (Stream<Path> walk = Files.walk(out)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    Files.createDirectories(out);
    Files.writeString(out.resolve(MARKER),
        "Written by `listening-post generate`, which replaces this folder when run on it again.\n");
  }

  private static boolean isEmptyFolder(Path p) throws IOException {
    if (!Files.isDirectory(p)) {
      return false;
    }
    try (Stream<Path> entries = Files.list(p)) {
      return entries.findAny().isEmpty();
    }
  }
}
