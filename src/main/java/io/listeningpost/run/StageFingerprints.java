package io.listeningpost.run;

import io.listeningpost.core.CodeVersion;
import io.listeningpost.core.config.ListeningPostConfig;
import io.listeningpost.storage.FileListing;
import io.listeningpost.storage.FileListing.Partitions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;

/**
 * What a stage's inputs and outputs are, told by file listings (Spark-free).
 *
 * <p>Inputs: the code version; the settings the stage uses; for a stage that works by run date, the date
 * and its input tables' partitions up to that date, else the whole input tables; and the files it reads
 * outside the warehouse (ingest's sources: each file's path, size and modification time). Outputs: the
 * tables it writes (the run date's partitions for a stage that works by run date) and its files outside
 * the warehouse (the report's pages).
 */
final class StageFingerprints implements Fingerprints {
  private final ListeningPostConfig config;
  private final FileListing listing;
  private final String code;

  StageFingerprints(ListeningPostConfig config, Configuration hadoop, String code) {
    this.config = config;
    this.listing = new FileListing(hadoop, config.warehouse());
    this.code = code;
  }

  @Override
  public String inputs(PlannedStage stage, LocalDate day) {
    List<String> lines = new ArrayList<>();
    lines.add("code " + code);
    lines.add("settings " + stage.settings(config));
    boolean byDate = stage.tables().byRunDate();
    if (byDate) {
      lines.add("date " + day);
    }
    for (String table : stage.tables().inputs()) {
      lines.add("table " + table);
      lines.addAll(listing.table(table, byDate ? Partitions.UP_TO : Partitions.ALL, day));
    }
    for (String path : stage.reads(config)) {
      lines.add("read " + path);
      lines.addAll(listing.files(new org.apache.hadoop.fs.Path(path)));
    }
    return FileListing.digest(lines);
  }

  @Override
  public String outputs(PlannedStage stage, LocalDate day) {
    List<String> lines = new ArrayList<>();
    boolean byDate = stage.tables().byRunDate();
    for (String table : stage.tables().writes()) {
      lines.add("table " + table);
      lines.addAll(listing.table(table, byDate ? Partitions.ONLY : Partitions.ALL, day));
    }
    for (Path file : stage.files(config, day)) {
      lines.add("file " + file);
      lines.addAll(listing.files(new org.apache.hadoop.fs.Path(file.toAbsolutePath().toUri())));
    }
    return FileListing.digest(lines);
  }

  /**
   * The version of the running code: the build's version and commit; for a build with local edits
   * ({@code -dirty}), whose version does not change with them, also the size and time of the jar it runs from.
   */
  static String codeIdentity() {
    String version = CodeVersion.current();
    if (!version.endsWith("-dirty")) {
      return version;
    }
    try {
      Path jar = Path.of(StageFingerprints.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return Files.isRegularFile(jar) ? version + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar) : version;
    } catch (Exception e) {
      return version;
    }
  }
}
