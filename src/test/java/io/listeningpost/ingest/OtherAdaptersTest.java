package io.listeningpost.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.listeningpost.core.InteractionKind;
import io.listeningpost.core.Post;
import io.listeningpost.core.PostKind;
import io.listeningpost.core.config.SourceFormat;
import io.listeningpost.core.config.SourceSpec;
import io.listeningpost.testing.Parse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The Twitter, Mastodon, feed and mapped adapters on the samples in data-samples/. */
class OtherAdaptersTest {

  private static Map<String, List<Post>> byId(CollectingSink out) {
    return out.posts.stream().collect(Collectors.groupingBy(Post::postId));
  }

  @Test
  void twitterResponsesGiveRepliesSharesQuotesEditsAndProfiles() throws Exception {
    CollectingSink out = Parse.format(SourceFormat.TWITTER, Path.of("data-samples/twitter"));
    Map<String, List<Post>> posts = byId(out);
    Post original = posts.get("1991000000000000001").get(0);
    assertThat(original.hashtags()).containsExactly("hiring", "candidateexperience");
    assertThat(original.mentions()).containsExactly("acmecareers");
    assertThat(original.shareCount()).isEqualTo(13);
    assertThat(posts.get("1991000000000000002").get(0).kind()).isEqualTo(PostKind.REPLY);
    assertThat(posts.get("1991000000000000003").get(0).kind()).isEqualTo(PostKind.SHARE);
    // Both versions of the edited tweet carry the id of the first version; the newer one has edited_at.
    assertThat(posts.get("1991000000000000009")).extracting(Post::editedAt)
        .containsOnly(Instant.parse("2026-11-20T08:15:00Z"), null);
    assertThat(posts.get("1991000000000000011").get(0).lang()).isEqualTo("es");
    assertThat(out.interactions).anySatisfy(i -> {
      assertThat(i.kind()).isEqualTo(InteractionKind.QUOTE);
      assertThat(i.dstAuthor()).isEqualTo("612");
    });
    assertThat(out.interactions).filteredOn(i -> i.kind() == InteractionKind.SHARE).singleElement()
        .satisfies(i -> assertThat(i.dstPostId()).isEqualTo("1991000000000000001"));
    assertThat(out.authors).anySatisfy(a -> {
      assertThat(a.name()).isEqualTo("AcmeCareers");
      assertThat(a.followers()).isEqualTo(58_000);
    });
    assertThat(out.quarantined).extracting(q -> q.reason())
        .containsExactlyInAnyOrder("API error response: Could not find tweet with ids: [1991000000000000099].",
            "missing creation time");
  }

  @Test
  void mastodonTimelineGivesRepliesReblogsAndInstances() throws Exception {
    CollectingSink out = Parse.format(SourceFormat.MASTODON, Path.of("data-samples/mastodon"));
    Map<String, List<Post>> posts = byId(out);
    Post hiring = posts.get("113500000000000001").get(0);
    assertThat(hiring.text()).startsWith("We're hiring SREs at Acme!").doesNotContain("<");
    assertThat(hiring.links()).contains("https://careers.acme.example/sre");
    assertThat(hiring.community()).isEqualTo("hachyderm.io");
    assertThat(posts.get("113500000000000001")).hasSize(2);
    assertThat(posts.get("113500000000000003").get(0).kind()).isEqualTo(PostKind.SHARE);
    assertThat(posts.get("113500000000000003").get(0).community()).isEqualTo("mastodon.social");
    assertThat(posts.get("113500000000000004").get(0).text()).startsWith("[CW: entretien d'embauche]");
    assertThat(posts.get("113500000000000002").get(0).editedAt()).isEqualTo(Instant.parse("2026-11-20T10:45:00Z"));
    assertThat(out.interactions).extracting(i -> i.kind() + ":" + i.srcAuthor() + ">" + i.dstAuthor())
        .containsExactlyInAnyOrder("REPLY:1002>1001", "MENTION:1002>1001", "SHARE:2001>1001");
    assertThat(out.quarantined).singleElement().satisfies(q -> {
      assertThat(q.reason()).isEqualTo("not a JSON object");
      assertThat(q.position()).startsWith("element 4");
    });
  }

  @Test
  void feedsGiveArticlesAndCommentsInTheBlogsCommunity() throws Exception {
    CollectingSink out = Parse.format(SourceFormat.FEED, Path.of("data-samples/feed"));
    Map<String, List<Post>> posts = byId(out);
    Post article = posts.get("https://careers.acme.example/blog/interview-process-2027/").get(0);
    assertThat(article.community()).isEqualTo("careers.acme.example");
    assertThat(article.hashtags()).containsExactly("hiring", "candidate experience");
    assertThat(article.text()).contains("48 hours of every interview & we publish");
    assertThat(article.replyCount()).isEqualTo(2);
    Post comment = posts.get("https://careers.acme.example/blog/interview-process-2027/#comment-78").get(0);
    assertThat(comment.kind()).isEqualTo(PostKind.COMMENT);
    assertThat(comment.parentId()).isEqualTo(article.postId());
    assertThat(comment.text()).isEqualTo("Sam, I’m sorry — that is not the experience we want. I’ve emailed you.");
    Post atomReply = posts.get("https://peopleops.example.org/2026/11/exit-interviews#c1").get(0);
    assertThat(atomReply.parentId()).isEqualTo("https://peopleops.example.org/2026/11/exit-interviews");
    assertThat(atomReply.createdAt()).isEqualTo(Instant.parse("2026-11-17T18:00:00Z"));
    Post atom = posts.get("https://peopleops.example.org/2026/11/exit-interviews").get(0);
    assertThat(atom.text()).isEqualTo("Three questions, asked by someone outside the reporting line.\nThat's it.");
    assertThat(atom.editedAt()).isEqualTo(Instant.parse("2026-11-21T10:00:00Z"));
    assertThat(atom.lang()).isEqualTo("en");
    assertThat(out.quarantined).singleElement().satisfies(q -> assertThat(q.reason()).isEqualTo("missing creation time"));
  }

  @Test
  void mappedCsvAndJsonFollowTheirMappings() throws Exception {
    SourceSpec csv = new SourceSpec("tweets-csv", SourceFormat.CSV, "data-samples/csv", null, "twitter",
        Map.of("post_id", "tweet_id", "author_id", "user", "text", "text", "created_at", "time",
            "community", "channel", "score", "likes", "parent_id", "in_reply_to"),
        "yyyy-MM-dd HH:mm:ss", ",");
    CollectingSink out = Parse.files(csv, Path.of("data-samples/csv"));
    assertThat(out.posts).hasSize(4);
    Post first = out.posts.get(0);
    assertThat(first.mentions()).containsExactly("umbrellahealth");
    assertThat(first.hashtags()).containsExactly("nursing", "staffing");
    assertThat(first.createdAt()).isEqualTo(Instant.parse("2026-11-19T07:30:00Z"));
    assertThat(out.posts.get(1).links()).containsExactly("https://umbrellahealth.com/rota");
    assertThat(out.posts.get(3).text()).contains("& yes it's a big gap");
    assertThat(out.quarantined).extracting(q -> q.position() + ": " + q.reason()).containsExactly(
        "line 6: unparseable time 'not-a-date' for time-format yyyy-MM-dd HH:mm:ss",
        "line 7: row has 2 fields, the header has 7");

    SourceSpec json = new SourceSpec("forum", SourceFormat.JSON, "data-samples/json", null, "forum",
        Map.of("post_id", "id", "author_id", "user.handle", "author_name", "user.name", "text", "body",
            "created_at", "ts", "community", "board", "parent_id", "reply_to", "title", "subject"),
        "epoch-millis", ",");
    CollectingSink forum = Parse.files(json, Path.of("data-samples/json"));
    assertThat(forum.posts).extracting(Post::postId).containsExactly("f-1", "f-2", "f-3");
    assertThat(forum.posts.get(0).isQuestion()).isTrue();
    assertThat(forum.posts.get(1).authorName()).isEqualTo("Tom");
    assertThat(forum.interactions).extracting(i -> i.kind() + ">" + i.dstAuthor() + "/" + i.dstPostId())
        .containsExactlyInAnyOrder("REPLY>null/f-1", "MENTION>initech_grads/null", "REPLY>null/f-1");
    assertThat(forum.quarantined).extracting(q -> q.reason())
        .containsExactlyInAnyOrder("missing creation time", "not a JSON object");
  }
}
