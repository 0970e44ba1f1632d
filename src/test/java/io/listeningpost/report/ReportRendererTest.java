package io.listeningpost.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ReportRendererTest {
  private final ReportRenderer renderer = new ReportRenderer();

  private static ReportView view(ReportFacts facts) {
    return ReportView.of(facts, StrategyAnswers.of(facts), Headlines.of(facts), "test", "run-1");
  }

  @Test
  void pageHoldsEverySectionWithContent() throws Exception {
    ReportFacts facts = ReportFixtures.plain();
    String html = renderer.html(facts, view(facts));
    Path out = Path.of("target/report-test/plain/report.html");
    Files.createDirectories(out.getParent());
    Files.writeString(out, html);
    assertThat(html).contains("Dana Whitfield", "Who are our target audiences?", "What is our value added?",
        "interview feedback · ghosted · recruiter", "Final round at Acme");
    assertThat(renderer.markdown(view(facts))).as("a safe link stays a working link")
        .contains("<https://example.org/r/cscareerquestions/comments/abc?ref=a_b&utm=1>");
  }

  @Test
  void hostileTextStaysText() throws Exception {
    ReportFacts facts = ReportFixtures.hostile();
    String html = renderer.html(facts, view(facts));
    Path out = Path.of("target/report-test/hostile/report.html");
    Files.createDirectories(out.getParent());
    Files.writeString(out, html);
    String md = renderer.markdown(view(facts));
    assertThat(html).doesNotContain("<script>document", "<img src=x", "<svg onload", "<iframe", "href=\"javascript:");
    Files.writeString(out.resolveSibling("summary.md"), md);
    for (int i = md.indexOf('<'); i >= 0; i = md.indexOf('<', i + 1)) {
      assertThat(md.charAt(i - 1)).as("every < of the Markdown is escaped, at %d", i).isEqualTo('\\');
    }
    assertThat(md).as("no link can form: every ] is escaped").doesNotContainPattern("(?<!\\\\)\\]\\(");
  }
}
