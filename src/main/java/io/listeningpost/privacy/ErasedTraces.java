package io.listeningpost.privacy;

import io.listeningpost.core.ErasedIdentities;
import io.listeningpost.report.ReportStep;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What an erased author left in the reports folder, found through the erasure register alone: the words of
 * the report pages and run summaries whose handle fingerprint the register holds, and the links whose link
 * fingerprint it holds. A forget run again after one cut short before it cleaned the reports finds there what
 * the tables may no longer hold. A name with a space in it is not a word here and is not found. Plain Java.
 */
record ErasedTraces(Set<String> handles, Set<LocalDate> reportDates) {
  private static final Pattern WORD = Pattern.compile("[^\\s<>\"'()\\[\\]{},;|`*]+");
  private static final Pattern HANDLE_PREFIX = Pattern.compile("^(?:@|u/|/u/|user/)");
  private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[.:!?]+|[.:!?]+$");

  /**
   * Reads the pages of every report date and the run summaries under {@code reports}.
   *
   * @param platforms the platforms a handle is looked up on
   * @return the handles as {@link ErasureSubject#key} of platform and lower-case name, and the report dates whose
   *     pages hold a handle or link of the register
   */
  static ErasedTraces find(Path reports, ErasedIdentities erased, Collection<String> platforms) {
    Set<String> handles = new TreeSet<>();
    Set<LocalDate> dates = new TreeSet<>();
    for (LocalDate date : ReportCleaner.reportDates(reports)) {
      for (String page : List.of(ReportStep.PAGE, ReportStep.SUMMARY)) {
        Path f = reports.resolve(date.toString()).resolve(page);
        if (Files.exists(f) && scan(ReportCleaner.read(f), erased, platforms, handles)) {
          dates.add(date);
        }
      }
    }
    Path runs = reports.resolve("runs");
    if (Files.isDirectory(runs)) {
      try (Stream<Path> files = Files.list(runs)) {
        for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList()) {
          scan(ReportCleaner.read(f), erased, platforms, handles);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new ErasedTraces(Set.copyOf(handles), Set.copyOf(dates));
  }

  /** Adds the text's erased handles to {@code handles}; whether it held an erased handle or link. */
  static boolean scan(String text, ErasedIdentities erased, Collection<String> platforms, Set<String> handles) {
    boolean found = false;
    Set<String> seen = new TreeSet<>();
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      String word = m.group();
      if (!seen.add(word)) {
        continue;
      }
      if (word.startsWith("http://") || word.startsWith("https://")) {
        // A page writes the & of a query string as &amp;.
        String link = word.replace("&amp;", "&");
        found |= erased.link(link) || erased.link(EDGE_PUNCTUATION.matcher(link).replaceAll(""));
        continue;
      }
      for (String candidate : candidates(word)) {
        for (String platform : platforms) {
          if (erased.handle(platform, candidate)) {
            handles.add(ErasureSubject.key(platform, candidate));
            found = true;
          }
        }
      }
    }
    return found;
  }

  /** The word as a handle might stand in it: whole, without a mention prefix, without edge punctuation. */
  private static List<String> candidates(String word) {
    List<String> out = new ArrayList<>();
    String bare = EDGE_PUNCTUATION.matcher(word).replaceAll("");
    for (String w : new TreeSet<>(List.of(word, bare, HANDLE_PREFIX.matcher(bare).replaceFirst("")))) {
      if (!w.isEmpty()) {
        out.add(w.toLowerCase(Locale.ROOT));
      }
    }
    return out;
  }
}
