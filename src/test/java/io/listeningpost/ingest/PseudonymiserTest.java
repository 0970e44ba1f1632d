package io.listeningpost.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.listeningpost.core.AuthorProfile;
import io.listeningpost.core.Interaction;
import io.listeningpost.core.InteractionKind;
import io.listeningpost.core.Post;
import io.listeningpost.core.Pseudonyms;
import io.listeningpost.core.QuarantineRecord;
import io.listeningpost.core.config.PrivacySettings;
import io.listeningpost.core.config.WatchTerm;
import io.listeningpost.ingest.text.TextEntities;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PseudonymiserTest {
  private static final Pseudonyms PSEUDONYMS = Pseudonyms.of(new PrivacySettings(true, "K", null),
      Map.of("K", "a-key-of-enough-length"));
  private static final Pseudonymiser P = new Pseudonymiser(PSEUDONYMS,
      List.of(new WatchTerm("Acme Corp", WatchTerm.BRAND, List.of("AcmeCareers"))));

  private static Post post(String text) {
    Post.Builder b = Post.builder().platform("twitter").postId("1").authorId("123").authorName("Jane_Doe")
        .createdAt(Instant.parse("2026-11-20T10:00:00Z")).title("Hi @bob").text(text)
        .url("https://x.com/Jane_Doe/status/1");
    TextEntities.fillMissing(b);
    return b.build();
  }

  @Test
  void authorsMentionsAndHandlesInTheTextBecomePseudonymsAndTheUrlGoes() {
    Post p = P.post(post("Thanks @Bob and u/carol_x, mail me at jane@example.com; cc @AcmeCareers @acme_corp"));
    String bob = PSEUDONYMS.of("bob");
    String carol = PSEUDONYMS.of("carol_x");
    assertThat(p.authorId()).isEqualTo(PSEUDONYMS.of("123"));
    assertThat(p.authorName()).isEqualTo(PSEUDONYMS.of("Jane_Doe"));
    assertThat(p.title()).isEqualTo("Hi @" + bob);
    assertThat(p.text()).isEqualTo("Thanks @" + bob + " and u/" + carol
        + ", mail me at jane@example.com; cc @AcmeCareers @acme_corp");
    assertThat(p.mentions()).containsExactly(bob, "acmecareers", "acme_corp", carol);
    assertThat(p.url()).isNull();
    assertThat(p.postId()).isEqualTo("1");
  }

  @Test
  void equalValuesStayEqualAcrossRecordsSoJoinsHold() {
    Interaction i = P.interaction(new Interaction("forum", "jane", "bob", null, InteractionKind.MENTION, "1", "hr",
        Instant.EPOCH));
    AuthorProfile a = P.author(new AuthorProfile("forum", "bob", "Bob B", null, null, 3L, null, null, "Paris", "f"));
    assertThat(i.dstAuthor()).isEqualTo(a.authorId()).isEqualTo(P.post(post("@bob")).mentions().get(0));
    assertThat(i.srcAuthor()).isEqualTo(PSEUDONYMS.of("jane"));
    assertThat(a.name()).isEqualTo(PSEUDONYMS.of("Bob B"));
    assertThat(a.location()).isEqualTo("Paris");
  }

  @Test
  void quarantineKeepsWhereTheRecordIsButNotItsRawText() {
    QuarantineRecord q = P.quarantine(new QuarantineRecord("f.json", "json", "posts", "line 3",
        "{\"user\":\"jane\"}", "missing post id"));
    assertThat(q.excerpt()).isNull();
    assertThat(q.position()).isEqualTo("line 3");
    assertThat(q.reason()).isEqualTo("missing post id");
  }

  @Test
  void watchedNamesAreKeptAsTheirHandleForms() {
    assertThat(Pseudonymiser.handlesOf(List.of(new WatchTerm("Acme Corp", WatchTerm.BRAND, List.of("@AcmeJobs")))))
        .containsExactlyInAnyOrder("acmecorp", "acme_corp", "acmejobs");
  }
}
