package io.listeningpost.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.listeningpost.enrich.sentiment.Evaluation;
import io.listeningpost.enrich.sentiment.LabelledText;
import io.listeningpost.enrich.sentiment.SentimentSettings;
import io.listeningpost.enrich.sentiment.SentimentTrainer;
import io.listeningpost.enrich.sentiment.SentimentTrainingRun;
import io.listeningpost.enrich.sentiment.SocialSentimentModel;
import io.listeningpost.enrich.sentiment.SentimentSplits;
import io.listeningpost.enrich.sentiment.SetOverlaps;
import io.listeningpost.testing.SharedData;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The data protocol of train-sentiment: train, tune and test are disjoint by both overlap checks, the
 * reported sets are in no training set, and every source row is accounted for.
 */
@Tag("nlp")
class SentimentProtocolTest {
  /** What the protocol model clears on the SemEval 2016 test: 0.632 in docs/sentiment.md. */
  private static final double TEST_MIN = 0.62;
  private static SentimentSplits splits;

  @BeforeAll
  static void build() throws Exception {
    splits = SentimentSplits.build(SharedData.dataset(""));
  }

  @Test
  void trainTuneTestAndTheReportedSetsAreDisjointByTheKeyAndByJaccard() {
    System.out.println("Overlaps between the sets as read (key / Jaccard >= 0.9):");
    System.out.println(splits.overlaps().markdown());
    Map<String, List<LabelledText>> clean = splits.clean();
    SetOverlaps after = SetOverlaps.measure(clean);
    System.out.println("After cleaning:");
    System.out.println(after.markdown());
    List<String> names = after.names();
    for (String a : names) {
      for (String b : names) {
        boolean bothReported = splits.reported().containsKey(a) && splits.reported().containsKey(b);
        // The labelled and the emoticon-labelled training texts may share a text: both are trained on.
        boolean bothTrained = Set.of("train", "distant").containsAll(List.of(a, b));
        if (a.equals(b) || bothReported || bothTrained) {
          continue;
        }
        int i = names.indexOf(a);
        int j = names.indexOf(b);
        assertThat(after.byKey()[i][j]).as("texts of %s equal to one of %s under the normalised key", a, b).isZero();
        assertThat(after.byJaccard()[i][j]).as("texts of %s with token-set Jaccard >= 0.9 to one of %s", a, b).isZero();
      }
    }
    // The shipped model trains on everything but the reported sets.
    SetOverlaps shipped = SetOverlaps.measure(new java.util.LinkedHashMap<>(Map.of("everything", splits.everything(),
        "reported", splits.reported().values().stream().flatMap(List::stream).toList())));
    assertThat(shipped.either("everything", "reported")).as("shipped model's training texts in a reported set").isZero();
  }

  @Test
  void theRawSetsOverlapWhereSourceMdSaysTheyDo() {
    SetOverlaps raw = splits.overlaps();
    // SOURCE.md: 1,995 of the 2,000 TweetEval validation tweets are in the whole 2013-2016 pool, by its own
    // normalisation of handles and links. In the sets as read here (the 2016 test from its altered copy)
    // the two checks find 1,985 of them, spread over the train years, the 2016 development files and the
    // 2016 test (docs/sentiment.md).
    long found = splits.overlaps().names().stream().filter(n -> n.startsWith("SemEval 201") && !n.contains("sarcasm"))
        .mapToLong(n -> raw.either(SentimentSplits.TWEETEVAL_VALIDATION, n)).sum();
    assertThat(found).isGreaterThanOrEqualTo(1_985);
    assertThat(raw.either(SentimentSplits.TWEETEVAL_VALIDATION, SentimentSplits.TEST)).isPositive();
    assertThat(raw.either(SentimentSplits.TUNE_TWEETS, SentimentSplits.TEST)).isPositive();
  }

  @Test
  void everySourceRowIsInASplitOrCountedAsDropped() {
    int dropped = splits.dropped().get("tune: in the test or a reported set")
        + splits.dropped().get("train: in the test, the tuning split or a reported set");
    // SOURCE.md: 25,027 unique ids in the 2013-2016 train files as read (the pool's 49,485 less the 2016
    // dev, devtest and test files' own ids), 3,990 in the 2016 dev and devtest files; GoEmotions train has
    // 15,216 + 12,823 + 8,133 single-label, non-ambiguous rows.
    assertThat(splits.train().size() + splits.tune().size() + dropped)
        .isEqualTo(25_027 + 3_990 + 15_216 + 12_823 + 8_133);
    // The 2016 test file has 20,632 records; 76 repeat an id (SOURCE.md: 20,556 unique in this copy).
    assertThat(splits.test()).hasSize(20_556);
  }

  /**
   * The headline of docs/sentiment.md, re-run: the protocol model (train split, choices on the tune split)
   * on the SemEval 2016 test. The scikit-learn peers run in train-sentiment and docs/bench/sentiment_peers.py,
   * not here: no lead over them is asserted while the model has none of 0.02.
   */
  @Test
  void protocolModelOnTheTestSplitClearsItsFigure() throws Exception {
    Path datasets = SharedData.dataset("");
    SentimentSettings settings = SentimentSettings.CHOSEN;
    SocialSentimentModel protocol = new SentimentTrainer(settings, splits.distant())
        .train(splits.train(), splits.tune(), SentimentTrainingRun.lexicon(datasets, settings, splits));
    Evaluation ours = SentimentTrainer.evaluate(protocol, splits.test());
    System.out.println("protocol model on " + SentimentSplits.TEST + ": " + ours);
    assertThat(ours.macroRecall()).as("protocol model on the test %s", ours).isGreaterThanOrEqualTo(TEST_MIN);

  }
}
