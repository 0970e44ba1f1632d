package io.listeningpost.audiences;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import io.listeningpost.core.config.TargetAudience;
import io.listeningpost.stage.StageContext;
import io.listeningpost.storage.Tables;
import java.sql.Date;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * For each target audience, the existing communities ranked by fit: the strategy joins the
 * communities where its audience already talks rather than building new ones. A community fits by the
 * share of its posts that use the target's words (half), by being one the config names for the target
 * (three tenths), and by the share of its posts written by the segments matched to the target (a fifth).
 */
final class TargetCommunities {
  private static final int TOP = 10;

  private final StageContext ctx;

  TargetCommunities(StageContext ctx) {
    this.ctx = ctx;
  }

  /**
   * @param posts the window's English posts with a topic (community, title, text)
   * @param segmentPosts the same posts of segmented authors, with {@code segment_id}
   * @return the rows due: per target, the communities where its words are used, that the config names for it, or
   *     where its segments post, up to {@link #TOP}; counted by Spark apart from the ranking
   */
  long write(Dataset<Row> posts, Dataset<Row> segmentPosts, List<TargetAudience> targets,
      Map<String, List<Integer>> segmentsOfTarget, Date day) {
    List<Row> rows = new ArrayList<>();
    Dataset<Row> keyed = posts.withColumn("_c", coalesce(col("community"), lit("(none)")))
        .withColumn("_text", concat_ws(" ", coalesce(col("title"), lit("")), coalesce(col("text"), lit(""))));
    Map<String, Long> totals = new HashMap<>();
    long due = 0;
    if (!targets.isEmpty()) {
      keyed.groupBy("_c").count().collectAsList().forEach(r -> totals.put(r.getString(0), r.getLong(1)));
    }
    for (TargetAudience t : targets) {
      List<String> keywords = t.keywords();
      UserDefinedFunction uses = udf((UDF1<String, Boolean>) text -> TargetMatch.usesKeyword(text, keywords),
          DataTypes.BooleanType);
      Map<String, Long> withWords = new HashMap<>();
      for (Row r : keyed.filter(uses.apply(col("_text"))).groupBy("_c").count().collectAsList()) {
        withWords.put(r.getString(0), r.getLong(1));
      }
      Map<String, Long> bySegments = new HashMap<>();
      List<Integer> segments = segmentsOfTarget.getOrDefault(t.name(), List.of());
      if (!segments.isEmpty()) {
        for (Row r : segmentPosts.filter(col("segment_id").isin(segments.toArray()))
            .groupBy(coalesce(col("community"), lit("(none)"))).count().collectAsList()) {
          bySegments.put(r.getString(0), r.getLong(1));
        }
      }
      List<String> listed = t.communities().stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
      UserDefinedFunction isListed = udf((UDF1<String, Boolean>) c -> listed.contains(c.toLowerCase(Locale.ROOT)),
          DataTypes.BooleanType);
      Dataset<Row> fitting = keyed.filter(uses.apply(col("_text")).or(isListed.apply(col("_c")))).select("_c");
      if (!segments.isEmpty()) {
        fitting = fitting.union(segmentPosts.filter(col("segment_id").isin(segments.toArray()))
            .select(coalesce(col("community"), lit("(none)"))));
      }
      due += Math.min(TOP, fitting.distinct().count());
      List<Object[]> scored = new ArrayList<>();
      for (Map.Entry<String, Long> e : totals.entrySet()) {
        double words = withWords.getOrDefault(e.getKey(), 0L) / (double) e.getValue();
        boolean named = listed.contains(e.getKey().toLowerCase(Locale.ROOT));
        double segment = bySegments.getOrDefault(e.getKey(), 0L) / (double) e.getValue();
        double fit = 0.5 * words + 0.3 * (named ? 1 : 0) + 0.2 * segment;
        if (fit > 0) {
          scored.add(new Object[] {e.getKey(), fit, e.getValue(), words, named, segment});
        }
      }
      scored.sort(Comparator.<Object[]>comparingDouble(o -> -(double) o[1]).thenComparing(o -> (String) o[0]));
      for (int i = 0; i < Math.min(TOP, scored.size()); i++) {
        Object[] o = scored.get(i);
        rows.add(RowFactory.create(t.name(), i + 1, o[0], o[1], o[2], o[3], o[4], o[5],
            String.format(Locale.ROOT, "%.0f%% of its %d posts use the words of %s%s; %.0f%% come from the segments "
                + "closest to it", 100 * (double) o[3], (long) o[2], t.name(),
                (boolean) o[4] ? ", and the config names it for this audience" : "", 100 * (double) o[5]),
            ctx.runId(), day));
      }
    }
    ctx.warehouse().overwriteOnePartition(Tables.TARGET_COMMUNITIES, day,
        ctx.spark().createDataFrame(rows, Tables.TARGET_COMMUNITIES_SCHEMA));
    return due;
  }
}
