package io.listeningpost.run;

import io.listeningpost.report.ReportStep;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/** What the runs left in the reports folder: {@code <date>/report.html} per run date and {@code runs/<run id>.txt}. */
record ReportsFolder(String root) {

  /** The report of the latest run date that has one. */
  Optional<Path> latestReport() {
    Path dir = Path.of(root);
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    try (Stream<Path> dates = Files.list(dir)) {
      return dates.filter(p -> isDate(p.getFileName().toString()))
          .map(p -> p.resolve(ReportStep.PAGE))
          .filter(Files::isRegularFile)
          .max(Comparator.comparing(p -> LocalDate.parse(p.getParent().getFileName().toString())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The summary the run printed and kept, when it is there. */
  Optional<Path> runSummary(String runId) {
    Path file = Path.of(root, "runs", runId + ".txt");
    return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
  }

  private static boolean isDate(String name) {
    try {
      LocalDate.parse(name);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
