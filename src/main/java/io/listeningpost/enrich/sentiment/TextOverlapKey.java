package io.listeningpost.enrich.sentiment;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.parser.Parser;

/**
 * The exact-match key under which two texts from different sets count as the same text. The sets disagree
 * on surface form: the 2013 SemEval files write a bare {@code &} and literal {@code \u2019} escapes, the
 * 2014-2016 files {@code &amp;}, TweetEval replaces handles with {@code @user}. The key decodes both kinds
 * of escape, replaces links and handles by placeholders, and ignores case, punctuation and whitespace.
 * {@link NearDuplicateIndex} is the second, independent check.
 */
public final class TextOverlapKey {
  private static final Pattern ESCAPE = Pattern.compile("\\\\u([0-9a-fA-F]{4})");
  private static final Pattern URL = Pattern.compile("(?:https?://|www\\.)\\S+");
  private static final Pattern HANDLE = Pattern.compile("@\\w+");
  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}@\uE000]+");
  /** A private-use character stands for a link until handles are replaced, so no link reads as a handle. */
  private static final String LINK = "\uE000";
  /** "&amp;amp;" occurs where a text was escaped twice upstream; three rounds undo that and more. */
  private static final int ENTITY_ROUNDS = 3;

  private TextOverlapKey() {}

  /** The key: decoded, links "@url", handles "@user", lower case, runs of anything but letters and digits one space. */
  public static String of(String text) {
    String s = decode(text);
    s = URL.matcher(s).replaceAll(" " + LINK + " ");
    s = HANDLE.matcher(s).replaceAll(" @user ");
    s = s.toLowerCase(Locale.ROOT);
    return NON_WORD.matcher(s).replaceAll(" ").trim().replace(LINK, "@url");
  }

  /** The text with literal backslash-u escapes and HTML entities decoded, nothing else changed. */
  public static String decode(String text) {
    String s = unescapeJava(text);
    for (int i = 0; i < ENTITY_ROUNDS && s.indexOf('&') >= 0; i++) {
      String d = Parser.unescapeEntities(s, false);
      if (d.equals(s)) {
        break;
      }
      s = d;
    }
    return s;
  }

  /** Literal "\\u2019"-style escapes, as the 2013 SemEval files carry them, decoded. */
  static String unescapeJava(String s) {
    if (s.indexOf("\\u") < 0) {
      return s;
    }
    Matcher m = ESCAPE.matcher(s);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(b, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
    }
    m.appendTail(b);
    return b.toString();
  }
}
