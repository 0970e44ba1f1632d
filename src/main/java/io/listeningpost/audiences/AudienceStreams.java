package io.listeningpost.audiences;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.grouping_id;
import static org.apache.spark.sql.functions.lit;

import io.listeningpost.core.TableCounts;
import io.listeningpost.core.config.AudiencesSettings;
import io.listeningpost.stage.StageContext;
import io.listeningpost.storage.Tables;
import java.sql.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.storage.StorageLevel;

/**
 * The two messaging streams of the window: each post classed as recruitment, marketing or other
 * ({@link StreamClassifier}), each stream's volume, tone and topics, and the common themes, topics
 * present in both streams, that link them.
 */
final class AudienceStreams {
  private static final List<String> STREAMS = List.of(StreamVocabulary.RECRUITMENT, StreamVocabulary.MARKETING,
      StreamVocabulary.OTHER);

  private final StageContext ctx;

  AudienceStreams(StageContext ctx) {
    this.ctx = ctx;
  }

  record Outcome(List<TableCounts> counts, List<String> notes) {}

  /**
   * @param posts the window's and the previous window's English posts with {@code current}, {@code topic}
   *     (strongest, or null), title, text and sentiment_score; the model learns from both windows
   * @param windowPosts the window's English posts, counted by the caller apart from the classing
   */
  Outcome run(Dataset<Row> posts, long windowPosts, List<String> topicLabels, Date day) {
    AudiencesSettings settings = ctx.config().audiences();
    List<String> notes = new ArrayList<>();
    StreamClassifier classifier = new StreamClassifier(
        new StreamVocabulary(settings.recruitmentTerms(), settings.marketingTerms()), settings.seed());
    // The words are matched once: training and classing read the same narrow rows, held until classed.
    Dataset<Row> worded = classifier.withWords(posts.select(col("platform"), col("post_id"), col("current"),
            col("topic"), col("sentiment_score"), concat_ws(" ", coalesce(col("title"), lit("")),
                coalesce(col("text"), lit(""))).as("text")))
        .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> classed;
    long read;
    try {
      StreamModel model = classifier.train(worded);
      if (model == null) {
        notes.add("too few posts use one stream's words only to train the stream model: words alone class the posts");
      }
      classed = classifier.classify(model, worded.filter(col("current"))).persist(StorageLevel.MEMORY_AND_DISK());
      read = classed.count();
    } finally {
      worded.unpersist();
    }
    try {
      String runId = ctx.runId();
      ctx.warehouse().overwritePartitions(Tables.POST_STREAMS, classed.select(col("platform"), col("post_id"),
              col("stream"), col("stream_source"), col("stream_probability"), lit(runId).as(Tables.RUN_ID),
              lit(day).as("dt")), new String[] {"platform", "post_id"});
      long written = ctx.warehouse().rowsOfRun(Tables.POST_STREAMS, List.of(day), runId);

      // Posts and mean sentiment per stream, and posts per stream and topic, from one rolled-up query: grouping
      // level 1 is the stream alone, 0 the stream and a topic, 3 the grand total, not used.
      Map<String, long[]> volume = new HashMap<>();
      Map<String, Double> tone = new HashMap<>();
      Map<String, Map<Integer, Long>> perTopic = new HashMap<>();
      for (Row r : classed.rollup(col("stream"), col("topic")).agg(count(lit(1)), avg("sentiment_score"),
          grouping_id()).collectAsList()) {
        long level = r.getLong(4);
        if (level == 1) {
          volume.put(r.getString(0), new long[] {r.getLong(2)});
          tone.put(r.getString(0), r.isNullAt(3) ? null : r.getDouble(3));
        } else if (level == 0 && !r.isNullAt(1)) {
          perTopic.computeIfAbsent(r.getString(0), s -> new HashMap<>()).put(r.getInt(1), r.getLong(2));
        }
      }
      List<Row> streamRows = new ArrayList<>();
      for (String s : STREAMS) {
        long inStream = volume.getOrDefault(s, new long[1])[0];
        streamRows.add(RowFactory.create(s, inStream, read == 0 ? 0.0 : inStream / (double) read, tone.get(s),
            topTopics(perTopic.getOrDefault(s, Map.of()), topicLabels), runId, day));
      }
      ctx.warehouse().overwriteOnePartition(Tables.STREAMS, day,
          ctx.spark().createDataFrame(streamRows, Tables.STREAMS_SCHEMA));
      long streamsWritten = ctx.warehouse().rowsOfRun(Tables.STREAMS, List.of(day), runId);

      Map<Integer, Long> recruitment = perTopic.getOrDefault(StreamVocabulary.RECRUITMENT, Map.of());
      Map<Integer, Long> marketing = perTopic.getOrDefault(StreamVocabulary.MARKETING, Map.of());
      long recruitmentTotal = recruitment.values().stream().mapToLong(Long::longValue).sum();
      long marketingTotal = marketing.values().stream().mapToLong(Long::longValue).sum();
      List<Row> themes = new ArrayList<>();
      for (int t = 0; t < topicLabels.size(); t++) {
        long r = recruitment.getOrDefault(t, 0L);
        long m = marketing.getOrDefault(t, 0L);
        if (r > 0 && m > 0) {
          themes.add(RowFactory.create(t, topicLabels.get(t), r, r / (double) recruitmentTotal, m,
              m / (double) marketingTotal, runId, day));
        }
      }
      themes.sort((a, b) -> Double.compare(Math.min(b.getDouble(3), b.getDouble(5)),
          Math.min(a.getDouble(3), a.getDouble(5))));
      ctx.warehouse().overwriteOnePartition(Tables.STREAM_THEMES, day,
          ctx.spark().createDataFrame(themes, Tables.STREAM_THEMES_SCHEMA));
      long themesWritten = ctx.warehouse().rowsOfRun(Tables.STREAM_THEMES, List.of(day), runId);
      // Counted by Spark apart from the per-topic tallies the rows are built from.
      long themesDue = classed.filter(col("topic").isNotNull()
              .and(col("stream").isin(StreamVocabulary.RECRUITMENT, StreamVocabulary.MARKETING)))
          .groupBy("topic").agg(countDistinct("stream").as("_streams")).filter(col("_streams").equalTo(2)).count();
      notes.add(String.format(Locale.ROOT, "streams: %,d recruitment, %,d marketing, %,d other posts; %d common "
              + "themes", volume.getOrDefault(StreamVocabulary.RECRUITMENT, new long[1])[0],
          volume.getOrDefault(StreamVocabulary.MARKETING, new long[1])[0],
          volume.getOrDefault(StreamVocabulary.OTHER, new long[1])[0], themes.size()));
      return new Outcome(List.of(new TableCounts(Tables.POST_STREAMS, windowPosts, written, 0, 0),
          new TableCounts(Tables.STREAMS, STREAMS.size(), streamsWritten, 0, 0),
          new TableCounts(Tables.STREAM_THEMES, themesDue, themesWritten, 0, 0)), notes);
    } finally {
      classed.unpersist();
    }
  }

  private static Row[] topTopics(Map<Integer, Long> counts, List<String> labels) {
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    return counts.entrySet().stream()
        .sorted((a, b) -> a.getValue().equals(b.getValue()) ? Integer.compare(a.getKey(), b.getKey())
            : Long.compare(b.getValue(), a.getValue()))
        .limit(5)
        .map(e -> RowFactory.create(labels.get(e.getKey()), e.getValue(), e.getValue() / (double) total))
        .toArray(Row[]::new);
  }

  /** Stream tables with no rows, for a window where no topics were found. */
  void writeEmpty(Date day) {
    ctx.warehouse().overwriteOnePartition(Tables.STREAMS, day,
        ctx.spark().createDataFrame(List.of(), Tables.STREAMS_SCHEMA));
    ctx.warehouse().overwriteOnePartition(Tables.STREAM_THEMES, day,
        ctx.spark().createDataFrame(List.of(), Tables.STREAM_THEMES_SCHEMA));
    ctx.warehouse().overwriteOnePartition(Tables.POST_STREAMS, day,
        ctx.spark().createDataFrame(List.of(), Tables.POST_STREAMS_SCHEMA));
  }
}
