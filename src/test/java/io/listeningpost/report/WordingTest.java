package io.listeningpost.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordingTest {
  @Test
  void tonesSharesAndGrowthReadAsWords() {
    assertThat(Wording.tone(0.45)).isEqualTo("clearly positive");
    assertThat(Wording.tone(-0.12)).isEqualTo("negative");
    assertThat(Wording.tone(0.0)).isEqualTo("neutral");
    assertThat(Wording.tone(null)).isEqualTo("unknown");
    assertThat(Wording.percent(0.123)).isEqualTo("12%");
    assertThat(Wording.percent(0.001)).isEqualTo("under 1%");
    assertThat(Wording.growth(0.5)).isEqualTo("+50% on the previous window");
    assertThat(Wording.growth(null)).isEqualTo("no earlier data to compare");
    assertThat(Wording.list(List.of("a", "b", "c"))).isEqualTo("a, b and c");
  }

  @Test
  void excerptsCutAtAWordOnOneLine() {
    assertThat(Wording.excerpt("one two\nthree four five", 14)).isEqualTo("one two three…");
    assertThat(Wording.excerpt("short", 14)).isEqualTo("short");
    assertThat(Wording.excerpt(null, 14)).isEmpty();
  }

  @Test
  void onlyWebLinksAreLinks() {
    assertThat(SafeLink.of("https://example.org/a?b=1")).isEqualTo("https://example.org/a?b=1");
    assertThat(SafeLink.of("HTTP://Example.org/")).isNotNull();
    assertThat(SafeLink.of("javascript:alert(1)")).isNull();
    assertThat(SafeLink.of(" JavaScript:alert(1)")).isNull();
    assertThat(SafeLink.of("data:text/html,<script>alert(1)</script>")).isNull();
    assertThat(SafeLink.of("/relative/path")).isNull();
    assertThat(SafeLink.of("https://exa mple.org")).isNull();
  }

  @Test
  void chartDataCannotCloseItsScriptElement() {
    String json = ChartData.json(ReportFixtures.hostile());
    assertThat(json).doesNotContain("<", ">", "&", "'", "\u2028");
    assertThat(json).contains("\\u003C/script\\u003E");
  }
}
