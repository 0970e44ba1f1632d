package io.listeningpost.enrich.sentiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Readers for the labelled sentiment data in ../shared/datasets, with the quirks each SOURCE.md
 * lists: literal \\uXXXX escapes and HTML entities (both decoded), duplicate
 * annotations, the quoted 2016 test file, multi-label rows.
 */
public final class SentimentCorpora {
  /** The SemEval files of the years before the test period: 2013 to 2016 train. */
  public static final List<String> TRAIN_YEARS = List.of("twitter-2013train-A.txt", "twitter-2013dev-A.txt",
      "twitter-2013test-A.txt", "twitter-2014test-A.txt", "twitter-2015train-A.txt", "twitter-2015test-A.txt",
      "twitter-2016train-A.txt");
  /** The 2016 development files: the newest tweets before the test period, used for tuning. */
  public static final List<String> TUNE_FILES = List.of("twitter-2016dev-A.txt", "twitter-2016devtest-A.txt");
  /**
   * The 2016 test file (20,632 tweets), the newest period in ../shared and our test set. The repo author's
   * copy has the same records and labels without the CSV quoting.
   */
  public static final String TEST_FILE = "twitter-2016test-A_altered_by_reza.txt";

  private SentimentCorpora() {}

  static int label(String name) {
    return switch (name.trim()) {
      case "negative" -> SocialSentimentModel.NEG;
      case "neutral" -> SocialSentimentModel.NEU;
      case "positive" -> SocialSentimentModel.POS;
      default -> throw new IllegalArgumentException("unknown label " + name);
    };
  }

  /** The tweets of the given SemEval files, each tweet id once (its first annotation), escapes decoded. */
  public static List<LabelledText> semeval(Path datasets, List<String> files) throws IOException {
    Map<String, LabelledText> byId = new LinkedHashMap<>();
    Path dir = datasets.resolve("semeval2017-task4a-train/Subtask_A");
    for (String file : files) {
      try (BufferedReader r = Files.newBufferedReader(dir.resolve(file), StandardCharsets.UTF_8)) {
        for (String line; (line = r.readLine()) != null; ) {
          String[] f = line.replace("\r", "").split("\t");
          if (f.length < 3) {
            continue;
          }
          byId.putIfAbsent(f[0], new LabelledText(f[0], TextOverlapKey.decode(f[2]), label(f[1])));
        }
      }
    }
    return new ArrayList<>(byId.values());
  }

  /**
   * The Sentiment140 sample: 50,000 negative and 50,000 positive tweets labelled by the emoticons they
   * had (distant supervision, no neutral class), duplicates within a file kept once.
   */
  public static List<LabelledText> sentiment140(Path datasets) throws IOException {
    List<LabelledText> out = new ArrayList<>();
    for (int label : new int[] {SocialSentimentModel.NEG, SocialSentimentModel.POS}) {
      String name = label == SocialSentimentModel.NEG ? "negative" : "positive";
      Set<String> seen = new HashSet<>();
      int line = 0;
      for (String text : Files.readAllLines(datasets.resolve("sentiment140-sample-100k/" + name + ".txt"),
          StandardCharsets.UTF_8)) {
        line++;
        if (!text.isBlank() && seen.add(text.strip())) {
          out.add(new LabelledText("s140-" + name + "-" + line, TextOverlapKey.decode(text.strip()), label));
        }
      }
    }
    return out;
  }

  /** The 86 tweets of the 2014 sarcasm probe: a small hard case, reported, never trained on. */
  public static List<LabelledText> sarcasm(Path datasets) throws IOException {
    List<LabelledText> out = new ArrayList<>();
    for (String line : Files.readAllLines(
        datasets.resolve("semeval2017-task4a-train/Subtask_A/twitter-2014sarcasm-A.txt"), StandardCharsets.UTF_8)) {
      String[] f = line.replace("\r", "").split("\t");
      if (f.length >= 3) {
        out.add(new LabelledText(f[0], TextOverlapKey.decode(f[2]), label(f[1])));
      }
    }
    return out;
  }

  /** TweetEval's sentiment validation split (2,000 tweets): our development set, never trained on. */
  public static List<LabelledText> tweetEvalValidation(Path datasets) throws IOException {
    Path dir = datasets.resolve("tweeteval-sentiment/datasets/sentiment");
    List<String> texts = Files.readAllLines(dir.resolve("val_text.txt"), StandardCharsets.UTF_8);
    List<String> labels = Files.readAllLines(dir.resolve("val_labels.txt"), StandardCharsets.UTF_8);
    List<LabelledText> out = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      // TweetEval ids are 0 negative, 1 neutral, 2 positive: the same order as ours.
      out.add(new LabelledText("val-" + i, TextOverlapKey.decode(texts.get(i)), Integer.parseInt(labels.get(i).trim())));
    }
    return out;
  }

  /**
   * GoEmotions Reddit comments with exactly one sentiment group that is not "ambiguous"
   * (the grouping of the dataset's sentiment_dict.json). {@code split} is train or dev.
   */
  public static List<LabelledText> goEmotions(Path datasets, String split) throws IOException {
    List<LabelledText> out = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(datasets.resolve("goemotions-reddit/group/" + split + ".tsv"),
        StandardCharsets.UTF_8)) {
      for (String line; (line = r.readLine()) != null; ) {
        String[] f = line.split("\t");
        if (f.length < 3 || f[1].contains(",")) {
          continue;
        }
        // group/labels.txt: 0 ambiguous, 1 negative, 2 neutral, 3 positive.
        int group = Integer.parseInt(f[1]);
        if (group > 0) {
          out.add(new LabelledText(f[2], TextOverlapKey.decode(f[0]), group - 1));
        }
      }
    }
    return out;
  }

  /**
   * VADER's 4,200 human-rated tweets; the mean rating (-4..4) becomes negative below -0.5, positive
   * above 0.5, neutral between.
   */
  public static List<LabelledText> vaderTweets(Path datasets) throws IOException {
    List<LabelledText> out = new ArrayList<>();
    for (String line : Files.readAllLines(datasets.resolve("vader-groundtruth/tweets_GroundTruth.txt"),
        StandardCharsets.UTF_8)) {
      String[] f = line.replace("\r", "").split("\t", 3);
      if (f.length < 3) {
        continue;
      }
      double mean = Double.parseDouble(f[1]);
      int label = mean < -0.5 ? SocialSentimentModel.NEG : mean > 0.5 ? SocialSentimentModel.POS
          : SocialSentimentModel.NEU;
      out.add(new LabelledText("vader-" + f[0], TextOverlapKey.decode(f[2]), label));
    }
    return out;
  }

  /**
   * {@code pool} without the texts that also appear in {@code heldOut}, by either check: the normalised
   * key ({@link TextOverlapKey}) or token-set Jaccard &ge; 0.9 ({@link NearDuplicateIndex}).
   */
  public static List<LabelledText> without(List<LabelledText> pool, List<LabelledText> heldOut) {
    Set<String> keys = new HashSet<>(heldOut.parallelStream().map(t -> TextOverlapKey.of(t.text())).toList());
    NearDuplicateIndex near = NearDuplicateIndex.of(heldOut.stream().map(LabelledText::text).toList());
    // An ordered stream: the pool's order is kept, in parallel or not.
    return pool.parallelStream()
        .filter(t -> !keys.contains(TextOverlapKey.of(t.text())) && !near.hasNearDuplicate(t.text())).toList();
  }
}
