package io.listeningpost.audiences;

import java.util.List;

/**
 * How well a question was answered, from its direct replies. No source tells us which answer the asker
 * accepted, so a good answer is one the community endorsed: a reply by someone other than the asker,
 * long enough to answer ({@link #MIN_ANSWER_WORDS} words), and voted above what a reply with no votes
 * scores on its platform. Where the platform records no score, a long enough reply whose tone is not
 * negative counts as good. Plain Java, so the rule is tested without Spark.
 */
public final class AnswerQuality {
  /** A reply shorter than this ("thanks", "same here", "did you try X?") does not answer. */
  public static final int MIN_ANSWER_WORDS = 12;
  /** A reply without a score at or below this sentiment does not answer. */
  public static final double NEGATIVE_TONE = -0.25;

  private AnswerQuality() {}

  public enum Verdict {
    /** Nobody but the asker replied. */
    UNANSWERED,
    /** Others replied, and none of their replies is a good answer. */
    POORLY_ANSWERED,
    /** At least one good answer. */
    ANSWERED
  }

  /**
   * One direct reply to the question.
   *
   * @param author its author id, null when the source does not say
   * @param score its votes, likes or favourites; null when the platform records none
   * @param words its words ({@link #words})
   * @param sentiment its post sentiment in [-1, 1], null when not scored
   */
  public record Reply(String author, Long score, int words, Double sentiment) {}

  /**
   * The verdict, and what the replies from others were like: how many, how many too short, how many
   * voted below an unvoted reply.
   */
  public record Assessment(Verdict verdict, int fromOthers, int tooShort, int votedDown) {}

  /**
   * The score of a reply nobody has voted on: 1 on Reddit, where authors' own upvote counts, 0 on the other
   * platforms.
   */
  public static long unvotedScore(String platform) {
    return "reddit".equals(platform) ? 1 : 0;
  }

  /**
   * @param asker the question's author, null when unknown (then every reply counts as from someone else)
   * @param platform the question's platform, for {@link #unvotedScore}
   */
  public static Assessment assess(String asker, String platform, List<Reply> replies) {
    long unvoted = unvotedScore(platform);
    int fromOthers = 0;
    int tooShort = 0;
    int votedDown = 0;
    boolean good = false;
    for (Reply r : replies) {
      if (asker != null && asker.equals(r.author())) {
        continue;
      }
      fromOthers++;
      boolean longEnough = r.words() >= MIN_ANSWER_WORDS;
      if (!longEnough) {
        tooShort++;
      }
      if (r.score() != null && r.score() < unvoted) {
        votedDown++;
      }
      boolean endorsed = r.score() != null ? r.score() > unvoted
          : r.sentiment() == null || r.sentiment() > NEGATIVE_TONE;
      good |= longEnough && endorsed;
    }
    Verdict v = fromOthers == 0 ? Verdict.UNANSWERED : good ? Verdict.ANSWERED : Verdict.POORLY_ANSWERED;
    return new Assessment(v, fromOthers, tooShort, votedDown);
  }

  /** Words of a reply's title and text: runs of characters between white space with a letter or digit. */
  public static int words(String title, String text) {
    return count(title) + count(text);
  }

  private static int count(String s) {
    if (s == null) {
      return 0;
    }
    int n = 0;
    boolean inWord = false;
    boolean hasAlnum = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isWhitespace(cp)) {
        if (inWord && hasAlnum) {
          n++;
        }
        inWord = false;
        hasAlnum = false;
      } else {
        inWord = true;
        hasAlnum |= Character.isLetterOrDigit(cp);
      }
    }
    return inWord && hasAlnum ? n + 1 : n;
  }
}
