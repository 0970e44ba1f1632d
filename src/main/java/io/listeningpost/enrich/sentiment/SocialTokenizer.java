package io.listeningpost.enrich.sentiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits social text into the tokens that carry sentiment there: words (with contractions),
 * #hashtags, @handles, links, emoticons, emoji and punctuation runs. CoreNLP's PTB tokenizer breaks
 * emoticons and emoji apart, and they are among the strongest signals in tweets.
 */
public final class SocialTokenizer {

  /** What a token is; features treat each type differently. */
  public enum Type { WORD, HASHTAG, MENTION, URL, NUMBER, EMOTICON, EMOJI, PUNCT }

  /**
   * One token. {@code norm} is lower case with letter runs of three or more squeezed to two, so
   * that "soooo" and "sooo" meet; {@code elongated} and {@code allCaps} keep what squeezing lost.
   */
  public record Token(String text, String norm, Type type, boolean elongated, boolean allCaps) {}

  private static final String EMOTICON = "(?:[<>]?[:;=8xX][\\-o\\*']?[\\)\\]\\(\\[dDpP/\\\\|@3\\*\\$]+"
      + "|[\\)\\]\\(\\[dDpP/\\\\|@3\\*]+[\\-o\\*']?[:;=8][<>]?|<3+|</3+|\\^_*\\^|\\bx+D+\\b|:'\\(|:'\\)|-_-|\\(:|\\):)";
  private static final Pattern TOKEN = Pattern.compile(
      "(?<url>(?:https?://|www\\.)\\S+)"
          + "|(?<mention>@\\w+)"
          + "|(?<hashtag>#[\\p{L}\\p{N}_]+)"
          + "|(?<emoticon>" + EMOTICON + ")(?=\\s|$|[.,!?])"
          + "|(?<number>[+-]?\\d+(?:[.,:/]\\d+)*%?)"
          + "|(?<word>[\\p{L}\\p{M}][\\p{L}\\p{M}\\p{N}_]*(?:['’][\\p{L}]+)*)"
          + "|(?<punct>[!?]+|\\.{2,}|…|[.,;:\"()\\-–—])");
  private static final Pattern ELONGATION = Pattern.compile("(\\p{L})\\1{2,}");

  private SocialTokenizer() {}

  public static List<Token> tokenize(String text) {
    List<Token> out = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return out;
    }
    Matcher m = TOKEN.matcher(text);
    int pos = 0;
    while (pos < text.length()) {
      int cp = text.codePointAt(pos);
      if (isEmoji(cp)) {
        int end = pos + Character.charCount(cp);
        // Variation selectors and skin-tone modifiers belong to the emoji before them.
        while (end < text.length() && isEmojiModifier(text.codePointAt(end))) {
          end += Character.charCount(text.codePointAt(end));
        }
        String e = new String(Character.toChars(cp));
        out.add(new Token(text.substring(pos, end), e, Type.EMOJI, false, false));
        pos = end;
        continue;
      }
      if (Character.isWhitespace(cp)) {
        pos += Character.charCount(cp);
        continue;
      }
      m.region(pos, text.length());
      if (m.lookingAt()) {
        out.add(token(m));
        pos = m.end();
      } else {
        pos += Character.charCount(cp);
      }
    }
    return out;
  }

  private static Token token(Matcher m) {
    String t = m.group();
    if (m.group("url") != null) {
      return new Token(t, "<url>", Type.URL, false, false);
    }
    if (m.group("mention") != null) {
      return new Token(t, "<user>", Type.MENTION, false, false);
    }
    if (m.group("hashtag") != null) {
      String word = t.substring(1).toLowerCase(Locale.ROOT);
      return new Token(t, "#" + squeeze(word), Type.HASHTAG, ELONGATION.matcher(word).find(), false);
    }
    if (m.group("emoticon") != null) {
      return new Token(t, t.toLowerCase(Locale.ROOT), Type.EMOTICON, false, false);
    }
    if (m.group("number") != null) {
      return new Token(t, "<num>", Type.NUMBER, false, false);
    }
    if (m.group("word") != null) {
      String lower = t.toLowerCase(Locale.ROOT).replace('’', '\'');
      boolean elongated = ELONGATION.matcher(lower).find();
      boolean caps = t.length() > 1 && t.equals(t.toUpperCase(Locale.ROOT)) && !t.equals(lower);
      return new Token(t, elongated ? squeeze(lower) : lower, Type.WORD, elongated, caps);
    }
    return new Token(t, t.length() > 1 && (t.charAt(0) == '!' || t.charAt(0) == '?') ? punctRun(t) : t,
        Type.PUNCT, false, false);
  }

  /** "!!!!" and "!!" meet as "!!"; "?!?" becomes "?!". */
  private static String punctRun(String t) {
    boolean bang = t.indexOf('!') >= 0;
    boolean ask = t.indexOf('?') >= 0;
    return bang && ask ? "?!" : bang ? "!!" : "??";
  }

  static String squeeze(String s) {
    return ELONGATION.matcher(s).replaceAll("$1$1");
  }

  static boolean isEmoji(int cp) {
    return (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF) || (cp >= 0x2B00 && cp <= 0x2BFF)
        || cp == 0x2764 || cp == 0x2665 || (cp >= 0x2190 && cp <= 0x21FF) || cp == 0x203C || cp == 0x2049;
  }

  private static boolean isEmojiModifier(int cp) {
    return (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0x1F3FB && cp <= 0x1F3FF) || cp == 0x200D;
  }
}
