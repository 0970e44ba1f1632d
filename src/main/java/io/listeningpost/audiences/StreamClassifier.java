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
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
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
   * Trains on {@code texts} (column {@code text}) labelled by their words; null when a class has fewer than
   * {@link #MIN_PER_CLASS} posts to learn from. The examples are gathered on the driver in a fixed order, so
   * the fit does not depend on parallelism.
   */
  public StreamModel train(Dataset<Row> texts) {
    StreamVocabulary v = vocabulary;
    UserDefinedFunction weakClass = udf((UDF1<String, String>) t -> {
      int[] h = v.hits(t);
      if (h[0] == 0 && h[1] == 0) {
        return StreamVocabulary.OTHER;
      }
      return v.label(t);
    }, DataTypes.StringType);
    Dataset<Row> labelled = texts.select(col("text"), weakClass.apply(col("text")).as("_weak"))
        .filter(col("_weak").isNotNull());
    Map<String, Long> perClass = new HashMap<>();
    for (Row r : labelled.groupBy("_weak").count().collectAsList()) {
      perClass.put(r.getString(0), r.getLong(1));
    }
    long recruitment = perClass.getOrDefault(StreamVocabulary.RECRUITMENT, 0L);
    long marketing = perClass.getOrDefault(StreamVocabulary.MARKETING, 0L);
    long none = perClass.getOrDefault(StreamVocabulary.OTHER, 0L);
    if (Math.min(recruitment, Math.min(marketing, none)) < MIN_PER_CLASS) {
      return null;
    }
    // Each stream at most MAX_PER_CLASS examples, and as many "other" examples as the larger stream: seeded
    // choices, so that the classes stay balanced and training time does not grow with the window.
    long perStream = Math.min(MAX_PER_CLASS, Math.max(recruitment, marketing));
    Dataset<Row> training = sample(labelled.filter(col("_weak").equalTo(StreamVocabulary.RECRUITMENT)),
            MAX_PER_CLASS / (double) recruitment)
        .union(sample(labelled.filter(col("_weak").equalTo(StreamVocabulary.MARKETING)),
            MAX_PER_CLASS / (double) marketing))
        .union(sample(labelled.filter(col("_weak").equalTo(StreamVocabulary.OTHER)), perStream / (double) none))
        .orderBy(xxhash64(col("text"), lit(seed)), col("text"), col("_weak"));
    List<StreamModelTrainer.Example> examples = new ArrayList<>();
    for (Row r : training.collectAsList()) {
      examples.add(new StreamModelTrainer.Example(r.getString(0), r.getString(1)));
    }
    return StreamModelTrainer.fit(examples, vocabulary.termTokens(), StreamModelTrainer.SIGMA);
  }

  /**
   * Adds {@code stream}, {@code stream_source} (words, model or none) and {@code stream_probability}
   * (the model's, when it was asked) to {@code posts} (column {@code text}); a null model leaves words alone
   * to decide.
   */
  public Dataset<Row> classify(StreamModel model, Dataset<Row> posts) {
    StreamVocabulary v = vocabulary;
    Broadcast<StreamModel> shared = model == null ? null
        : JavaSparkContext.fromSparkContext(posts.sparkSession().sparkContext()).broadcast(model);
    UserDefinedFunction decide = udf((UDF1<String, Row>) t -> {
      Decision d = decide(v, shared == null ? null : shared.value(), t);
      return RowFactory.create(d.stream(), d.source(), d.probability());
    }, DECISION);
    return posts.withColumn("_decision", decide.apply(col("text")))
        .withColumn("stream", col("_decision.stream"))
        .withColumn("stream_source", col("_decision.stream_source"))
        .withColumn("stream_probability", col("_decision.stream_probability"))
        .drop("_decision");
  }

  /**
   * One post's class: its words' stream when it uses one stream's words only; else the model's class when
   * the model is at least {@link #MIN_MODEL_PROBABILITY} sure; else other.
   */
  static Decision decide(StreamVocabulary vocabulary, StreamModel model, String text) {
    String byWords = vocabulary.label(text);
    if (byWords != null) {
      return new Decision(byWords, "words", null);
    }
    if (model == null) {
      return new Decision(StreamVocabulary.OTHER, "none", null);
    }
    StreamModel.Prediction p = model.predict(text);
    return p.probability() >= MIN_MODEL_PROBABILITY
        ? new Decision(p.stream(), "model", p.probability())
        : new Decision(StreamVocabulary.OTHER, "none", p.probability());
  }

  /** A seeded share of the rows, by a hash of their text: the same rows whatever the partitioning. */
  private Dataset<Row> sample(Dataset<Row> rows, double share) {
    if (share >= 1) {
      return rows;
    }
    return rows.filter(pmod(xxhash64(col("text"), lit(seed)), lit(10_000)).lt(Math.max(1, (long) Math.ceil(share * 10_000))));
  }
}
