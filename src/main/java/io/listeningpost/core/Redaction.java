package io.listeningpost.core;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks the secrets a location can carry before it is printed or recorded: the user and password of a
 * URL ({@code s3a://KEY:SECRET@bucket/…}, {@code https://user:pass@host/…}) and the value of a query
 * parameter that names a token, password, key or signature ({@code ?token=…}, {@code &sig=…}).
 *
 * <p>It works on any text, so that a message quoting a location is masked as a whole. When it cannot tell
 * where a password ends (one holding {@code /} or {@code @}, as AWS secrets may), it masks up to the last
 * {@code @} of the location: it may hide a host along with the password, never a part of the password.
 */
public final class Redaction {
  /** What replaces a secret. */
  public static final String MASK = "***";

  private static final String SCHEME_SEPARATOR = "://";
  /** Characters that end a location quoted in a message. */
  private static final String LOCATION_END = "\"'`<>";
  private static final Pattern SECRET_PARAMETER = Pattern.compile(
      "(?i)([?&;][\\w.\\-]*(?:token|passw(?:or)?d|pwd|secret|key|sig|signature|credential|auth)[\\w.\\-]*=)"
          + "[^&#\\s\"'`<>]*");

  private Redaction() {}

  /** {@code text} with every URL credential and secret query parameter replaced by {@link #MASK}; null stays null. */
  public static String mask(String text) {
    if (text == null) {
      return null;
    }
    return maskParameters(maskUserInfo(text));
  }

  /** The stack trace of {@code e}, as {@link Throwable#printStackTrace()} writes it, masked. */
  public static String stackTrace(Throwable e) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    return mask(trace.toString());
  }

  private static String maskUserInfo(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int from = 0;
    int sep;
    while ((sep = text.indexOf(SCHEME_SEPARATOR, from)) >= 0) {
      int start = sep + SCHEME_SEPARATOR.length();
      int end = start;
      while (end < text.length() && !Character.isWhitespace(text.charAt(end))
          && LOCATION_END.indexOf(text.charAt(end)) < 0) {
        end++;
      }
      out.append(text, from, start);
      String location = text.substring(start, end);
      int userInfoEnd = userInfoEnd(location);
      if (userInfoEnd < 0) {
        // The rest of the location may hold another URL (a location inside a query): scan it too.
        from = start;
      } else {
        out.append(MASK).append(location, userInfoEnd, location.length());
        from = end;
      }
    }
    out.append(text, from, text.length());
    return out.toString();
  }

  /** Index of the {@code @} that ends the user info of {@code location} (the part after "://"), or -1. */
  private static int userInfoEnd(String location) {
    int firstAt = location.indexOf('@');
    if (firstAt < 0) {
      return -1;
    }
    int pathStart = indexOfAny(location, "/?#");
    int colon = location.indexOf(':');
    if (colon >= 0 && colon < firstAt && colon < pathStart) {
      // user:password@host — the password may hold '/', '@' or '?', so the user info runs to the last '@'.
      return location.lastIndexOf('@');
    }
    if (firstAt < pathStart) {
      // token@host: the user info runs to the last '@' before the path.
      return location.lastIndexOf('@', pathStart - 1);
    }
    return -1;
  }

  private static int indexOfAny(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return s.length();
  }

  private static String maskParameters(String text) {
    Matcher m = SECRET_PARAMETER.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + MASK));
    }
    m.appendTail(out);
    return out.toString();
  }
}
