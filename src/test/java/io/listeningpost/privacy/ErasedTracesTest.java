package io.listeningpost.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.listeningpost.core.ErasedIdentities;
import io.listeningpost.core.ErasureKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ErasedTracesTest {
  private static final ErasureKey KEY = ErasureKey.ofSalt(ErasureKey.newSalt());
  private static final ErasedIdentities ERASED = new ErasedIdentities(KEY, Set.of(
      KEY.of(ErasedIdentities.HANDLE, "mastodon", "kim_sre@hachyderm.io"),
      KEY.of(ErasedIdentities.HANDLE, "mastodon", "kim_sre"),
      KEY.of(ErasedIdentities.LINK, null, "https://hachyderm.io/@kim_sre/1")));
  private static final List<String> PLATFORMS = List.of("mastodon", "reddit");

  @Test
  void findsHandlesWrittenAsMentionsInAnyCaseAndWithPunctuationAroundThem() {
    Set<String> handles = new HashSet<>();
    assertThat(ErasedTraces.scan("<td>@Kim_SRE@hachyderm.io</td> said: thanks, (kim_sre).", ERASED, PLATFORMS,
        handles)).isTrue();
    assertThat(handles).containsExactlyInAnyOrder(ErasureSubject.key("mastodon", "kim_sre@hachyderm.io"),
        ErasureSubject.key("mastodon", "kim_sre"));
  }

  @Test
  void findsLinksOfErasedPostsAndIgnoresOtherWords() {
    Set<String> handles = new HashSet<>();
    assertThat(ErasedTraces.scan("<a href=\"https://hachyderm.io/@kim_sre/1\">post</a>", ERASED, PLATFORMS,
        handles)).isTrue();
    assertThat(handles).isEmpty();
    assertThat(ErasedTraces.scan("kim_srex and @someone_else wrote https://hachyderm.io/@kim_sre/2", ERASED,
        PLATFORMS, handles)).isFalse();
    assertThat(handles).isEmpty();
  }

  @Test
  void namesTheReportDatesThatShowTheAuthorAndReadsTheRunSummaries(@TempDir Path reports) throws IOException {
    write(reports.resolve("2026-11-28/report.html"), "<p>Top voice: @kim_sre</p>");
    write(reports.resolve("2026-11-29/report.html"), "<p>Top voice: @pat</p>");
    write(reports.resolve("2026-11-29/summary.md"), "nobody");
    write(reports.resolve("runs/20261129T000000Z-nightly-abcd.txt"), "influencers: kim_sre@hachyderm.io");
    ErasedTraces traces = ErasedTraces.find(reports, ERASED, PLATFORMS);
    assertThat(traces.reportDates()).containsExactly(LocalDate.of(2026, 11, 28));
    assertThat(traces.handles()).containsExactlyInAnyOrder(ErasureSubject.key("mastodon", "kim_sre"),
        ErasureSubject.key("mastodon", "kim_sre@hachyderm.io"));
  }

  private static void write(Path f, String text) throws IOException {
    Files.createDirectories(f.getParent());
    Files.writeString(f, text);
  }
}
