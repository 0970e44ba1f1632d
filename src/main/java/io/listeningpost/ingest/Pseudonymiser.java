package io.listeningpost.ingest;

import io.listeningpost.core.AuthorProfile;
import io.listeningpost.core.Interaction;
import io.listeningpost.core.Post;
import io.listeningpost.core.Pseudonyms;
import io.listeningpost.core.QuarantineRecord;
import io.listeningpost.core.config.WatchTerm;
import io.listeningpost.ingest.text.TextEntities;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Replaces author identities in what the adapters read, before anything is stored, so that every table
 * downstream only ever holds pseudonyms: author ids and names, mentioned handles (in {@code mentions},
 * interactions and the {@code @handle}s and {@code u/name}s of titles and texts). Each value is replaced
 * by its own {@link Pseudonyms pseudonym}, so values that were equal (an author id and a mention of it)
 * stay equal and every join still holds.
 *
 * <p>Kept as they are: the handles of the watched brands and competitors (an organisation, not a
 * person, and the enrich stage matches them). Dropped: post urls, which name the author on several
 * platforms (x.com/name/status/…, instance/@name/…), and quarantine excerpts, raw input that can hold
 * any identity; a quarantined record is still found by its source and position.
 */
final class Pseudonymiser implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Pseudonyms pseudonyms;
  private final Set<String> watchedHandles;

  Pseudonymiser(Pseudonyms pseudonyms, List<WatchTerm> watch) {
    this.pseudonyms = pseudonyms;
    this.watchedHandles = handlesOf(watch);
  }

  Post post(Post p) {
    List<String> mentions = new ArrayList<>(p.mentions().size());
    p.mentions().forEach(m -> mentions.add(id(m)));
    return new Post(p.platform(), p.community(), p.postId(), p.parentId(), p.threadId(), p.kind(), id(p.authorId()),
        id(p.authorName()), p.createdAt(), p.editedAt(), text(p.title()), text(p.text()), p.textTruncated(), null,
        p.score(), p.replyCount(), p.shareCount(), mentions, p.hashtags(), p.links(), p.lang(), p.isQuestion(),
        p.source(), p.position());
  }

  AuthorProfile author(AuthorProfile a) {
    return new AuthorProfile(a.platform(), id(a.authorId()), id(a.name()), a.accountCreatedAt(), a.observedAt(),
        a.reputation(), a.followers(), a.following(), a.location(), a.source());
  }

  Interaction interaction(Interaction i) {
    return new Interaction(i.platform(), id(i.srcAuthor()), id(i.dstAuthor()), i.dstPostId(), i.kind(), i.postId(),
        i.community(), i.createdAt());
  }

  QuarantineRecord quarantine(QuarantineRecord q) {
    return new QuarantineRecord(q.source(), q.format(), q.table(), q.position(), null, q.reason());
  }

  /** The pseudonym of an author id, name or handle; a watched organisation's handle stays. */
  private String id(String value) {
    if (value == null || watchedHandles.contains(value.toLowerCase(Locale.ROOT))) {
      return value;
    }
    return pseudonyms.of(value);
  }

  private String text(String text) {
    return TextEntities.replaceMentions(text, handle -> watchedHandles.contains(handle) ? null : pseudonyms.of(handle));
  }

  /** The handles a watched name is written as: lower-cased, spaces dropped or joined with '_'. */
  static Set<String> handlesOf(List<WatchTerm> watch) {
    Set<String> handles = new HashSet<>();
    for (WatchTerm t : watch) {
      List<String> names = new ArrayList<>(t.aliases());
      names.add(t.name());
      for (String n : names) {
        String lower = n.strip().replaceFirst("^[@#]", "").toLowerCase(Locale.ROOT);
        handles.add(lower.replaceAll("[^a-z0-9_]", ""));
        handles.add(lower.replaceAll("\\s+", "_").replaceAll("[^a-z0-9_]", ""));
      }
    }
    handles.remove("");
    return Set.copyOf(handles);
  }
}
