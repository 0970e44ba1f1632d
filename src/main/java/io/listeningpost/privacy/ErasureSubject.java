package io.listeningpost.privacy;

import io.listeningpost.core.LinkHandles;
import io.listeningpost.ingest.text.TextEntities;
import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The author to erase, as the warehouse holds them: their ids per platform, their names and handles, the
 * posts that go with them (their own, and shares of them) and those posts' links. Plain Java, applied row
 * by row by {@link ErasureRules}.
 *
 * <p>Values are compared as they are stored: ids exactly, names and handles in lower case. In free text
 * (a segment's description, a strategy answer, an alert's reason, NLP lemmas and entities) a name or id is
 * found as a whole word (not inside a longer word, id or hyphenated name) in any case, and only when it is at
 * least {@value #MIN_WORD_CHARS} characters long,
 * so that a short name does not take ordinary words with it.
 */
public final class ErasureSubject implements Serializable {
  private static final long serialVersionUID = 1L;
  /** What a name, id or handle of the erased author becomes in a text. */
  public static final String REDACTED = "[erased]";
  static final int MIN_WORD_CHARS = 4;
  private static final char SEP = '\u0001';

  private final Set<String> authors;
  private final Set<String> handles;
  private final Set<String> people;
  private final Set<String> posts;
  private final Set<String> postIds;
  private final Set<String> links;
  private final Set<String> excerpts;
  private final Set<String> goneTexts;
  private final Pattern words;

  /**
   * @param authors {@code platform|author_id} of the author's accounts
   * @param handles {@code platform|name} of their names and handles, lower case
   * @param posts {@code platform|post_id} of the posts that go
   * @param links the links of those posts
   * @param excerpts the alert evidence excerpts of those posts
   * @param goneTexts the text hashes that no post holds once they go (their NLP cache entries go too)
   */
  ErasureSubject(Set<String> authors, Set<String> handles, Set<String> posts, Set<String> links, Set<String> excerpts,
      Set<String> goneTexts) {
    this.authors = Set.copyOf(authors);
    this.handles = lower(handles);
    this.posts = Set.copyOf(posts);
    this.links = Set.copyOf(links);
    this.excerpts = Set.copyOf(excerpts);
    this.goneTexts = Set.copyOf(goneTexts);
    this.postIds = posts.stream().map(ErasureSubject::value).collect(Collectors.toUnmodifiableSet());
    Set<String> names = new HashSet<>();
    authors.forEach(a -> {
      names.add(value(a).toLowerCase(Locale.ROOT));
      names.add(a.replace(SEP, '|').toLowerCase(Locale.ROOT));
    });
    this.handles.forEach(h -> names.add(value(h)));
    this.people = Set.copyOf(names);
    List<String> searchable = names.stream().filter(n -> n.length() >= MIN_WORD_CHARS)
        .sorted((a, b) -> b.length() - a.length()).map(Pattern::quote).toList();
    this.words = searchable.isEmpty() ? null
        : Pattern.compile("(?<![\\p{L}\\p{N}_-])(?:" + String.join("|", searchable) + ")(?![\\p{L}\\p{N}_-])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  /** The same author, once the texts that go with them are known. */
  ErasureSubject withGoneTexts(Set<String> texts) {
    return new ErasureSubject(authors, handles, posts, links, excerpts, texts);
  }

  static String key(String platform, String value) {
    return (platform == null ? "" : platform) + SEP + value;
  }

  private static String value(String key) {
    return key.substring(key.indexOf(SEP) + 1);
  }

  private static Set<String> lower(Set<String> keys) {
    return keys.stream().map(k -> k.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
  }

  /** The author ids and names, for the checks that follow an erasure; never written anywhere. */
  Set<String> people() {
    return people;
  }

  Set<String> posts() {
    return posts;
  }

  boolean isAuthor(String platform, String authorId) {
    return authorId != null && authors.contains(key(platform, authorId));
  }

  /** An author column that may hold an id or, for mentions found in texts, a lower-case handle. */
  boolean isAuthorOrHandle(String platform, String value) {
    return value != null && (isAuthor(platform, value) || handles.contains(key(platform, value).toLowerCase(Locale.ROOT)));
  }

  boolean isPost(String platform, String postId) {
    return postId != null && posts.contains(key(platform, postId));
  }

  /** A post id in a list that does not say its platform (example and evidence posts). */
  boolean isPostId(String postId) {
    return postId != null && postIds.contains(postId);
  }

  /** A link to one of the posts that go, or one whose path names the author (a profile link). */
  boolean isLink(String platform, String link) {
    return link != null && (links.contains(link)
        || LinkHandles.of(link).stream().anyMatch(h -> handles.contains(key(platform, h))));
  }

  /** An alert's evidence excerpt that is one of the posts that go. */
  boolean isExcerpt(String excerpt) {
    return excerpt != null && excerpts.contains(excerpt);
  }

  /** A text hash that no post holds once the author's posts go. */
  boolean isGoneText(String textHash) {
    return textHash != null && goneTexts.contains(textHash);
  }

  /**
   * A list entry that names a person: a name or id (top voices, opinion makers), or a graph node id
   * {@code platform|author_id} (top members).
   */
  boolean isPerson(String value) {
    return value != null && people.contains(value.toLowerCase(Locale.ROOT));
  }

  /** Whether the text names the author: a name, id or handle as a whole word. */
  boolean named(String text) {
    return text != null && words != null && words.matcher(text).find();
  }

  /** The text with the author's names, ids and handles written {@value #REDACTED}. */
  String redactWords(String text) {
    if (text == null || words == null) {
      return text;
    }
    Matcher m = words.matcher(text);
    return m.find() ? m.replaceAll(Matcher.quoteReplacement(REDACTED)) : text;
  }

  /** A post's title or text with the author's {@code @handle}s and {@code u/name}s written as {@code @[erased]}. */
  String redactHandles(String platform, String text) {
    return TextEntities.replaceMentions(text, h -> handles.contains(key(platform, h)) ? REDACTED : null);
  }
}
