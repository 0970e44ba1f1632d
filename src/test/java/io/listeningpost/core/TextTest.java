package io.listeningpost.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.listeningpost.ingest.text.MarkupText;
import io.listeningpost.ingest.text.TextEntities;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class TextTest {

  @Property
  void cleanedTextHasNoControlCharactersAndNoBrokenSurrogates(@ForAll String s) {
    String clean = TextLimits.stripControl(s);
    assertThat(clean.chars()).noneMatch(c -> c < 0x20 && c != '\n' && c != '\t');
    for (int i = 0; i < clean.length(); i++) {
      char c = clean.charAt(i);
      if (Character.isHighSurrogate(c)) {
        assertThat(i + 1 < clean.length() && Character.isLowSurrogate(clean.charAt(i + 1))).isTrue();
      }
    }
  }

  @Property
  void cuttingInsideASurrogatePairLeavesTheWholePairOut(@ForAll String s) {
    String cut = TextLimits.cut(s + "😀😀", s.length() + 1);
    assertThat(cut).doesNotEndWith("\uD83D");
    // The limit falls inside the first pair, so the whole pair is left out; one more char keeps it whole.
    assertThat(cut).isEqualTo(s);
    assertThat(TextLimits.cut(s + "😀😀", s.length() + 2)).isEqualTo(s + "😀");
  }

  @Test
  void htmlBecomesTextWithParagraphsAndLinks() {
    MarkupText.Result r = MarkupText.fromHtml("<p>Hello <b>big</b> world &amp; more</p><p>See <a href=\"https://x.org/a\">this</a>.</p>");
    assertThat(r.text()).isEqualTo("Hello big world & more\nSee this.");
    assertThat(r.links()).containsExactly("https://x.org/a");
  }

  @Test
  void markdownBecomesTextAndKeepsLinkTargets() {
    MarkupText.Result r = MarkupText.fromMarkdown("**Bold** and [a link](https://x.org/b) &amp; `code`");
    assertThat(r.text()).isEqualTo("Bold and a link & code");
    assertThat(r.links()).containsExactly("https://x.org/b");
  }

  @Test
  void rawQueryStringsInPlainTextKeepTheirAmpersands() {
    // As in reddit-academia: escaped entities beside raw URLs whose parameters look like legacy entities.
    String url = "https://x.org/a.html?amp_gsa=1&amp_js_v=a6&section=Science&currency=USD";
    MarkupText.Result r = MarkupText.fromMarkdown("Fish &amp; chips, see " + url);
    assertThat(r.text()).isEqualTo("Fish & chips, see " + url);
    assertThat(MarkupText.decodeEntities("&lt;3 " + url + " &eacute;")).isEqualTo("<3 " + url + " é");
    assertThat(MarkupText.fromHtml("<p><a href=\"" + url.replace("&", "&amp;") + "\">x</a> &amp; y</p>").links())
        .containsExactly(url);
  }

  @Test
  void entitiesAreParsedFromPlainText() {
    assertThat(TextEntities.mentions("thanks @Acme_Careers and u/tired_applicant")).containsExactly("acme_careers",
        "tired_applicant");
    assertThat(TextEntities.hashtags("#Hiring is up #remoteWork #hiring")).containsExactly("hiring", "remotework");
    assertThat(TextEntities.links("see https://acme.com/jobs now")).containsExactly("https://acme.com/jobs");
    assertThat(TextEntities.links("(details: https://acme.com/a?b=1.)")).containsExactly("https://acme.com/a?b=1");
    assertThat(TextEntities.mentions("mail me@acme.com or ping @kim@hachyderm.io, cc @Lee."))
        .containsExactly("kim@hachyderm.io", "lee");
    assertThat(TextEntities.hashtags("#1 fan of #Café_Culture & see https://x.org/#anchor")).containsExactly("café_culture");
  }

  @Test
  void questionMarksAndAskingOpenersAreQuestionsAnnouncementsAreNot() {
    assertThat(QuestionHeuristic.looksLikeQuestion("How long should I wait?", "")).isTrue();
    assertThat(QuestionHeuristic.looksLikeQuestion(null, "Any advice on salary negotiation")).isTrue();
    assertThat(QuestionHeuristic.looksLikeQuestion(null, "We are hiring. Apply today!")).isFalse();
  }
}
