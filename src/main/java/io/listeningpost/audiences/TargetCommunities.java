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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
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
   * @param segmentPosts the same posts of segmented authors, this window's counted per segment and community
   * @return the rows due: per target, the communities where its words are used, that the config names for it, or
   *     where its segments post, up to {@link #TOP}; taken as a set of communities, apart from the scores
   */
  long write(Dataset<Row> posts, SegmentPostCounts segmentPosts, List<TargetAudience> targets,
      Map<String, List<Integer>> segmentsOfTarget, Date day) {
    List<Row> rows = new ArrayList<>();
    Map<String, Long> totals = new HashMap<>();
    List<Map<String, Long>> withWords = new ArrayList<>();
    long due = 0;
    if (!targets.isEmpty()) {
      // Posts per community, and per target those that use its words, in one query.
      Column text = concat_ws(" ", coalesce(col("title"), lit("")), coalesce(col("text"), lit("")));
      List<Column> counts = new ArrayList<>();
      for (TargetAudience t : targets) {
        List<String> keywords = t.keywords();
        UserDefinedFunction uses = udf((UDF1<String, Boolean>) s -> TargetMatch.usesKeyword(s, keywords),
            DataTypes.BooleanType);
        counts.add(count(when(uses.apply(text), lit(1))));
        withWords.add(new HashMap<>());
      }
      for (Row r : posts.groupBy(coalesce(col("community"), lit(SegmentPostCounts.NO_COMMUNITY)))
          .agg(count(lit(1)), counts.toArray(new Column[0])).collectAsList()) {
        totals.put(r.getString(0), r.getLong(1));
        for (int i = 0; i < targets.size(); i++) {
          if (r.getLong(2 + i) > 0) {
            withWords.get(i).put(r.getString(0), r.getLong(2 + i));
          }
        }
      }
    }
    for (int i = 0; i < targets.size(); i++) {
      TargetAudience t = targets.get(i);
      Map<String, Long> words = withWords.get(i);
      Map<String, Long> bySegments = new HashMap<>();
      for (int segment : segmentsOfTarget.getOrDefault(t.name(), List.of())) {
        segmentPosts.communities(segment).forEach((c, n) -> bySegments.merge(c, n, Long::sum));
      }
      List<String> listed = t.communities().stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
      Set<String> fitting = new HashSet<>(words.keySet());
      totals.keySet().stream().filter(c -> listed.contains(c.toLowerCase(Locale.ROOT))).forEach(fitting::add);
      fitting.addAll(bySegments.keySet());
      due += Math.min(TOP, fitting.size());
      List<Object[]> scored = new ArrayList<>();
      for (Map.Entry<String, Long> e : totals.entrySet()) {
        double share = words.getOrDefault(e.getKey(), 0L) / (double) e.getValue();
        boolean named = listed.contains(e.getKey().toLowerCase(Locale.ROOT));
        double segment = bySegments.getOrDefault(e.getKey(), 0L) / (double) e.getValue();
        double fit = 0.5 * share + 0.3 * (named ? 1 : 0) + 0.2 * segment;
        if (fit > 0) {
          scored.add(new Object[] {e.getKey(), fit, e.getValue(), share, named, segment});
        }
      }
      scored.sort(Comparator.<Object[]>comparingDouble(o -> -(double) o[1]).thenComparing(o -> (String) o[0]));
      for (int rank = 0; rank < Math.min(TOP, scored.size()); rank++) {
        Object[] o = scored.get(rank);
        rows.add(RowFactory.create(t.name(), rank + 1, o[0], o[1], o[2], o[3], o[4], o[5],
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
