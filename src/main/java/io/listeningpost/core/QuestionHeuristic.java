package io.listeningpost.core;

import java.util.regex.Pattern;

/**
 * Decides {@code is_question} for sources that do not say it themselves (Stack Exchange does).
 * A post is a question when its title, or one of its first three sentences, ends in a question mark,
 * or when it opens with an interrogative phrase used to ask communities for advice.
 */
public final class QuestionHeuristic {
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+|\\n+");
  private static final Pattern ASKING_OPENER = Pattern.compile(
      "^(?i)(any (advice|tips|recommendations|thoughts)|does anyone|has anyone|is it (normal|worth|ok|okay)"
          + "|should i|how (do|can|should) i|what (do|should|would) you|can someone|looking for advice)\\b");

  private QuestionHeuristic() {}

  public static boolean looksLikeQuestion(String title, String text) {
    if (title != null && endsWithQuestionMark(title)) {
      return true;
    }
    String probe = title != null && !title.isBlank() ? title : text;
    if (probe != null && ASKING_OPENER.matcher(probe.strip()).find()) {
      return true;
    }
    if (text == null || text.isEmpty()) {
      return false;
    }
    String head = text.length() > 600 ? text.substring(0, 600) : text;
    String[] sentences = SENTENCE_END.split(head, 4);
    for (int i = 0; i < Math.min(3, sentences.length); i++) {
      if (endsWithQuestionMark(sentences[i])) {
        return true;
      }
    }
    return false;
  }

  private static boolean endsWithQuestionMark(String s) {
    String t = s.strip();
    while (!t.isEmpty() && !Character.isLetterOrDigit(t.charAt(t.length() - 1)) && t.charAt(t.length() - 1) != '?') {
      t = t.substring(0, t.length() - 1);
    }
    return t.endsWith("?");
  }
}
