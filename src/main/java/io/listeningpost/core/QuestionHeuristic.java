package io.listeningpost.core;

import java.util.regex.Pattern;

/**
 * Decides {@code is_question} for sources that do not say it themselves (Stack Exchange does).
 * A post is a question when its title, or one of its first three sentences, ends in a question mark,
 * or when it opens with an interrogative phrase used to ask communities for advice.
 */
public final class QuestionHeuristic {
  private static final Pattern ASKING_OPENER = Pattern.compile(
      "(?i)(any (advice|tips|recommendations|thoughts)|does anyone|has anyone|is it (normal|worth|ok|okay)"
          + "|should i|how (do|can|should) i|what (do|should|would) you|can someone|looking for advice)\\b");
  private static final int HEAD_CHARS = 600;

  private QuestionHeuristic() {}

  public static boolean looksLikeQuestion(String title, String text) {
    if (title != null && endsWithQuestionMark(title)) {
      return true;
    }
    String probe = title != null && !title.isBlank() ? title : text;
    if (probe != null && opensWithAsk(probe)) {
      return true;
    }
    return text != null && earlySentenceIsQuestion(text);
  }

  private static boolean opensWithAsk(String s) {
    int start = 0;
    while (start < s.length() && Character.isWhitespace(s.charAt(start))) {
      start++;
    }
    return ASKING_OPENER.matcher(s).region(start, Math.min(s.length(), start + 60)).lookingAt();
  }

  /** Whether one of the first three sentences (ended by . ! ? or a line break) ends with '?'. */
  private static boolean earlySentenceIsQuestion(String text) {
    int sentences = 0;
    int n = Math.min(text.length(), HEAD_CHARS);
    boolean inSentence = false;
    for (int i = 0; i < n && sentences < 3; i++) {
      char c = text.charAt(i);
      if (c == '?') {
        return true;
      }
      if (c == '.' || c == '!' || c == '\n') {
        if (inSentence && (i + 1 >= n || Character.isWhitespace(text.charAt(i + 1)) || c == '\n')) {
          sentences++;
          inSentence = false;
        }
      } else if (!Character.isWhitespace(c)) {
        inSentence = true;
      }
    }
    return false;
  }

  private static boolean endsWithQuestionMark(String s) {
    for (int i = s.length() - 1; i >= 0; i--) {
      char c = s.charAt(i);
      if (c == '?') {
        return true;
      }
      if (Character.isLetterOrDigit(c)) {
        return false;
      }
    }
    return false;
  }
}
