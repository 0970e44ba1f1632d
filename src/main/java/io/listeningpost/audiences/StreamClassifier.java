package io.listeningpost.audiences;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import io.listeningpost.audiences.topics.TopicText;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.feature.HashingTF;
import org.apache.spark.ml.feature.IDF;
import org.apache.spark.ml.feature.IndexToString;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.StringIndexerModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * Tells recruitment from marketing messaging: the configured words decide where a post uses one
 * stream's words only; a Spark MLlib logistic regression, trained on those posts (and on posts with
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

  private final StreamVocabulary vocabulary;
  private final long seed;

  public StreamClassifier(StreamVocabulary vocabulary, long seed) {
    this.vocabulary = vocabulary;
    this.seed = seed;
  }

  /**
   * Trains on {@code texts} (column {@code text}) labelled by their words; null when a class has fewer than
   * {@link #MIN_PER_CLASS} posts to learn from.
   */
  public PipelineModel train(Dataset<Row> texts) {
    StreamVocabulary v = vocabulary;
    UserDefinedFunction label = udf((UDF1<String, String>) v::label, DataTypes.StringType);
    UserDefinedFunction noWords = udf((UDF1<String, Boolean>) t -> {
      int[] h = v.hits(t);
      return h[0] == 0 && h[1] == 0;
    }, DataTypes.BooleanType);
    Dataset<Row> labelled = texts.select(col("text"), label.apply(col("text")).as("_weak"),
        noWords.apply(col("text")).as("_none")).cache();
    try {
      long recruitment = labelled.filter(col("_weak").equalTo(StreamVocabulary.RECRUITMENT)).count();
      long marketing = labelled.filter(col("_weak").equalTo(StreamVocabulary.MARKETING)).count();
      long none = labelled.filter(col("_none")).count();
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
          .union(sample(labelled.filter(col("_none")), perStream / (double) none)
              .withColumn("_weak", lit(StreamVocabulary.OTHER)))
          .withColumn("tokens", tokens().apply(col("text")))
          // One partition in a fixed order: the fitted coefficients must not depend on how rows arrived.
          .orderBy(xxhash64(col("text"), lit(seed)), col("text"))
          .coalesce(1);
      StringIndexerModel indexer = new StringIndexer().setInputCol("_weak").setOutputCol("label")
          .setStringOrderType("alphabetAsc").setHandleInvalid("keep").fit(training);
      Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {
          indexer,
          new HashingTF().setInputCol("tokens").setOutputCol("tf").setNumFeatures(1 << 18),
          new IDF().setInputCol("tf").setOutputCol("features").setMinDocFreq(2),
          new LogisticRegression().setFamily("multinomial").setRegParam(0.01).setMaxIter(100),
          new IndexToString().setInputCol("prediction").setOutputCol("model_stream").setLabels(indexer.labelsArray()[0])});
      return pipeline.fit(training);
    } finally {
      labelled.unpersist();
    }
  }

  /**
   * Adds {@code stream}, {@code stream_source} (words, model or none) and {@code stream_probability}
   * (the model's, when it decided) to {@code posts} (column {@code text}).
   */
  public Dataset<Row> classify(PipelineModel model, Dataset<Row> posts) {
    StreamVocabulary v = vocabulary;
    UserDefinedFunction label = udf((UDF1<String, String>) v::label, DataTypes.StringType);
    Dataset<Row> byWords = posts.withColumn("_words", label.apply(col("text")));
    if (model == null) {
      return byWords.withColumn("stream", org.apache.spark.sql.functions.coalesce(col("_words"),
              lit(StreamVocabulary.OTHER)))
          .withColumn("stream_source", when(col("_words").isNotNull(), lit("words")).otherwise(lit("none")))
          .withColumn("stream_probability", lit(null).cast(DataTypes.DoubleType))
          .drop("_words");
    }
    UserDefinedFunction top = udf((UDF1<Vector, Double>) p -> p.apply(p.argmax()), DataTypes.DoubleType);
    Dataset<Row> scored = model.transform(byWords.withColumn("tokens", tokens().apply(col("text")))
            .withColumn("_weak", lit(StreamVocabulary.OTHER)))
        .withColumn("_p", top.apply(col("probability")));
    return scored
        .withColumn("stream", when(col("_words").isNotNull(), col("_words"))
            .when(col("_p").geq(MIN_MODEL_PROBABILITY), col("model_stream"))
            .otherwise(lit(StreamVocabulary.OTHER)))
        .withColumn("stream_source", when(col("_words").isNotNull(), lit("words"))
            .when(col("_p").geq(MIN_MODEL_PROBABILITY), lit("model")).otherwise(lit("none")))
        .withColumn("stream_probability", when(col("_words").isNull(), col("_p")))
        .drop("_words", "tokens", "_weak", "label", "tf", "features", "rawPrediction", "probability",
            "prediction", "model_stream", "_p");
  }

  /** A seeded share of the rows, by a hash of their text: the same rows whatever the partitioning. */
  private Dataset<Row> sample(Dataset<Row> rows, double share) {
    if (share >= 1) {
      return rows;
    }
    return rows.filter(pmod(xxhash64(col("text"), lit(seed)), lit(10_000)).lt(Math.max(1, (long) Math.ceil(share * 10_000))));
  }

  private static UserDefinedFunction tokens() {
    return udf((UDF1<String, String[]>) t -> TopicText.tokens(null, t).toArray(new String[0]),
        DataTypes.createArrayType(DataTypes.StringType));
  }
}
