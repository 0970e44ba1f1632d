package io.listeningpost.audiences;

import static org.assertj.core.api.Assertions.assertThat;

import io.listeningpost.audiences.AnswerQuality.Assessment;
import io.listeningpost.audiences.AnswerQuality.Reply;
import io.listeningpost.audiences.AnswerQuality.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerQualityTest {
  private static final int LONG = AnswerQuality.MIN_ANSWER_WORDS;
  private static final int SHORT = AnswerQuality.MIN_ANSWER_WORDS - 1;

  @Test
  void aQuestionWithoutRepliesOrOnlyTheAskersOwnIsUnanswered() {
    assertThat(AnswerQuality.assess("ann", "stackexchange", List.of()))
        .isEqualTo(new Assessment(Verdict.UNANSWERED, 0, 0, 0));
    assertThat(AnswerQuality.assess("ann", "stackexchange", List.of(new Reply("ann", 5L, 40, null))).verdict())
        .isEqualTo(Verdict.UNANSWERED);
  }

  @Test
  void aLongReplyVotedUpBySomeoneElseAnswers() {
    assertThat(AnswerQuality.assess("ann", "stackexchange", List.of(new Reply("bob", 1L, LONG, null))).verdict())
        .isEqualTo(Verdict.ANSWERED);
    // Unknown authors are someone else, as for unanswered questions.
    assertThat(AnswerQuality.assess(null, "stackexchange", List.of(new Reply(null, 3L, LONG, -0.9))).verdict())
        .isEqualTo(Verdict.ANSWERED);
  }

  @Test
  void repliesNobodyVotedUpOrVotedDownOrTooShortAnswerPoorly() {
    Assessment a = AnswerQuality.assess("ann", "stackexchange", List.of(new Reply("bob", 0L, LONG, null),
        new Reply("cat", -2L, 80, null), new Reply("dan", 4L, SHORT, null), new Reply("ann", 9L, 80, null)));
    assertThat(a).isEqualTo(new Assessment(Verdict.POORLY_ANSWERED, 3, 1, 1));
  }

  @Test
  void onRedditTheAuthorsOwnUpvoteIsNotAnEndorsement() {
    assertThat(AnswerQuality.assess("ann", "reddit", List.of(new Reply("bob", 1L, LONG, null))).verdict())
        .isEqualTo(Verdict.POORLY_ANSWERED);
    assertThat(AnswerQuality.assess("ann", "reddit", List.of(new Reply("bob", 2L, LONG, null))).verdict())
        .isEqualTo(Verdict.ANSWERED);
    assertThat(AnswerQuality.assess("ann", "reddit", List.of(new Reply("bob", 0L, LONG, null))).votedDown())
        .isEqualTo(1);
  }

  @Test
  void withoutScoresALongReplyAnswersUnlessItsToneIsNegative() {
    assertThat(AnswerQuality.assess("ann", "forum", List.of(new Reply("bob", null, LONG, null))).verdict())
        .isEqualTo(Verdict.ANSWERED);
    assertThat(AnswerQuality.assess("ann", "forum", List.of(new Reply("bob", null, LONG, 0.1))).verdict())
        .isEqualTo(Verdict.ANSWERED);
    assertThat(AnswerQuality.assess("ann", "forum", List.of(new Reply("bob", null, LONG,
        AnswerQuality.NEGATIVE_TONE))).verdict()).isEqualTo(Verdict.POORLY_ANSWERED);
    assertThat(AnswerQuality.assess("ann", "forum", List.of(new Reply("bob", null, SHORT, 0.8))).verdict())
        .isEqualTo(Verdict.POORLY_ANSWERED);
  }

  @Test
  void wordsAreRunsBetweenWhiteSpaceWithALetterOrDigit() {
    assertThat(AnswerQuality.words(null, null)).isZero();
    assertThat(AnswerQuality.words("Re: panel", "  Try the STAR method — it works!\n:-) 2 times ")).isEqualTo(10);
    assertThat(AnswerQuality.words("", "¿Qué tal?")).isEqualTo(2);
  }
}
