package io.listeningpost.report;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Links the report may make clickable: absolute http and https URLs only. Anything else a source put in a
 * URL field ({@code javascript:}, {@code data:}, relative or malformed) is shown as text, never as a link.
 */
public final class SafeLink {
  /** The URL if it may be a link, else null. */
  public static String of(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    String u = url.strip();
    try {
      URI uri = new URI(u);
      String scheme = uri.getScheme();
      if (scheme == null || uri.getHost() == null) {
        return null;
      }
      String s = scheme.toLowerCase(Locale.ROOT);
      return s.equals("http") || s.equals("https") ? uri.toASCIIString() : null;
    } catch (URISyntaxException e) {
      return null;
    }
  }

  private SafeLink() {}
}
