package io.listeningpost.audiences;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Tells recruitment from marketing messaging: the configured words decide where a post uses one
 * stream's words only; a logistic regression ({@link StreamModel}), trained on those posts (and on posts with
 * neither stream's words, as "other"), decides the rest, so that a post about a panel interview counts as
 * recruitment even when it never says "interview".
 */
public final class StreamClassifier {
  /** Below this many posts labelled by words in any class, the model is not trained: words decide alone. */
  static final int MIN_PER_CLASS = 10;
  /** At most this many examples of a class train the model. */
  static final int MAX_PER_CLASS = 10_000;
  /** The model decides a post without stream words only when it is at least this sure. */
  static final double MIN_MODEL_PROBABILITY = 0.6;

  private static final StructType DECISION = new StructType()
      .add("stream", DataTypes.StringType, false)
      .add("stream_source", DataTypes.StringType, false)
      .add("stream_probability", DataTypes.DoubleType, true);

  /** How one post was classed: by its words, by the model (with its probability) or by neither. */
  public record Decision(String stream, String source, Double probability) {}

  private final StreamVocabulary vocabulary;
  private final long seed;

  public StreamClassifier(StreamVocabulary vocabulary, long seed) {
    this.vocabulary = vocabulary;
    this.seed = seed;
  }

  /**
   * Adds {@code _words}, whose stream's words each post (column {@code text}) uses
   * ({@link StreamVocabulary#wordsOf}), so that the words are matched once for training and classing.
   */
  public Dataset<Row> withWords(Dataset<Row> posts) {
    StreamVocabulary v = vocabulary;
    return posts.withColumn("_words", udf((UDF1<String, String>) v::wordsOf, DataTypes.StringType).apply(col("text")));
  }

  /**
   * Trains on {@code posts} (columns {@code text} and {@code _words}, from {@link #withWords}): those that use
   * one stream's words are examples of that stream, those that use neither are examples of other. Null when a
   * class has fewer than {@link #MIN_PER_CLASS} posts to learn from. The examples are gathered on the driver
   * in a fixed order, so the fit does not depend on parallelism.
   */
  public StreamModel train(Dataset<Row> posts) {
    Map<String, Long> perClass = new HashMap<>();
    for (Row r : posts.groupBy("_words").count().collectAsList()) {
      perClass.put(r.getString(0), r.getLong(1));
    }
    long recruitment = perClass.getOrDefault(StreamVocabulary.RECRUITMENT, 0L);
    long marketing = perClass.getOrDefault(StreamVocabulary.MARKETING, 0L);
    long neither = perClass.getOrDefault(StreamVocabulary.NEITHER, 0L);
    if (Math.min(recruitment, Math.min(marketing, neither)) < MIN_PER_CLASS) {
      return null;
    }
    // Each stream at most MAX_PER_CLASS examples, and as many "other" examples as the larger stream: seeded
    // choices, so that the classes stay balanced and training time does not grow with the window.
    long perStream = Math.min(MAX_PER_CLASS, Math.max(recruitment, marketing));
    Column bucket = pmod(xxhash64(col("text"), lit(seed)), lit(10_000));
    Dataset<Row> training = posts
        .filter(sampled(bucket, StreamVocabulary.RECRUITMENT, MAX_PER_CLASS / (double) recruitment)
            .or(sampled(bucket, StreamVocabulary.MARKETING, MAX_PER_CLASS / (double) marketing))
            .or(sampled(bucket, StreamVocabulary.NEITHER, perStream / (double) neither)))
        .select(col("text"), col("_words"))
        .orderBy(xxhash64(col("text"), lit(seed)), col("text"), col("_words"));
    List<StreamModelTrainer.Example> examples = new ArrayList<>();
    for (Row r : training.collectAsList()) {
      String words = r.getString(1);
      examples.add(new StreamModelTrainer.Example(r.getString(0),
          words.equals(StreamVocabulary.NEITHER) ? StreamVocabulary.OTHER : words));
    }
    return StreamModelTrainer.fit(examples, vocabulary.termTokens(), StreamModelTrainer.SIGMA);
  }

  /**
   * Adds {@code stream}, {@code stream_source} (words, model or none) and {@code stream_probability}
   * (the model's, when it was asked) to {@code posts} (columns {@code text} and {@code _words}, from
   * {@link #withWords}); a null model leaves words alone to decide.
   */
  public Dataset<Row> classify(StreamModel model, Dataset<Row> posts) {
    Broadcast<StreamModel> shared = model == null ? null
        : JavaSparkContext.fromSparkContext(posts.sparkSession().sparkContext()).broadcast(model);
    UserDefinedFunction decide = udf((UDF2<String, String, Row>) (words, text) -> {
      Decision d = decide(words, shared == null ? null : shared.value(), text);
      return RowFactory.create(d.stream(), d.source(), d.probability());
    }, DECISION);
    return posts.withColumn("_decision", decide.apply(col("_words"), col("text")))
        .withColumn("stream", col("_decision.stream"))
        .withColumn("stream_source", col("_decision.stream_source"))
        .withColumn("stream_probability", col("_decision.stream_probability"))
        .drop("_decision", "_words");
  }

  /**
   * One post's class, given whose words it uses ({@link StreamVocabulary#wordsOf}): that stream when it
   * uses one stream's words only; else the model's class when the model is at least
   * {@link #MIN_MODEL_PROBABILITY} sure; else other.
   */
  static Decision decide(String words, StreamModel model, String text) {
    if (words.equals(StreamVocabulary.RECRUITMENT) || words.equals(StreamVocabulary.MARKETING)) {
      return new Decision(words, "words", null);
    }
    if (model == null) {
      return new Decision(StreamVocabulary.OTHER, "none", null);
    }
    StreamModel.Prediction p = model.predict(text);
    return p.probability() >= MIN_MODEL_PROBABILITY
        ? new Decision(p.stream(), "model", p.probability())
        : new Decision(StreamVocabulary.OTHER, "none", p.probability());
  }

  /** Rows of class {@code words} whose seeded hash bucket falls in the first {@code share} of the buckets. */
  private static Column sampled(Column bucket, String words, double share) {
    Column ofClass = col("_words").equalTo(words);
    return share >= 1 ? ofClass : ofClass.and(bucket.lt(Math.max(1, (long) Math.ceil(share * 10_000))));
  }
}
