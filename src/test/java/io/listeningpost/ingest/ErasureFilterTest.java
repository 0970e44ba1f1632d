package io.listeningpost.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.listeningpost.core.AuthorProfile;
import io.listeningpost.core.ErasedIdentities;
import io.listeningpost.core.ErasureKey;
import io.listeningpost.core.Interaction;
import io.listeningpost.core.InteractionKind;
import io.listeningpost.core.Post;
import io.listeningpost.core.PostKind;
import io.listeningpost.ingest.text.TextEntities;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What ingest does with the records of an author that forget erased, from the register's fingerprints alone. */
class ErasureFilterTest {
  private static final ErasureKey KEY = ErasureKey.ofSalt(ErasureKey.newSalt());
  private static final ErasureFilter FILTER = new ErasureFilter(new ErasedIdentities(KEY, Set.of(
      KEY.of(ErasedIdentities.AUTHOR, "mastodon", "1001"),
      KEY.of(ErasedIdentities.HANDLE, "mastodon", "kim_sre"),
      KEY.of(ErasedIdentities.HANDLE, "mastodon", "kim_sre@hachyderm.io"),
      KEY.of(ErasedIdentities.POST, "mastodon", "7"),
      KEY.of(ErasedIdentities.POST, "mastodon", "share-9"),
      KEY.of(ErasedIdentities.LINK, null, "https://hachyderm.io/@kim_sre/7"))));

  private static Post post(String id, String author, PostKind kind, String text, List<String> links) {
    Post.Builder b = Post.builder().platform("mastodon").community("hachyderm.io").postId(id).authorId(author)
        .authorName(author + "@hachyderm.io").kind(kind).createdAt(Instant.parse("2026-11-20T10:00:00Z")).text(text)
        .links(links).source("timeline.json").position("element 3 (line 40)");
    TextEntities.fillMissing(b);
    return b.build();
  }

  private static Interaction interaction(String src, String dst, String dstPost, InteractionKind kind, String post) {
    return new Interaction("mastodon", src, dst, dstPost, kind, post, "hachyderm.io", Instant.EPOCH);
  }

  @Test
  void theErasedAuthorsPostsProfilesAndInteractionsAreRefused() {
    assertThat(FILTER.refusal(post("70", "1001", PostKind.POST, "mine", List.of()), Set.of()))
        .isEqualTo(ErasureFilter.AUTHOR_ERASED);
    assertThat(FILTER.refusal(new AuthorProfile("mastodon", "1001", "kim_sre@hachyderm.io", null, null, null, 3400L,
        199L, null, "timeline.json"))).isEqualTo(ErasureFilter.AUTHOR_ERASED);
    assertThat(FILTER.refusal(interaction("1001", "5003", "8", InteractionKind.REPLY, "70")))
        .isEqualTo(ErasureFilter.AUTHOR_ERASED);
    // The same id on another platform is another person.
    Post elsewhere = Post.builder().platform("reddit").postId("t3_1").authorId("1001").kind(PostKind.POST)
        .createdAt(Instant.EPOCH).text("hello").build();
    assertThat(FILTER.refusal(elsewhere, Set.of())).isNull();
  }

  @Test
  void sharesOfTheErasedAuthorAreRefusedByPostIdOrByTheirShareInteraction() {
    assertThat(FILTER.refusal(post("share-9", "5003", PostKind.SHARE, "anything", List.of()), Set.of()))
        .isEqualTo(ErasureFilter.SHARE_ERASED);
    Interaction ofKim = interaction("5003", "1001", "70", InteractionKind.SHARE, "share-11");
    Interaction ofKimsPost = interaction("5004", null, "7", InteractionKind.SHARE, "share-12");
    assertThat(FILTER.sharesErased(ofKim)).isTrue();
    assertThat(FILTER.sharesErased(ofKimsPost)).isTrue();
    assertThat(FILTER.refusal(ofKim)).isEqualTo(ErasureFilter.SHARE_ERASED);
    assertThat(FILTER.refusal(post("share-11", "5003", PostKind.SHARE, "RT", List.of()), Set.of("share-11")))
        .isEqualTo(ErasureFilter.SHARE_ERASED);
    // A post of one's own, or a share of someone else, is not the erased author's.
    assertThat(FILTER.refusal(post("12", "5003", PostKind.POST, "same words", List.of()), Set.of("share-11"))).isNull();
    assertThat(FILTER.sharesErased(interaction("5003", "5006", "40", InteractionKind.SHARE, "share-13"))).isFalse();
  }

  @Test
  void othersRecordsStayWithoutTheErasedAuthorsHandlesLinksAndTargets() {
    Post reply = post("20", "5003", PostKind.REPLY, "@kim_sre agreed, and @bo_sre too",
        List.of("https://hachyderm.io/@kim_sre", "https://hachyderm.io/@kim_sre/7", "https://example.com/runbook"));
    assertThat(FILTER.refusal(reply, Set.of())).isNull();
    Post kept = FILTER.redacted(reply);
    assertThat(kept.text()).isEqualTo("@[erased] agreed, and @bo_sre too");
    assertThat(kept.mentions()).containsExactly("bo_sre");
    assertThat(kept.links()).containsExactly("https://example.com/runbook");
    assertThat(kept.authorId()).isEqualTo("5003");

    Interaction towards = interaction("5003", "1001", "7", InteractionKind.REPLY, "20");
    assertThat(FILTER.refusal(towards)).isNull();
    assertThat(FILTER.redacted(towards).dstAuthor()).isNull();
    assertThat(FILTER.redacted(towards).dstPostId()).isEqualTo("7");
    assertThat(FILTER.redacted(interaction("5003", "kim_sre", null, InteractionKind.MENTION, "20")).dstAuthor()).isNull();
  }

  @Test
  void aRecordThatNamesNoErasedAuthorIsPassedOnAsItIs() {
    Post other = post("30", "5003", PostKind.POST, "@bo_sre see https://example.com", List.of("https://example.com"));
    assertThat(FILTER.redacted(other)).isSameAs(other);
    Interaction i = interaction("5003", "5006", "31", InteractionKind.REPLY, "30");
    assertThat(FILTER.redacted(i)).isSameAs(i);
  }
}
