package io.listeningpost.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.listeningpost.core.InteractionKind;
import io.listeningpost.core.Post;
import io.listeningpost.core.PostKind;
import io.listeningpost.core.config.SourceFormat;
import io.listeningpost.testing.Parse;
import io.listeningpost.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackExchangeAdapterTest {

  @Test
  void conlangMetaDumpMatchesItsSourceCounts() throws Exception {
    // The counts of se-conlang-meta/SOURCE.md: posts by type, comments, users, answer and comment edges.
    CollectingSink out = Parse.format(SourceFormat.STACKEXCHANGE, SharedData.dataset("se-conlang-meta"));
    assertThat(out.quarantined).isEmpty();
    assertThat(out.posts.stream().filter(p -> p.kind() != PostKind.COMMENT)).hasSize(177);
    assertThat(out.posts.stream().filter(p -> p.kind() == PostKind.QUESTION)).hasSize(54);
    assertThat(out.posts.stream().filter(p -> p.kind() == PostKind.ANSWER)).hasSize(115);
    assertThat(out.posts.stream().filter(p -> p.kind() == PostKind.COMMENT)).hasSize(230);
    assertThat(out.authors).hasSize(272);
    assertThat(distinctEdges(out, InteractionKind.ANSWER)).hasSize(85);
    assertThat(distinctEdges(out, InteractionKind.COMMENT)).hasSize(109);
  }

  @Test
  void quantumComputingDumpMatchesItsSourceCounts() throws Exception {
    // The counts of se-quantumcomputing/SOURCE.md: posts by type, comments, users, edges and their weights.
    CollectingSink out = Parse.format(SourceFormat.STACKEXCHANGE, SharedData.dataset("se-quantumcomputing"));
    assertThat(out.quarantined).isEmpty();
    assertThat(out.posts.stream().filter(p -> p.kind() != PostKind.COMMENT)).hasSize(1_986);
    assertThat(out.posts.stream().filter(p -> p.kind() == PostKind.QUESTION)).hasSize(612);
    assertThat(out.posts.stream().filter(p -> p.kind() == PostKind.ANSWER)).hasSize(1_060);
    assertThat(out.posts.stream().filter(p -> p.kind() == PostKind.COMMENT)).hasSize(3_413);
    assertThat(out.authors).hasSize(3_461);
    assertThat(distinctEdges(out, InteractionKind.ANSWER)).hasSize(806);
    assertThat(edgeWeight(out, InteractionKind.ANSWER)).isEqualTo(1_013);
    assertThat(distinctEdges(out, InteractionKind.COMMENT)).hasSize(1_161);
    assertThat(edgeWeight(out, InteractionKind.COMMENT)).isEqualTo(2_275);
    Post first = out.posts.stream().filter(p -> p.postId().equals("se-quantumcomputing:1")).findFirst().orElseThrow();
    assertThat(first.text()).doesNotContain("<p>").doesNotContain("&lt;");
    assertThat(first.isQuestion()).isTrue();
  }

  @Test
  void sampleKeepsTagsOfBothEncodingsAndDeletedUsersAndQuarantinesTheRowWithoutADate() throws Exception {
    CollectingSink out = Parse.format(SourceFormat.STACKEXCHANGE, Path.of("data-samples/stackexchange"));
    Map<String, Post> byId = new HashMap<>();
    out.posts.forEach(p -> byId.put(p.postId(), p));
    String site = "workplace.stackexchange.com:";
    assertThat(byId.get(site + "101").hashtags()).containsExactly("interviewing", "recruitment", "follow-up");
    assertThat(byId.get(site + "104").hashtags()).containsExactly("work-life-balance", "germany");
    assertThat(byId.get(site + "101").text()).contains("\"within 48 hours\" & I have").contains("🤔");
    assertThat(byId.get(site + "101").editedAt()).isNotNull();
    assertThat(byId.get(site + "103").authorId()).isNull();
    assertThat(byId.get(site + "103").authorName()).isEqualTo("user4521");
    assertThat(byId.get(site + "102").links()).contains("https://workplace.stackexchange.com/q/9");
    assertThat(byId.get(site + "c503").authorId()).isNull();
    assertThat(out.quarantined).singleElement().satisfies(q -> {
      assertThat(q.reason()).isEqualTo("missing creation time");
      assertThat(q.position()).isEqualTo("line 7");
      assertThat(q.source()).endsWith("Posts.xml");
    });
    assertThat(out.authors).extracting(a -> a.name()).contains("Priya ♥ HR");
  }

  @Test
  void externalEntitiesAndEntityExpansionAreRefused(@TempDir Path dir) throws Exception {
    Path site = Files.createDirectories(dir.resolve("evil.stackexchange.com"));
    Files.writeString(site.resolve("Posts.xml"), String.join("\n",
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>",
        "<!DOCTYPE posts [<!ENTITY xxe SYSTEM \"file:///etc/passwd\"><!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>",
        "<posts>",
        "  <row Id=\"1\" PostTypeId=\"1\" CreationDate=\"2020-01-01T00:00:00.000\" Body=\"&xxe;\" Title=\"t\" />",
        "  <row Id=\"2\" PostTypeId=\"1\" CreationDate=\"2020-01-01T00:00:00.000\" Body=\"&b;\" Title=\"t\" />",
        "  <row Id=\"3\" PostTypeId=\"1\" CreationDate=\"2020-01-01T00:00:00.000\" Body=\"fine\u0000 with a NUL\" Title=\"t\" />",
        "</posts>"));
    CollectingSink out = Parse.format(SourceFormat.STACKEXCHANGE, dir);
    assertThat(out.posts).singleElement().satisfies(p -> assertThat(p.text()).isEqualTo("fine with a NUL"));
    // The DOCTYPE line is refused, and so are the two rows that use its entities: nothing is resolved,
    // neither the file nor the expansion.
    assertThat(out.quarantined).extracting(q -> q.position()).containsExactly("line 2", "line 4", "line 5");
    assertThat(out.quarantined).allSatisfy(q -> assertThat(q.excerpt()).doesNotContain("root:"));
    assertThat(out.quarantined.get(0).reason()).contains("DTD");
    assertThat(out.quarantined).allSatisfy(q -> assertThat(q.excerpt() + q.reason()).doesNotContain("aaaaaaaaaaa"));
  }

  @Test
  void aUserRowWithABlankIdIsQuarantinedLikeOneWithout(@TempDir Path dir) throws Exception {
    Path site = Files.createDirectories(dir.resolve("blank.stackexchange.com"));
    Files.writeString(site.resolve("Users.xml"), String.join("\n",
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>",
        "<users>",
        "  <row Id=\" \" DisplayName=\"blank\" CreationDate=\"2020-01-01T00:00:00.000\" />",
        "  <row DisplayName=\"none\" CreationDate=\"2020-01-01T00:00:00.000\" />",
        "  <row Id=\"7\" DisplayName=\"seven\" CreationDate=\"2020-01-01T00:00:00.000\" />",
        "</users>"));
    CollectingSink out = Parse.format(SourceFormat.STACKEXCHANGE, dir);
    assertThat(out.authors).extracting(a -> a.authorId()).containsExactly("blank.stackexchange.com:7");
    assertThat(out.quarantined).extracting(q -> q.position() + ": " + q.reason())
        .containsExactly("line 3: missing user Id", "line 4: missing user Id");
  }

  private static Set<List<String>> distinctEdges(CollectingSink out, InteractionKind kind) {
    Set<List<String>> edges = new HashSet<>();
    resolved(out, kind).forEach(e -> edges.add(e));
    return edges;
  }

  private static long edgeWeight(CollectingSink out, InteractionKind kind) {
    return resolved(out, kind).size();
  }

  /** Source author to target-post author, self-interactions and unknown authors left out, as SOURCE.md counts. */
  private static List<List<String>> resolved(CollectingSink out, InteractionKind kind) {
    Map<String, String> authorOf = new HashMap<>();
    out.posts.forEach(p -> authorOf.put(p.postId(), p.authorId()));
    return out.interactions.stream().filter(i -> i.kind() == kind)
        .map(i -> List.of(String.valueOf(i.srcAuthor()), String.valueOf(authorOf.get(i.dstPostId()))))
        .filter(e -> !e.get(0).equals("null") && !e.get(1).equals("null") && !e.get(0).equals(e.get(1)))
        .toList();
  }
}
