package io.listeningpost.ingest.text;

import io.listeningpost.core.Post;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses @mentions (Twitter handles, Mastodon {@code user@host}, Reddit {@code u/name}), #hashtags and
 * links from plain text. Sources that carry entities (the Twitter and Mastodon APIs) keep theirs;
 * this fills only what a source left empty.
 *
 * <p>Why not twitter-text: its extractor took 380-760 µs per post for hashtags and URLs here (its
 * patterns validate every TLD), which alone capped ingest at a few thousand posts per second. These
 * patterns take a few µs and agree with it on the entity shapes our sources use.
 */
public final class TextEntities {
  /** What follows an '@' in a mention; the character before the '@' is checked by hand, for speed. */
  private static final Pattern MENTION = Pattern.compile(
      "([A-Za-z0-9_]{1,30})(@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,})?(?![A-Za-z0-9_])");
  private static final Pattern REDDIT_USER = Pattern.compile("(?<![\\w/])/?u/([A-Za-z0-9_-]{3,20})\\b");
  /** What follows a '#' in a hashtag: word characters with at least one letter ("#1" is no tag). */
  private static final Pattern HASHTAG = Pattern.compile("[\\p{L}\\p{M}\\p{N}_]*[\\p{L}\\p{M}][\\p{L}\\p{M}\\p{N}_]*");
  private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"'`{}|\\\\^\\[\\]()]+", Pattern.CASE_INSENSITIVE);

  private TextEntities() {}

  public static void fillMissing(Post.Builder post) {
    String text = post.text();
    String all = post.title() == null ? text : post.title() + "\n" + text;
    if (post.mentions() == null) {
      post.mentions(mentions(all));
    }
    if (post.hashtags() == null) {
      post.hashtags(hashtags(all));
    }
    if (post.links() == null) {
      post.links(links(all));
    }
  }

  /** Mentioned handles, lower-cased, in order of first appearance. */
  public static List<String> mentions(String text) {
    Set<String> out = new LinkedHashSet<>();
    Matcher m = null;
    for (int at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
      char before = at > 0 ? text.charAt(at - 1) : ' ';
      if (Character.isLetterOrDigit(before) || "_@.+/-".indexOf(before) >= 0) {
        continue;
      }
      m = m == null ? MENTION.matcher(text) : m;
      if (m.region(at + 1, text.length()).lookingAt()) {
        out.add((m.group(1) + (m.group(2) == null ? "" : m.group(2))).toLowerCase(Locale.ROOT));
      }
    }
    if (text.indexOf("u/") >= 0) {
      Matcher r = REDDIT_USER.matcher(text);
      while (r.find()) {
        out.add(r.group(1).toLowerCase(Locale.ROOT));
      }
    }
    return out.isEmpty() ? List.of() : new ArrayList<>(out);
  }

  /**
   * The text with each handle that {@link #mentions} finds ({@code @name}, {@code @user@host},
   * {@code u/name}) replaced by {@code replacement} of its lower-cased form; a null replacement keeps
   * the handle as written.
   */
  public static String replaceMentions(String text, UnaryOperator<String> replacement) {
    if (text == null || (text.indexOf('@') < 0 && text.indexOf("u/") < 0)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int copied = 0;
    Matcher m = MENTION.matcher(text);
    for (int at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
      char before = at > 0 ? text.charAt(at - 1) : ' ';
      if (at < copied || Character.isLetterOrDigit(before) || "_@.+/-".indexOf(before) >= 0) {
        continue;
      }
      if (m.region(at + 1, text.length()).lookingAt()) {
        String handle = (m.group(1) + (m.group(2) == null ? "" : m.group(2))).toLowerCase(Locale.ROOT);
        String with = replacement.apply(handle);
        if (with != null) {
          out.append(text, copied, at + 1).append(with);
          copied = m.end();
        }
      }
    }
    String handled = out.append(text, copied, text.length()).toString();
    if (handled.indexOf("u/") < 0) {
      return handled;
    }
    StringBuilder reddit = new StringBuilder(handled.length());
    Matcher r = REDDIT_USER.matcher(handled);
    int last = 0;
    while (r.find()) {
      String with = replacement.apply(r.group(1).toLowerCase(Locale.ROOT));
      if (with != null) {
        reddit.append(handled, last, r.start(1)).append(with);
        last = r.end(1);
      }
    }
    return reddit.append(handled, last, handled.length()).toString();
  }

  /** Hashtags, lower-cased and without the '#', in order of first appearance. */
  public static List<String> hashtags(String text) {
    Set<String> out = new LinkedHashSet<>();
    Matcher m = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '#' && c != '＃') {
        continue;
      }
      char before = i > 0 ? text.charAt(i - 1) : ' ';
      if (Character.isLetterOrDigit(before) || "_&/#＃".indexOf(before) >= 0) {
        continue;
      }
      m = m == null ? HASHTAG.matcher(text) : m;
      if (m.region(i + 1, text.length()).lookingAt()) {
        out.add(m.group().toLowerCase(Locale.ROOT));
        i = m.end() - 1;
      }
    }
    return out.isEmpty() ? List.of() : new ArrayList<>(out);
  }

  /** http(s) links, without the sentence punctuation that follows them. */
  public static List<String> links(String text) {
    if (!text.contains("://")) {
      return List.of();
    }
    Set<String> out = new LinkedHashSet<>();
    Matcher m = LINK.matcher(text);
    while (m.find()) {
      String url = m.group();
      int end = url.length();
      while (end > 0 && ".,;:!?…".indexOf(url.charAt(end - 1)) >= 0) {
        end--;
      }
      if (end > "https://".length()) {
        out.add(url.substring(0, end));
      }
    }
    return new ArrayList<>(out);
  }

  /** Merges links found in markup with links written as plain text, without repeats. */
  public static List<String> union(List<String> a, List<String> b) {
    if (b.isEmpty()) {
      return a;
    }
    Set<String> s = new LinkedHashSet<>(a);
    s.addAll(b);
    return new ArrayList<>(s);
  }
}
