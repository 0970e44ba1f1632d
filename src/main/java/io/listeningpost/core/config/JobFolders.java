package io.listeningpost.core.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The warehouse and reports folders of a job file, read without the rest of it: commands that only
 * look at what runs left behind (status) work with a job file whose sources are missing or moved.
 * The keys, defaults, checks and path resolution are those of {@link ListeningPostConfig}.
 */
public record JobFolders(String warehouse, String reports) {

  /**
   * The folders of {@code file}, each replaced by its non-null override; the file is not read when both
   * overrides are given.
   *
   * @throws ConfigException when the file is needed and missing or unparsable, or a folder key is wrong
   */
  public static JobFolders read(Path file, String warehouseOverride, String reportsOverride) {
    if (warehouseOverride != null && reportsOverride != null) {
      return new JobFolders(warehouseOverride, reportsOverride);
    }
    if (!Files.isRegularFile(file)) {
      throw new ConfigException("--config", List.of("--config = " + file + ": no such file"));
    }
    Config config;
    try {
      config = ConfigFactory.parseFile(file.toFile()).resolve();
    } catch (com.typesafe.config.ConfigException e) {
      throw new ConfigException(file.toString(), List.of("cannot parse: " + e.getMessage()));
    }
    Path base = file.toAbsolutePath().getParent();
    List<String> problems = new ArrayList<>();
    String warehouse = ConfigValues.resolvePath(base, ConfigKeys.WAREHOUSE.read(config, "", problems),
        config.hasPath(ConfigKeys.WAREHOUSE.path()));
    String reports = ConfigValues.resolvePath(base, ConfigKeys.REPORTS.read(config, "", problems),
        config.hasPath(ConfigKeys.REPORTS.path()));
    if (!problems.isEmpty()) {
      throw new ConfigException(file.toString(), problems);
    }
    return new JobFolders(warehouseOverride != null ? warehouseOverride : warehouse,
        reportsOverride != null ? reportsOverride : reports);
  }
}
