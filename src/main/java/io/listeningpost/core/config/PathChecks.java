package io.listeningpost.core.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Checks, before Spark starts, that the warehouse and reports folders can be what a run makes of them.
 * The warehouse must be a new or empty folder or hold a warehouse (a table folder, or one of the
 * warehouse's own {@code _}-prefixed folders such as {@code _runs}), so that a mistyped path does not
 * fill someone's home folder with tables; both folders must be writable, or creatable where they are
 * missing. Only local paths are checked: on hdfs:, s3a: and other file systems the run finds out itself.
 */
public final class PathChecks {
  private static final int ENTRIES_SHOWN = 5;

  private PathChecks() {}

  /**
   * Every problem with the config's warehouse and reports folders.
   *
   * @param tableNames the names of the warehouse's table folders
   */
  public static List<String> problems(ListeningPostConfig config, Collection<String> tableNames) {
    List<String> problems = new ArrayList<>();
    LocalPaths.of(config.warehouse()).ifPresent(p -> warehouse(p, config.warehouse(), tableNames, problems));
    Optional<Path> reports = LocalPaths.of(config.reports());
    if (reports.isEmpty()) {
      problems.add("reports = \"" + config.reports() + "\": must be a local folder (reports and run summaries are "
          + "written to the local disk)");
    } else {
      writableFolder(reports.get(), "reports = \"" + config.reports() + "\"", problems);
    }
    return problems;
  }

  private static void warehouse(Path dir, String shown, Collection<String> tableNames, List<String> problems) {
    String key = "warehouse = \"" + shown + "\"";
    if (Files.isDirectory(dir)) {
      List<String> entries;
      try (Stream<Path> list = Files.list(dir)) {
        // Hidden entries last: the visible ones are what a user recognises a folder by.
        entries = list.map(p -> p.getFileName().toString())
            .sorted(Comparator.comparing((String e) -> e.startsWith(".")).thenComparing(Comparator.naturalOrder()))
            .toList();
      } catch (IOException e) {
        problems.add(key + ": cannot be listed: " + e.getClass().getSimpleName() + " " + e.getMessage());
        return;
      }
      boolean warehouse = entries.stream().anyMatch(e -> tableNames.contains(e) || e.startsWith("_"));
      if (!entries.isEmpty() && !warehouse) {
        String shownEntries = String.join(", ", entries.subList(0, Math.min(ENTRIES_SHOWN, entries.size())))
            + (entries.size() > ENTRIES_SHOWN ? " and " + (entries.size() - ENTRIES_SHOWN) + " more" : "");
        problems.add(key + ": is not a warehouse: it holds " + shownEntries + ", and none of the warehouse's tables "
            + "(posts, authors, _runs, …); name a new or empty folder, or an existing warehouse");
        return;
      }
    }
    writableFolder(dir, key, problems);
  }

  /** An existing folder must be writable; a missing one must be creatable in its nearest existing parent. */
  private static void writableFolder(Path dir, String key, List<String> problems) {
    Path absolute = dir.toAbsolutePath().normalize();
    Path existing = absolute;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      problems.add(key + ": cannot be created: no part of the path exists");
    } else if (!Files.isDirectory(existing)) {
      problems.add(key + (existing.equals(absolute) ? ": is a file, not a folder"
          : ": cannot be created: " + existing + " is a file"));
    } else if (!canWriteIn(existing)) {
      problems.add(key + (existing.equals(absolute) ? ": is not writable"
          : ": cannot be created: " + existing + " is not writable"));
    }
  }

  /** Writes and deletes a file in {@code dir}: the permission bits do not tell for root or a read-only mount. */
  private static boolean canWriteIn(Path dir) {
    try {
      Path probe = Files.createTempFile(dir, ".listening-post-", ".probe");
      Files.delete(probe);
      return true;
    } catch (IOException | SecurityException e) {
      return false;
    }
  }
}
