package io.listeningpost.ingest;

import io.listeningpost.core.AuthorProfile;
import io.listeningpost.core.ErasedIdentities;
import io.listeningpost.core.Interaction;
import io.listeningpost.core.LinkHandles;
import io.listeningpost.core.InteractionKind;
import io.listeningpost.core.Post;
import io.listeningpost.ingest.text.TextEntities;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Keeps what {@code forget} erased out of every later ingest, record by record, after pseudonymisation
 * (so it compares ids as the tables store them), from the fingerprints of the erasure register:
 * <ul>
 *   <li>an erased author's posts, profiles and interactions are refused, with a quarantine row that names
 *       the file and position but holds no excerpt, reason {@value #AUTHOR_ERASED};</li>
 *   <li>a share of an erased author (its post was removed with them, or its share interaction targets
 *       them or one of their posts) is refused the same way, reason {@value #SHARE_ERASED};</li>
 *   <li>in everyone else's records, an interaction towards an erased author loses its {@code dst_author},
 *       an erased author's handles are dropped from {@code mentions} and written {@code @[erased]} in
 *       titles and texts, and links to the removed posts or to an erased author's profile are dropped from {@code links}.</li>
 * </ul>
 * These are the same changes {@code forget} made to the tables, so a record read again merges with the
 * row forget left.
 */
final class ErasureFilter implements Serializable {
  private static final long serialVersionUID = 1L;
  static final String AUTHOR_ERASED = "author erased (forget)";
  static final String SHARE_ERASED = "share of an erased author's post (forget)";
  /** What an erased handle becomes in a text. */
  static final String REDACTED = "[erased]";

  private final ErasedIdentities erased;

  ErasureFilter(ErasedIdentities erased) {
    this.erased = erased;
  }

  /**
   * The quarantine reason when the post is not to be stored; null when it is.
   *
   * @param sharesOfErased ids of the posts, read with this one, that {@link #sharesErased} a share of an
   *     erased author
   */
  String refusal(Post p, Set<String> sharesOfErased) {
    if (erased.author(p.platform(), p.authorId())) {
      return AUTHOR_ERASED;
    }
    if (erased.post(p.platform(), p.postId()) || sharesOfErased.contains(p.postId())) {
      return SHARE_ERASED;
    }
    return null;
  }

  /** Whether the interaction is a share of an erased author or of a post removed with them: its post goes too. */
  boolean sharesErased(Interaction i) {
    return i.kind() == InteractionKind.SHARE && (towardsErased(i) || erased.post(i.platform(), i.dstPostId()));
  }

  /** A stored post without the erased authors' handles. */
  Post redacted(Post p) {
    List<String> mentions = new ArrayList<>(p.mentions().size());
    for (String m : p.mentions()) {
      if (!erased.handle(p.platform(), m) && !erased.author(p.platform(), m)) {
        mentions.add(m);
      }
    }
    List<String> links = new ArrayList<>(p.links().size());
    for (String l : p.links()) {
      if (!erased.link(l) && LinkHandles.of(l).stream().noneMatch(h -> erased.handle(p.platform(), h))) {
        links.add(l);
      }
    }
    String title = text(p.platform(), p.title());
    String text = text(p.platform(), p.text());
    if (mentions.size() == p.mentions().size() && links.size() == p.links().size() && same(title, p.title())
        && same(text, p.text())) {
      return p;
    }
    return new Post(p.platform(), p.community(), p.postId(), p.parentId(), p.threadId(), p.kind(), p.authorId(),
        p.authorName(), p.createdAt(), p.editedAt(), title, text, p.textTruncated(), p.url(), p.score(),
        p.replyCount(), p.shareCount(), mentions, p.hashtags(), links, p.lang(), p.isQuestion(), p.source(),
        p.position());
  }

  String refusal(AuthorProfile a) {
    return erased.author(a.platform(), a.authorId()) ? AUTHOR_ERASED : null;
  }

  String refusal(Interaction i) {
    if (erased.author(i.platform(), i.srcAuthor())) {
      return AUTHOR_ERASED;
    }
    if (erased.post(i.platform(), i.postId()) || sharesErased(i)) {
      return SHARE_ERASED;
    }
    return null;
  }

  /** A stored interaction; one towards an erased author no longer names them. */
  Interaction redacted(Interaction i) {
    if (!towardsErased(i)) {
      return i;
    }
    return new Interaction(i.platform(), i.srcAuthor(), null, i.dstPostId(), i.kind(), i.postId(), i.community(),
        i.createdAt());
  }

  private boolean towardsErased(Interaction i) {
    return erased.author(i.platform(), i.dstAuthor()) || erased.handle(i.platform(), i.dstAuthor());
  }

  private String text(String platform, String text) {
    return TextEntities.replaceMentions(text, h -> erased.handle(platform, h) ? REDACTED : null);
  }

  private static boolean same(String a, String b) {
    return a == null ? b == null : a.equals(b);
  }
}
