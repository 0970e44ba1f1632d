package io.listeningpost.privacy;

import io.listeningpost.report.ReportStep;
import io.listeningpost.stage.StageContext;
import io.listeningpost.stage.StageResult;
import io.listeningpost.storage.AtomicFiles;
import io.listeningpost.storage.Tables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Takes an erased author out of the reports folder. A date's report is rendered again from the cleaned
 * tables (by the report stage, which also rewrites that date's strategy answers) when it showed the author or
 * could have: its files name them, a table partition of that date lost or changed rows, or its window held
 * one of the posts that went. A date whose tables are gone (dropped by retention) has its report deleted
 * instead. Run summaries ({@code runs/*.txt}) are kept, with the author's names and ids written
 * {@value ErasureSubject#REDACTED}.
 */
final class ReportCleaner {
  private static final List<String> PAGES = List.of(ReportStep.PAGE, ReportStep.SUMMARY);
  private static final List<String> POST_DATED = List.of(Tables.POSTS, Tables.INTERACTIONS, Tables.POST_NLP);

  private final StageContext ctx;
  private final ErasureSubject subject;

  ReportCleaner(StageContext ctx, ErasureSubject subject) {
    this.ctx = ctx;
    this.subject = subject;
  }

  /**
   * @param touched per table, the partitions the erasure rewrote
   * @param showing dates whose report is known to show the author otherwise (see {@link ErasedTraces})
   * @return notes for the run summary, naming dates and counts only
   */
  List<String> clean(Map<String, List<Date>> touched, Set<LocalDate> showing) {
    Path reports = Path.of(ctx.config().reports());
    int window = Math.max(ctx.config().audiences().windowDays(), ctx.config().graph().windowDays());
    Set<LocalDate> postDays = new TreeSet<>();
    Set<LocalDate> runDays = new TreeSet<>();
    touched.forEach((table, days) -> days.forEach(d -> {
      if (POST_DATED.contains(table)) {
        postDays.add(d.toLocalDate());
      } else if (ForgetStep.RUN_DATE_TABLES.contains(table)) {
        runDays.add(d.toLocalDate());
      }
    }));
    List<LocalDate> rendered = new ArrayList<>();
    List<LocalDate> deleted = new ArrayList<>();
    List<LocalDate> redacted = new ArrayList<>();
    for (LocalDate date : reportDates(reports)) {
      Path folder = reports.resolve(date.toString());
      boolean inWindow = postDays.stream().anyMatch(d -> !d.isAfter(date) && d.isAfter(date.minusDays(window)));
      if (!runDays.contains(date) && !inWindow && !showing.contains(date) && !names(folder)) {
        continue;
      }
      if (hasTables(date)) {
        StageResult r = new ReportStep(StageContext.of(ctx.spark(), ctx.config(), ctx.runId(), date)).run();
        r.tables().stream().filter(c -> !c.reconciles()).findFirst().ifPresent(c -> {
          throw new IllegalStateException("the report of " + date + " rendered again: " + c.mismatch());
        });
        rendered.add(date);
        // A name the tables still hold in some text the cleaning does not reach is written out of the files.
        if (redactFiles(folder)) {
          redacted.add(date);
        }
      } else {
        deletePages(folder);
        deleted.add(date);
      }
    }
    long summaries = redactRunSummaries(reports.resolve("runs"));
    List<String> notes = new ArrayList<>();
    if (!rendered.isEmpty()) {
      notes.add("reports rendered again from the cleaned tables, with their strategy answers: " + rendered);
    }
    if (!redacted.isEmpty()) {
      notes.add("reports that still named the author after rendering, redacted in place: " + redacted);
    }
    if (!deleted.isEmpty()) {
      notes.add("reports deleted, their tables being gone: " + deleted);
    }
    if (summaries > 0) {
      notes.add(summaries + " run summaries under " + reports.resolve("runs") + " redacted");
    }
    if (rendered.isEmpty() && deleted.isEmpty()) {
      notes.add("no report showed the author");
    }
    return notes;
  }

  /** Dates that have a report folder with a page or summary, oldest first. */
  static List<LocalDate> reportDates(Path reports) {
    List<LocalDate> dates = new ArrayList<>();
    if (!Files.isDirectory(reports)) {
      return dates;
    }
    try (Stream<Path> folders = Files.list(reports)) {
      for (Path f : folders.filter(Files::isDirectory).toList()) {
        String name = f.getFileName().toString();
        if (name.matches("\\d{4}-\\d{2}-\\d{2}") && PAGES.stream().anyMatch(p -> Files.exists(f.resolve(p)))) {
          dates.add(LocalDate.parse(name));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    dates.sort(LocalDate::compareTo);
    return dates;
  }

  /** Deletes a date's report page and summary, and its folder once empty. */
  static void deletePages(Path folder) {
    try {
      for (String p : PAGES) {
        Files.deleteIfExists(folder.resolve(p));
      }
      try (Stream<Path> left = Files.list(folder)) {
        if (left.findAny().isEmpty()) {
          Files.delete(folder);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private boolean hasTables(LocalDate date) {
    Date day = Date.valueOf(date);
    return ForgetStep.RUN_DATE_TABLES.stream().anyMatch(t -> ctx.warehouse().partitions(t).contains(day));
  }

  private boolean names(Path folder) {
    for (String p : PAGES) {
      Path f = folder.resolve(p);
      if (Files.exists(f) && subject.named(read(f))) {
        return true;
      }
    }
    return false;
  }

  private boolean redactFiles(Path folder) {
    boolean any = false;
    for (String p : PAGES) {
      any |= redactFile(folder.resolve(p));
    }
    return any;
  }

  private long redactRunSummaries(Path runs) {
    if (!Files.isDirectory(runs)) {
      return 0;
    }
    long n = 0;
    try (Stream<Path> files = Files.list(runs)) {
      for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList()) {
        if (redactFile(f)) {
          n++;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return n;
  }

  /** Rewrites the file with the author redacted, whole ({@link AtomicFiles}); false when it named no one. */
  private boolean redactFile(Path f) {
    if (!Files.exists(f)) {
      return false;
    }
    String text = read(f);
    String clean = subject.redactWords(text);
    if (clean.equals(text)) {
      return false;
    }
    AtomicFiles.write(f, clean);
    return true;
  }

  static String read(Path f) {
    try {
      return Files.readString(f, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
