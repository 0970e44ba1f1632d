package io.listeningpost.enrich.sentiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The data protocol of {@code train-sentiment}: train, tune and test are disjoint sets by period, checked
 * by both overlap tests ({@link TextOverlapKey}, {@link NearDuplicateIndex}).
 * <ul>
 *   <li><b>test</b>: the SemEval 2016 test file, the newest period in ../shared, scored once after every
 *       choice is made;</li>
 *   <li><b>tune</b>: the SemEval 2016 dev and devtest files (the newest tweets before the test period) and a
 *       tenth of GoEmotions train chosen by a hash of the comment id, minus anything in the test or the
 *       reported sets; every choice (features, prior, class offsets) is made here;</li>
 *   <li><b>train</b>: the SemEval 2013-2016 train files and the rest of GoEmotions train, minus anything
 *       in test, tune or the reported sets;</li>
 *   <li><b>distant</b>: the Sentiment140 sample (labelled by emoticons, not by people), minus anything in
 *       test, tune or the reported sets; a source of features and of weighted training examples;</li>
 *   <li><b>reported</b>: GoEmotions dev, VADER's rated tweets and the SemEval 2014 sarcasm probe, kept out
 *       of every training set, including the shipped model's;</li>
 *   <li><b>everything</b>: what the shipped model trains on with the chosen settings: all SemEval 2013-2016
 *       tweets (test included) and all GoEmotions train, minus the reported sets.</li>
 * </ul>
 * TweetEval validation is no held-out set here: 1,995 of its 2,000 tweets are in the SemEval pool (its
 * source), some in the train years and some in the test; {@link #overlaps} shows where.
 */
public record SentimentSplits(List<LabelledText> train, List<LabelledText> tune, List<LabelledText> test,
    List<LabelledText> distant, List<LabelledText> everything, Map<String, List<LabelledText>> reported, SetOverlaps overlaps,
    Map<String, Integer> dropped) {

  public static final String TRAIN_YEARS = "SemEval 2013-2016 train";
  public static final String TUNE_TWEETS = "SemEval 2016 dev + devtest";
  public static final String TEST = "SemEval 2016 test";
  public static final String GOEMOTIONS_TRAIN = "GoEmotions train";
  public static final String GOEMOTIONS_DEV = "GoEmotions dev";
  public static final String VADER_TWEETS = "VADER tweets";
  public static final String SARCASM = "SemEval 2014 sarcasm";
  public static final String TWEETEVAL_VALIDATION = "TweetEval validation";
  public static final String SENTIMENT140 = "Sentiment140 sample";
  /** One GoEmotions train comment in this many (by a hash of its id) is tuning data. */
  private static final int TUNE_BUCKETS = 10;

  public static SentimentSplits build(Path datasets) throws IOException {
    Map<String, List<LabelledText>> raw = new LinkedHashMap<>();
    raw.put(TRAIN_YEARS, SentimentCorpora.semeval(datasets, SentimentCorpora.TRAIN_YEARS));
    raw.put(TUNE_TWEETS, SentimentCorpora.semeval(datasets, SentimentCorpora.TUNE_FILES));
    raw.put(TEST, SentimentCorpora.semeval(datasets, List.of(SentimentCorpora.TEST_FILE)));
    raw.put(GOEMOTIONS_TRAIN, SentimentCorpora.goEmotions(datasets, "train"));
    raw.put(GOEMOTIONS_DEV, SentimentCorpora.goEmotions(datasets, "dev"));
    raw.put(VADER_TWEETS, SentimentCorpora.vaderTweets(datasets));
    raw.put(SARCASM, SentimentCorpora.sarcasm(datasets));
    raw.put(TWEETEVAL_VALIDATION, SentimentCorpora.tweetEvalValidation(datasets));
    raw.put(SENTIMENT140, SentimentCorpora.sentiment140(datasets));

    Map<String, List<LabelledText>> reported = new LinkedHashMap<>();
    for (String set : List.of(GOEMOTIONS_DEV, VADER_TWEETS, SARCASM)) {
      reported.put(set, raw.get(set));
    }
    List<LabelledText> test = raw.get(TEST);
    List<LabelledText> heldOut = concat(test, concat(reported.values()));
    Map<String, Integer> dropped = new LinkedHashMap<>();

    List<LabelledText> tunePool = new ArrayList<>(raw.get(TUNE_TWEETS));
    List<LabelledText> trainPool = new ArrayList<>(raw.get(TRAIN_YEARS));
    for (LabelledText t : raw.get(GOEMOTIONS_TRAIN)) {
      (tuneBucket(t.id()) ? tunePool : trainPool).add(t);
    }
    List<LabelledText> tune = SentimentCorpora.without(tunePool, heldOut);
    dropped.put("tune: in the test or a reported set", tunePool.size() - tune.size());
    List<LabelledText> train = SentimentCorpora.without(trainPool, concat(heldOut, tune));
    dropped.put("train: in the test, the tuning split or a reported set", trainPool.size() - train.size());
    List<LabelledText> distant = SentimentCorpora.without(raw.get(SENTIMENT140), concat(heldOut, tune));
    dropped.put("Sentiment140: in the test, the tuning split or a reported set",
        raw.get(SENTIMENT140).size() - distant.size());

    List<LabelledText> allTweets = new ArrayList<>(raw.get(TRAIN_YEARS));
    allTweets.addAll(raw.get(TUNE_TWEETS));
    allTweets.addAll(test);
    List<LabelledText> everythingPool = concat(dedupById(allTweets), raw.get(GOEMOTIONS_TRAIN));
    List<LabelledText> everything = SentimentCorpora.without(everythingPool, concat(reported.values()));
    dropped.put("shipped model: in a reported set", everythingPool.size() - everything.size());
    return new SentimentSplits(train, tune, test, distant, everything, reported, SetOverlaps.measure(raw), dropped);
  }

  /** The clean splits and the reported sets by name, for checking that they are disjoint. */
  public Map<String, List<LabelledText>> clean() {
    Map<String, List<LabelledText>> sets = new LinkedHashMap<>();
    sets.put("train", train);
    sets.put("tune", tune);
    sets.put("test", test);
    sets.put("distant", distant);
    sets.putAll(reported);
    return sets;
  }

  static boolean tuneBucket(String id) {
    return SentimentTrainer.bucket(id, TUNE_BUCKETS) == 0;
  }

  private static List<LabelledText> dedupById(List<LabelledText> texts) {
    Set<String> ids = new HashSet<>();
    return texts.stream().filter(t -> ids.add(t.id())).toList();
  }

  private static List<LabelledText> concat(List<LabelledText> a, List<LabelledText> b) {
    List<LabelledText> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private static List<LabelledText> concat(Iterable<List<LabelledText>> lists) {
    List<LabelledText> out = new ArrayList<>();
    lists.forEach(out::addAll);
    return out;
  }
}
