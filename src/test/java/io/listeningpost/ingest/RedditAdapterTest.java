package io.listeningpost.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.listeningpost.core.Interaction;
import io.listeningpost.core.Post;
import io.listeningpost.core.PostKind;
import io.listeningpost.core.config.SourceFormat;
import io.listeningpost.testing.Parse;
import io.listeningpost.testing.SharedData;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RedditAdapterTest {

  @Test
  void gradSchoolThreadsMatchTheirSourceCounts() throws Exception {
    // The GradSchool row of reddit-academia/SOURCE.md: posts, comments, deleted authors, replies,
    // distinct authors and reply edges (distinct / total).
    CollectingSink out = Parse.format(SourceFormat.REDDIT, SharedData.dataset("reddit-academia/dat/GradSchool"));
    assertThat(out.quarantined).isEmpty();
    assertThat(out.posts.stream().filter(p -> p.kind() == PostKind.POST)).hasSize(3_515);
    List<Post> comments = out.posts.stream().filter(p -> p.kind() != PostKind.POST).toList();
    assertThat(comments).hasSize(63_321);
    assertThat(comments.stream().filter(p -> p.authorId() == null)).hasSize(3_503);
    assertThat(comments.stream().filter(p -> p.kind() == PostKind.REPLY)).hasSize(31_671);
    assertThat(out.posts.stream().map(Post::authorId).filter(Objects::nonNull).distinct()).hasSize(15_734);
    List<Interaction> edges = out.interactions.stream()
        .filter(i -> i.dstAuthor() != null && !i.dstAuthor().equals(i.srcAuthor())).toList();
    assertThat(edges).hasSize(56_008);
    Set<List<String>> distinct = new HashSet<>();
    edges.forEach(i -> distinct.add(List.of(i.srcAuthor(), i.dstAuthor())));
    assertThat(distinct).hasSize(49_745);
    assertThat(out.posts).allSatisfy(p -> assertThat(p.community()).isEqualTo("r/GradSchool"));
  }

  @Test
  void pushshiftSampleKeepsFullnamesParentsAndEdits() throws Exception {
    CollectingSink out = Parse.format(SourceFormat.REDDIT, Path.of("data-samples/reddit/pushshift"));
    Map<String, List<Post>> byId = out.posts.stream().collect(Collectors.groupingBy(Post::postId));
    Post submission = byId.get("t3_1q2w3e").get(0);
    assertThat(submission.title()).startsWith("Ghosted after");
    assertThat(submission.text()).contains("take-home that took a weekend").contains("Is this normal now? >:(")
        .doesNotContain("**").doesNotContain("&gt;");
    assertThat(submission.isQuestion()).isTrue();
    assertThat(submission.community()).isEqualTo("r/recruitinghell");
    Post reply = byId.get("k9x901".replace("k", "t1_k")).get(0);
    assertThat(reply.kind()).isEqualTo(PostKind.REPLY);
    assertThat(reply.parentId()).isEqualTo("t1_k9x8y7");
    assertThat(reply.threadId()).isEqualTo("t3_1q2w3e");
    assertThat(byId.get("t1_k9x8z0").get(0).authorId()).isNull();
    assertThat(byId.get("t1_k9x8y7").get(0).mentions()).containsExactly("tired_applicant");
    assertThat(byId.get("t3_2a3s4d").get(0).links()).containsExactly("https://example.com/onboarding-buddy");
    assertThat(byId.get("t1_ka1111")).hasSize(2).extracting(Post::editedAt).containsExactlyInAnyOrder(null,
        java.time.Instant.ofEpochSecond(1795326000));
    assertThat(out.quarantined).extracting(q -> q.reason()).hasSize(2)
        .anyMatch(r -> r.equals("unparseable time 'yesterday'")).anyMatch(r -> r.contains("end-of-input"));
    assertThat(out.interactions).filteredOn(i -> i.postId().equals("t1_k9x8y7")).singleElement()
        .satisfies(i -> assertThat(i.dstPostId()).isEqualTo("t3_1q2w3e"));
  }

  @Test
  void nestedThreadSampleLinksRepliesToTheirParentsAuthors() throws Exception {
    CollectingSink out = Parse.format(SourceFormat.REDDIT, Path.of("data-samples/reddit/threads"));
    assertThat(out.quarantined).isEmpty();
    Map<String, Post> byId = out.posts.stream().collect(Collectors.toMap(Post::postId, Function.identity()));
    assertThat(byId).containsOnlyKeys("t3_5t6y7u", "t1_kb0001", "t1_kb0002", "t1_kb0003", "t1_kb0004");
    assertThat(byId.get("t3_5t6y7u").title()).isEqualTo("Is a 4-day week worth a 10% pay cut?");
    assertThat(byId.get("t3_5t6y7u").replyCount()).isEqualTo(2);
    assertThat(byId.get("t1_kb0001").text()).isEqualTo("Did it last year. Best decision of my career — no regrets.");
    assertThat(byId.get("t1_kb0004").parentId()).isEqualTo("t1_kb0003");
    assertThat(out.interactions).extracting(i -> i.srcAuthor() + ">" + i.dstAuthor())
        .containsExactlyInAnyOrder("fridays_off>weekend_lover", "weekend_lover>fridays_off", "fridays_off>null");
  }
}
