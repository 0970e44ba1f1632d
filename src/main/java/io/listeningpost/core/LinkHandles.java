package io.listeningpost.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The path segments of a link that can be a person's handle: a profile link names its person
 * ({@code https://hachyderm.io/@kim}, {@code https://x.com/kim}, {@code https://reddit.com/u/kim}). Erasure
 * drops a link from others' posts when one of these is an erased author's handle.
 */
public final class LinkHandles {
  private LinkHandles() {}

  /** Each path segment of the link, lower case, without a leading {@code @}; none for a link without a path. */
  public static List<String> of(String link) {
    List<String> out = new ArrayList<>();
    if (link == null) {
      return out;
    }
    int scheme = link.indexOf("://");
    int pathStart = link.indexOf('/', scheme < 0 ? 0 : scheme + 3);
    if (pathStart < 0) {
      return out;
    }
    int end = link.length();
    for (char c : new char[] {'?', '#'}) {
      int at = link.indexOf(c, pathStart);
      if (at >= 0 && at < end) {
        end = at;
      }
    }
    for (String segment : link.substring(pathStart, end).split("/")) {
      String s = segment.startsWith("@") ? segment.substring(1) : segment;
      if (!s.isEmpty()) {
        out.add(s.toLowerCase(Locale.ROOT));
      }
    }
    return out;
  }
}
