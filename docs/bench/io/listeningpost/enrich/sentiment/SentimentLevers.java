// Sentiment levers scored on the tuning split only (docs/benchmarks.md, "Sentiment levers on the tuning split").
// Each variant trains the protocol model on the train split of SentimentSplits with one change and scores
// macro-recall on the tuning split: in-sample (offsets tuned on the whole split) and cross-half (offsets tuned
// on one half, scored on the other, the mean of both ways). The SemEval 2016 test file is never scored here.
//
// Modes and their variants:
//   extra-sets base sanders sentistrength s140test hcr stsgold sanders+sentistrength+s140test+hcr+stsgold
//   embeddings none k500 k1000 mean
//   settings all,0.1,0 tweets,0.1,0 tweets,0.05,0 tweets,0.2,0 tweets,0.1,0.1 all,0.1,0.1 all,0.05,0
//     (a settings variant is train set, sigma, distant weight)
package io.listeningpost.enrich.sentiment;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import edu.stanford.nlp.classify.LinearClassifier;
import edu.stanford.nlp.classify.LinearClassifierFactory;
import edu.stanford.nlp.classify.WeightedRVFDataset;
import edu.stanford.nlp.ling.RVFDatum;
import io.listeningpost.core.Softmax;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.apache.spark.ml.clustering.KMeans;
import org.apache.spark.ml.feature.Word2Vec;
import org.apache.spark.ml.feature.Word2VecModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

public class SentimentLevers {
  private static final Path DATASETS = Path.of("../shared/datasets");

  public static void main(String[] args) throws Exception {
    SentimentSplits splits = SentimentSplits.build(DATASETS);
    System.out.println("train " + splits.train().size() + ", tune " + splits.tune().size());
    List<String> variants = Arrays.asList(args).subList(1, args.length);
    switch (args[0]) {
      case "extra-sets" -> extraSets(splits, variants);
      case "embeddings" -> embeddings(splits, variants);
      case "settings" -> settings(splits, variants);
      default -> throw new IllegalArgumentException("mode: extra-sets, embeddings or settings, not " + args[0]);
    }
  }

  /** The train split plus human-labelled tweet sets of ../shared, each cleaned against test, tune and the reported sets. */
  private static void extraSets(SentimentSplits splits, List<String> variants) throws Exception {
    SentimentSettings s = SentimentSettings.CHOSEN;
    SentimentLexicon lexicon = SentimentTrainingRun.lexicon(DATASETS, s, splits);
    List<LabelledText> heldOut = new ArrayList<>(splits.test());
    splits.reported().values().forEach(heldOut::addAll);
    heldOut.addAll(splits.tune());
    for (String variant : variants) {
      List<LabelledText> train = new ArrayList<>(splits.train());
      if (!variant.equals("base")) {
        for (String set : variant.split("\\+")) {
          List<LabelledText> read = labelledSet(set);
          List<LabelledText> clean = SentimentCorpora.without(read, heldOut);
          int[] c = new int[3];
          clean.forEach(t -> c[t.label()]++);
          System.out.printf("  %s: %d read, %d clean, negative %d neutral %d positive %d%n", set, read.size(),
              clean.size(), c[0], c[1], c[2]);
          train.addAll(clean);
        }
      }
      SocialSentimentModel model = new SentimentTrainer(s, splits.distant()).train(train, new float[3], lexicon);
      System.out.println(variant + ": " + score(logits(model, splits.tune()), splits.tune()));
    }
  }

  /** Word2Vec (Spark MLlib) over unlabelled texts, as k-means cluster indicators or the mean vector. */
  private static void embeddings(SentimentSplits splits, List<String> variants) throws Exception {
    SentimentSettings s = SentimentSettings.CHOSEN;
    SentimentLexicon lexicon = SentimentTrainingRun.lexicon(DATASETS, s, splits);
    List<String> corpus = new ArrayList<>();
    splits.distant().forEach(t -> corpus.add(t.text()));
    splits.train().forEach(t -> corpus.add(t.text()));
    for (String set : List.of("sanders", "sentistrength", "hcr", "stsgold", "s140test")) {
      labelledSet(set).forEach(t -> corpus.add(t.text()));
    }
    SparkSession spark = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false").getOrCreate();
    List<Row> rows = new ArrayList<>();
    for (String text : corpus) {
      rows.add(RowFactory.create((Object) SocialTokenizer.tokenize(text).stream()
          .map(SocialTokenizer.Token::norm).toArray(String[]::new)));
    }
    Dataset<Row> texts = spark.createDataFrame(rows,
        new StructType().add("tokens", DataTypes.createArrayType(DataTypes.StringType)));
    int dim = 100;
    Word2VecModel w2v = new Word2Vec().setInputCol("tokens").setOutputCol("v").setVectorSize(dim).setMinCount(5)
        .setWindowSize(5).setMaxIter(3).setNumPartitions(1).setSeed(7).fit(texts);
    Dataset<Row> vectors = w2v.getVectors();
    System.out.printf("corpus %d texts, %d words%n", corpus.size(), vectors.count());
    Map<String, double[]> embedding = new HashMap<>();
    for (Row r : vectors.collectAsList()) {
      embedding.put(r.getString(0), ((Vector) r.get(1)).toArray());
    }
    for (String variant : variants) {
      Map<String, Integer> cluster = new HashMap<>();
      if (variant.startsWith("k")) {
        for (Row r : new KMeans().setK(Integer.parseInt(variant.substring(1))).setSeed(7).setMaxIter(30)
            .setFeaturesCol("vector").setPredictionCol("c").fit(vectors).transform(vectors).select("word", "c")
            .collectAsList()) {
          cluster.put(r.getString(0), r.getInt(1));
        }
      }
      Function<String, Map<String, Double>> features = text -> {
        List<SocialTokenizer.Token> tokens = SocialTokenizer.tokenize(text);
        Map<String, Double> f = SentimentFeatures.extract(tokens, lexicon, s.charNgrams());
        if (!cluster.isEmpty()) {
          boolean negated = false;
          for (SocialTokenizer.Token t : tokens) {
            if (t.type() == SocialTokenizer.Type.PUNCT) {
              if (!t.norm().equals("\"") && !t.norm().equals("-")) {
                negated = false;
              }
              continue;
            }
            Integer c = cluster.get(t.norm());
            if (c != null) {
              f.put((negated ? "kn:" : "k:") + c, 1.0);
            }
            if (SentimentFeatures.isNegator(t.norm())) {
              negated = true;
            }
          }
        }
        if (variant.equals("mean")) {
          double[] m = new double[dim];
          int n = 0;
          for (SocialTokenizer.Token t : tokens) {
            double[] v = embedding.get(t.norm());
            if (v != null) {
              n++;
              for (int i = 0; i < dim; i++) {
                m[i] += v[i];
              }
            }
          }
          double norm = Math.sqrt(Arrays.stream(m).map(x -> x * x).sum());
          if (n > 0 && norm > 0) {
            for (int i = 0; i < dim; i++) {
              f.put("e:" + i, m[i] / norm);
            }
          }
        }
        return f;
      };
      WeightedRVFDataset<String, String> data = new WeightedRVFDataset<>();
      for (LabelledText t : splits.train()) {
        data.add(new RVFDatum<>(SentimentTrainer.counter(features.apply(t.text())),
            SocialSentimentModel.LABELS[t.label()]), 1f);
      }
      data.applyFeatureCountThreshold(SentimentTrainer.MIN_FEATURE_COUNT);
      LinearClassifierFactory<String, String> factory = new LinearClassifierFactory<>(1e-4, false, s.sigma());
      factory.setVerbose(false);
      LinearClassifier<String, String> classifier = factory.trainClassifier(data);
      List<double[]> logits = new ArrayList<>();
      for (LabelledText t : splits.tune()) {
        var scores = classifier.scoresOf(new RVFDatum<String, String>(SentimentTrainer.counter(features.apply(t.text()))));
        logits.add(new double[] {scores.getCount("negative"), scores.getCount("neutral"), scores.getCount("positive")});
      }
      System.out.println(variant + ": " + score(logits, splits.tune()));
    }
    spark.stop();
  }

  /** Tweets alone or the whole train split, with other priors and distant weights. */
  private static void settings(SentimentSplits splits, List<String> variants) throws Exception {
    List<LabelledText> tweets = splits.train().stream().filter(SentimentLevers::isTweet).toList();
    for (String variant : variants) {
      String[] p = variant.split(",");
      SentimentSettings s = new SentimentSettings(Double.parseDouble(p[1]), true, true, Double.parseDouble(p[2]));
      SentimentLexicon lexicon = SentimentTrainingRun.lexicon(DATASETS, s, splits);
      SocialSentimentModel model = new SentimentTrainer(s, splits.distant())
          .train(p[0].equals("tweets") ? tweets : splits.train(), new float[3], lexicon);
      System.out.println(variant + ": " + score(logits(model, splits.tune()), splits.tune()));
    }
  }

  private static List<double[]> logits(SocialSentimentModel model, List<LabelledText> texts) {
    List<double[]> out = new ArrayList<>();
    for (LabelledText t : texts) {
      double[] p = model.probabilities(t.text());
      out.add(new double[] {Math.log(p[0]), Math.log(p[1]), Math.log(p[2])});
    }
    return out;
  }

  /** SemEval ids are numbers; GoEmotions comment ids are not. */
  private static boolean isTweet(LabelledText t) {
    return t.id().matches("\\d+");
  }

  private static boolean firstHalf(LabelledText t) {
    return SentimentTrainer.bucket(t.id() + "#half", 2) == 0;
  }

  /** Macro-recall on the tuning split, in-sample and cross-half, overall, for its tweets and its comments. */
  private static String score(List<double[]> logits, List<LabelledText> tune) {
    int[] all = where(tune, t -> true);
    int[] a = where(tune, SentimentLevers::firstHalf);
    int[] b = where(tune, t -> !firstHalf(t));
    int[] tweets = where(tune, SentimentLevers::isTweet);
    int[] comments = where(tune, t -> !isTweet(t));
    int[] tweetsA = where(tune, t -> isTweet(t) && firstHalf(t));
    int[] tweetsB = where(tune, t -> isTweet(t) && !firstHalf(t));
    float[] o = offsets(logits, tune, all);
    double cross = (recall(logits, tune, b, offsets(logits, tune, a)) + recall(logits, tune, a, offsets(logits, tune, b))) / 2;
    double tweetsCrossMixed = (recall(logits, tune, tweetsB, offsets(logits, tune, a))
        + recall(logits, tune, tweetsA, offsets(logits, tune, b))) / 2;
    double tweetsCrossOwn = (recall(logits, tune, tweetsB, offsets(logits, tune, tweetsA))
        + recall(logits, tune, tweetsA, offsets(logits, tune, tweetsB))) / 2;
    return String.format("in-sample %.4f, cross-half %.4f, tweets %.4f, comments %.4f, offsets %s; tweets "
            + "cross-half with the split's offsets %.4f, with the tweets' own %.4f %s",
        recall(logits, tune, all, o), cross, recall(logits, tune, tweets, o), recall(logits, tune, comments, o),
        Arrays.toString(o), tweetsCrossMixed, tweetsCrossOwn, Arrays.toString(offsets(logits, tune, tweets)));
  }

  /** The negative and positive offsets, in steps of 0.05 from -1.5 to 1.5, that maximise macro-recall on {@code idx}. */
  private static float[] offsets(List<double[]> logits, List<LabelledText> d, int[] idx) {
    float[] best = new float[3];
    double bestRecall = -1;
    for (int a = -30; a <= 30; a++) {
      for (int b = -30; b <= 30; b++) {
        float[] o = {a * 0.05f, 0, b * 0.05f};
        double r = recall(logits, d, idx, o);
        if (r > bestRecall + 1e-9) {
          bestRecall = r;
          best = o;
        }
      }
    }
    return best;
  }

  private static double recall(List<double[]> logits, List<LabelledText> d, int[] idx, float[] o) {
    Evaluation ev = new Evaluation();
    for (int i : idx) {
      double[] x = logits.get(i);
      ev.add(d.get(i).label(), Softmax.argmax(new double[] {x[0] + o[0], x[1], x[2] + o[2]}));
    }
    return ev.macroRecall();
  }

  private static int[] where(List<LabelledText> d, Predicate<LabelledText> p) {
    return IntStream.range(0, d.size()).filter(i -> p.test(d.get(i))).toArray();
  }

  /** A human-labelled tweet set of ../shared/datasets, as three classes (SOURCE.md of each says the format). */
  private static List<LabelledText> labelledSet(String name) throws Exception {
    List<LabelledText> out = new ArrayList<>();
    switch (name) {
      case "sanders" -> {
        for (String[] r : csv(DATASETS.resolve("sanders-twitter/full-corpus.csv"), ',')) {
          int label = label(r.length < 5 || r[0].equals("Topic") ? "" : r[1]);
          if (label >= 0) {
            out.add(new LabelledText("sanders-" + r[2], TextOverlapKey.decode(r[4]), label));
          }
        }
      }
      case "sentistrength" -> {
        int line = 0;
        for (String l : Files.readAllLines(DATASETS.resolve("sentistrength-twitter4242/twitter4242.txt"),
            StandardCharsets.ISO_8859_1)) {
          String[] f = l.split("\t", 3);
          line++;
          if (f.length == 3) {
            int pos = Integer.parseInt(f[0].trim());
            int neg = Integer.parseInt(f[1].trim());
            out.add(new LabelledText("ss-" + line, TextOverlapKey.decode(f[2]), pos > neg ? 2 : neg > pos ? 0 : 1));
          }
        }
      }
      case "s140test" -> {
        for (String[] r : csv(DATASETS.resolve("sentiment140-test/testdata.manual.2009.06.14.csv"), ',')) {
          if (r.length >= 6 && !r[0].equals("polarity")) {
            out.add(new LabelledText("s140t-" + r[1], TextOverlapKey.decode(r[5]),
                r[0].equals("0") ? 0 : r[0].equals("2") ? 1 : 2));
          }
        }
      }
      case "hcr" -> {
        for (String split : List.of("train", "dev", "test")) {
          for (String[] r : csv(DATASETS.resolve("hcr-shamma-updown/data/hcr/" + split + "/orig/hcr-" + split + ".csv"), ',')) {
            int label = label(r.length < 5 ? "" : r[4].trim());
            if (label >= 0) {
              out.add(new LabelledText("hcr-" + r[0], TextOverlapKey.decode(r[3]), label));
            }
          }
        }
      }
      case "stsgold" -> {
        for (String[] r : csv(DATASETS.resolve("sts-gold/sts_gold_tweet.csv"), ';')) {
          if (r.length >= 3) {
            out.add(new LabelledText("sts-" + r[0], TextOverlapKey.decode(r[2]), r[1].equals("0") ? 0 : 2));
          }
        }
      }
      default -> throw new IllegalArgumentException("no labelled set " + name);
    }
    return out;
  }

  private static int label(String name) {
    return switch (name) {
      case "negative" -> 0;
      case "neutral" -> 1;
      case "positive" -> 2;
      default -> -1;
    };
  }

  private static List<String[]> csv(Path file, char separator) throws Exception {
    CsvMapper mapper = new CsvMapper();
    mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
    List<String[]> out = new ArrayList<>();
    try (MappingIterator<String[]> it = mapper.readerFor(String[].class)
        .with(mapper.schemaFor(String[].class).withColumnSeparator(separator)).readValues(file.toFile())) {
      while (it.hasNext()) {
        out.add(it.next());
      }
    }
    return out;
  }
}
