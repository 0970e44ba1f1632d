package io.listeningpost.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.listeningpost.enrich.sentiment.Evaluation;
import io.listeningpost.enrich.sentiment.PostSentimentScorer;
import io.listeningpost.enrich.sentiment.SentimentCorpora;
import io.listeningpost.enrich.sentiment.SentimentTrainer;
import io.listeningpost.enrich.sentiment.SocialSentimentModel;
import io.listeningpost.enrich.sentiment.SocialTokenizer;
import io.listeningpost.enrich.sentiment.SocialTokenizer.Type;
import io.listeningpost.testing.SharedData;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped social model: tokenizer, behaviour on clear cases, and accuracy on held-out data. */
class SocialSentimentTest {
  private static final double REDDIT_MIN = 0.70;
  private static final double VADER_MIN = 0.74;
  private static final PostSentimentScorer SCORER = new PostSentimentScorer(SocialSentimentModel.shipped());

  @Test
  void tokenizerKeepsEmojiEmoticonsHashtagsAndHandlesWhole() {
    List<SocialTokenizer.Token> t = SocialTokenizer.tokenize("Sooooo happy :-) #NewJob @AcmeCareers 👍🏽 https://x.co/a");
    assertThat(t).extracting(SocialTokenizer.Token::type)
        .containsExactly(Type.WORD, Type.WORD, Type.EMOTICON, Type.HASHTAG, Type.MENTION, Type.EMOJI, Type.URL);
    assertThat(t.get(0).norm()).isEqualTo("soo");
    assertThat(t.get(0).elongated()).isTrue();
    assertThat(t.get(5).text()).isEqualTo("👍🏽");
    assertThat(t.get(5).norm()).isEqualTo("👍");
  }

  @Test
  void clearlyPositiveNegativeAndFactualPostsGetPositiveNegativeAndNeutral() {
    assertThat(SCORER.social("Just got the offer from Acme!!! So excited to start, best team ever 😍").label())
        .isEqualTo("positive");
    assertThat(SCORER.social("Worst interview of my life. They ghosted me after 5 rounds, never again 😡").label())
        .isEqualTo("negative");
    assertThat(SCORER.social("The application deadline is Friday 17 May.").label()).isEqualTo("neutral");
  }

  @Test
  void negationTurnsPraiseNegativeAndEmojiMoveTheScore() {
    PostSentimentScorer.Sentiment good = SCORER.social("the onboarding was good");
    PostSentimentScorer.Sentiment notGood = SCORER.social("the onboarding was not good");
    assertThat(good.label()).isEqualTo("positive");
    assertThat(notGood.label()).isEqualTo("negative");
    assertThat(notGood.score()).isLessThan(0).isLessThan(good.score());
    // Alone, without words, a crying face moves the score but need not carry the label (it also means laughing).
    assertThat(SCORER.social("😭😭😭").label()).isNotEqualTo("positive");
    assertThat(SCORER.social("😭😭😭").score()).isLessThan(0);
    assertThat(SCORER.social("so sad 😭").label()).isEqualTo("negative");
    assertThat(SCORER.social("🎉🎉🙌").label()).isEqualTo("positive");
    assertThat(SCORER.social("🎉🎉🙌").score()).isGreaterThan(0);
  }

  @Test
  void scoresStayInRangeForHostileInput() {
    String longLine = "great ".repeat(20_000);
    for (String s : List.of("", " ", "\u0000\u0001\uFFFD", longLine, "!!!???", "ЖЖЖ 漢字")) {
      PostSentimentScorer.Sentiment r = SCORER.social(s);
      assertThat(r.score()).isBetween(-1.0, 1.0);
      assertThat(r.dist5()).hasSize(5);
      assertThat(r.dist5()[0] + r.dist5()[1] + r.dist5()[2] + r.dist5()[3] + r.dist5()[4]).isCloseTo(1.0,
          org.assertj.core.data.Offset.offset(1e-9));
    }
  }

  /**
   * The shipped model is trained on every SemEval tweet, so its tweet figure is the protocol model's, in
   * SentimentProtocolTest. Here: the reported sets no model trains on, at the thresholds docs/sentiment.md
   * shows it clears, against stock CoreNLP's 0.50 and 0.51 there.
   */
  @Test
  void shippedModelReachesTheDocumentedMacroRecallOnRedditCommentsAndVaderTweets() throws Exception {
    Evaluation reddit = SentimentTrainer.evaluate(SocialSentimentModel.shipped(),
        SentimentCorpora.goEmotions(SharedData.dataset(""), "dev"));
    Evaluation vader = SentimentTrainer.evaluate(SocialSentimentModel.shipped(),
        SentimentCorpora.vaderTweets(SharedData.dataset("")));
    // The single-label, non-ambiguous GoEmotions dev rows: 1,941 + 1,592 + 1,014 (SOURCE.md).
    assertThat(reddit.total()).isEqualTo(4_547);
    assertThat(vader.total()).isEqualTo(4_200);
    assertThat(reddit.macroRecall()).as("GoEmotions dev %s", reddit).isGreaterThanOrEqualTo(REDDIT_MIN);
    assertThat(vader.macroRecall()).as("VADER tweets %s", vader).isGreaterThanOrEqualTo(VADER_MIN);
  }
}
