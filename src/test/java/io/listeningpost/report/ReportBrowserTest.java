package io.listeningpost.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.listeningpost.testing.HeadlessChromium;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The report in a real browser: it draws its charts, runs no injected script and asks the network for nothing. */
class ReportBrowserTest {
  private static final Path OUT = Path.of("target/report-browser");

  private static Path render(String name, ReportFacts facts) throws Exception {
    ReportView view = ReportView.of(facts, StrategyAnswers.of(facts), Headlines.of(facts), "test", "run-" + name);
    Path page = OUT.resolve(name).resolve(ReportStep.PAGE);
    Files.createDirectories(page.getParent());
    Files.writeString(page, new ReportRenderer().html(facts, view));
    return page;
  }

  @Test
  void hostileTextDoesNotRunAndChartsStillDraw() throws Exception {
    Path page = render("hostile", ReportFixtures.hostile());
    Document dom = Jsoup.parse(HeadlessChromium.dumpDom(page));
    assertThat(dom.body().attr("data-pwned")).as("no injected script ran").isEmpty();
    assertThat(dom.body().attr("data-charts")).as("the page's own script ran to the end").isEqualTo("drawn");
    assertThat(dom.select("canvas")).as("the four charts").hasSizeGreaterThanOrEqualTo(4);
    assertThat(dom.select("script[src], iframe, object, embed, link[href]:not([href=data:,]), img:not([src^=data:])"))
        .isEmpty();
    for (Element a : dom.select("a[href]")) {
      assertThat(a.attr("href")).as("only in-page and web links").matches("#.*|https?://.*");
    }
    assertThat(dom.text()).contains("<script>document.body.setAttribute('data-pwned','script')</script>");
    HeadlessChromium.screenshot(page, OUT.resolve("hostile.png"), 1280, 2400);
  }

  @Test
  void pageIsSelfContained() throws Exception {
    Document page = Jsoup.parse(Files.readString(render("plain", ReportFixtures.plain())));
    assertThat(page.select("script[src], link:not([rel=icon][href=data:,]), iframe, object, embed, img, video, audio, "
        + "source, base")).isEmpty();
    for (Element e : page.select("[href]:not(link[rel=icon][href=data:,])")) {
      assertThat(e.tagName()).as("only anchors link anywhere").isEqualTo("a");
    }
    assertThat(page.select("style").html()).doesNotContain("url(", "@import");
    String csp = page.select("meta[http-equiv=Content-Security-Policy]").attr("content");
    assertThat(csp).contains("default-src 'none'", "script-src 'sha256-").doesNotContainPattern("script-src[^;]*unsafe");
    assertThat(page.select("meta[http-equiv=x-dns-prefetch-control]").attr("content")).isEqualTo("off");
  }

  @Test
  void screenshotOfTheFullPage() throws Exception {
    Path png = HeadlessChromium.screenshot(render("plain", ReportFixtures.plain()), OUT.resolve("report.png"),
        1280, 5200);
    assertThat(Files.size(png)).isGreaterThan(50_000);
  }
}
