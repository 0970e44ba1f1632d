package io.listeningpost.ingest.text;

import com.twitter.twittertext.Extractor;
import io.listeningpost.core.Post;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses @mentions, #hashtags and links from plain text with Twitter's own text library, plus the
 * {@code u/name} mentions of Reddit. Sources that carry entities (the Twitter and Mastodon APIs)
 * keep theirs; this fills only what a source left empty.
 */
public final class TextEntities {
  private static final ThreadLocal<Extractor> EXTRACTOR = ThreadLocal.withInitial(() -> {
    Extractor e = new Extractor();
    e.setExtractURLWithoutProtocol(false);
    return e;
  });
  private static final Pattern REDDIT_USER = Pattern.compile("(?<![\\w/])/?u/([A-Za-z0-9_-]{3,20})\\b");

  private TextEntities() {}

  public static void fillMissing(Post.Builder post) {
    String text = post.text();
    String all = post.title() == null ? text : post.title() + "\n" + text;
    boolean cheap = all.indexOf('@') < 0 && all.indexOf('#') < 0 && all.indexOf('/') < 0 && all.indexOf('＃') < 0;
    if (post.mentions() == null) {
      post.mentions(cheap ? List.of() : mentions(all));
    }
    if (post.hashtags() == null) {
      post.hashtags(cheap ? List.of() : hashtags(all));
    }
    if (post.links() == null) {
      post.links(cheap ? List.of() : links(all));
    }
  }

  public static List<String> mentions(String text) {
    Set<String> out = new LinkedHashSet<>();
    if (text.indexOf('@') >= 0) {
      for (String m : EXTRACTOR.get().extractMentionedScreennames(text)) {
        out.add(m.toLowerCase(Locale.ROOT));
      }
    }
    if (text.indexOf("u/") >= 0) {
      Matcher m = REDDIT_USER.matcher(text);
      while (m.find()) {
        out.add(m.group(1).toLowerCase(Locale.ROOT));
      }
    }
    return new ArrayList<>(out);
  }

  /** Hashtags, lower-cased and without the '#', in order of first appearance. */
  public static List<String> hashtags(String text) {
    if (text.indexOf('#') < 0 && text.indexOf('＃') < 0) {
      return List.of();
    }
    Set<String> out = new LinkedHashSet<>();
    for (String h : EXTRACTOR.get().extractHashtags(text)) {
      out.add(h.toLowerCase(Locale.ROOT));
    }
    return new ArrayList<>(out);
  }

  public static List<String> links(String text) {
    if (!text.contains("://")) {
      return List.of();
    }
    return new ArrayList<>(new LinkedHashSet<>(EXTRACTOR.get().extractURLs(text)));
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
