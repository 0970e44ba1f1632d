package io.listeningpost.audiences;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.hour;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import io.listeningpost.core.config.TargetAudience;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * The posts of segmented authors counted in one Spark query at every grain that the segment, presence
 * and target-community rows are built from:
 * <ul>
 *   <li>per segment, in this window and the one before, with the sentiment sum and each target's evidence;
 *   <li>per segment and topic, and per segment and community, this window;
 *   <li>per segment, community and platform, in both windows;
 *   <li>per segment, community and platform by hour and by weekday, this window.
 * </ul>
 * The counts are at most a few dozen rows per segment and place, so the rows are assembled from them on
 * the driver: a Spark query for each figure cost far more in per-query overhead than the counting itself.
 */
final class SegmentPostCounts {
  /** The community of posts that name none. */
  static final String NO_COMMUNITY = "(none)";

  private static final int SEGMENT = 0;
  private static final int TOPIC = 1;
  private static final int COMMUNITY = 2;
  private static final int PRESENCE = 3;
  private static final int HOUR = 4;
  private static final int WEEKDAY = 5;

  /**
   * A segment in one community of one platform. In {@link #places()} the community is as the posts name
   * it, or null; as the key of {@link #hours} and {@link #weekdays}, null is {@link #NO_COMMUNITY}.
   */
  record Place(int segment, String community, String platform) {}

  /** A target's evidence in one segment's posts of this window. */
  record Evidence(long posts, long withWords, long inCommunities) {}

  /** Posts of one segment in one place, this window or the one before. */
  record PlaceCount(Place place, boolean current, long posts) {}

  private final Map<Integer, long[]> volume = new HashMap<>();
  private final Map<Integer, double[]> sentiment = new HashMap<>();
  private final Map<Integer, List<Evidence>> evidence = new HashMap<>();
  private final Map<Integer, Map<Integer, Long>> topics = new HashMap<>();
  private final Map<Integer, Map<String, Long>> communities = new HashMap<>();
  private final List<PlaceCount> places = new ArrayList<>();
  private final Map<Place, Map<Integer, Long>> hours = new HashMap<>();
  private final Map<Place, Map<String, Long>> weekdays = new HashMap<>();

  private SegmentPostCounts() {}

  /**
   * @param segmentPosts posts with {@code segment_id}, {@code current}, topic, community, platform,
   *     created_at, title, text and sentiment_score
   * @param targets the configured target audiences, whose evidence is counted in this order
   */
  static SegmentPostCounts of(Dataset<Row> segmentPosts, List<TargetAudience> targets) {
    Column current = col("current");
    Column community = coalesce(col("community"), lit(NO_COMMUNITY));
    Column grains = array(
        grain(SEGMENT, null, null, null, null, null),
        when(current, grain(TOPIC, col("topic"), null, null, null, null)),
        when(current, grain(COMMUNITY, null, community, null, null, null)),
        grain(PRESENCE, null, col("community"), col("platform"), null, null),
        when(current, grain(HOUR, null, community, col("platform"), hour(col("created_at")), null)),
        when(current, grain(WEEKDAY, null, community, col("platform"), null, date_format(col("created_at"), "EEEE"))));
    // The flags are columns before the explode: in the select beside it, Spark would evaluate them once
    // per grain of a post, not once per post.
    Dataset<Row> flagged = segmentPosts;
    List<Column> kept = new ArrayList<>(List.of(explode(grains).as("k"), col("sentiment_score")));
    List<Column> sums = new ArrayList<>(List.of(count(lit(1)), sum("sentiment_score"), count("sentiment_score")));
    for (int i = 0; i < targets.size(); i++) {
      TargetAudience t = targets.get(i);
      List<String> keywords = t.keywords();
      UserDefinedFunction uses = udf((UDF2<String, String, Boolean>) (title, text) ->
          TargetMatch.usesKeyword((title == null ? "" : title + " ") + (text == null ? "" : text), keywords),
          DataTypes.BooleanType);
      Column in = t.communities().isEmpty() ? lit(false) : lower(col("community")).isin(t.communities().stream()
          .map(c -> c.toLowerCase(Locale.ROOT)).toArray());
      flagged = flagged.withColumn("_kw" + i, when(current, uses.apply(col("title"), col("text"))))
          .withColumn("_in" + i, in);
      kept.add(col("_kw" + i));
      kept.add(col("_in" + i));
      sums.add(count(when(col("_kw" + i), lit(1))));
      sums.add(count(when(col("_in" + i), lit(1))));
    }
    List<Row> counted = flagged.select(kept.toArray(new Column[0])).filter(col("k").isNotNull())
        .groupBy(col("k.g"), col("k.segment"), col("k.current"), col("k.topic"), col("k.community"),
            col("k.platform"), col("k.hour"), col("k.weekday"))
        .agg(sums.get(0), sums.subList(1, sums.size()).toArray(new Column[0]))
        .collectAsList();
    SegmentPostCounts out = new SegmentPostCounts();
    counted.forEach(r -> out.add(r, targets.size()));
    return out;
  }

  private static Column grain(int g, Column topic, Column community, Column platform, Column hour, Column weekday) {
    return struct(lit(g).as("g"), col("segment_id").as("segment"), col("current").as("current"),
        typed(topic, DataTypes.IntegerType).as("topic"), typed(community, DataTypes.StringType).as("community"),
        typed(platform, DataTypes.StringType).as("platform"), typed(hour, DataTypes.IntegerType).as("hour"),
        typed(weekday, DataTypes.StringType).as("weekday"));
  }

  private static Column typed(Column c, DataType type) {
    return (c == null ? lit(null) : c).cast(type);
  }

  private void add(Row r, int targets) {
    if (r.isNullAt(2)) {
      return;
    }
    int g = r.getInt(0);
    int segment = r.getInt(1);
    boolean current = r.getBoolean(2);
    long n = r.getLong(8);
    Place place = new Place(segment, r.getString(4), r.getString(5));
    switch (g) {
      case SEGMENT -> {
        volume.computeIfAbsent(segment, s -> new long[2])[current ? 0 : 1] += n;
        if (current) {
          sentiment.put(segment, new double[] {r.isNullAt(9) ? 0 : r.getDouble(9), r.getLong(10)});
          List<Evidence> e = new ArrayList<>(targets);
          for (int i = 0; i < targets; i++) {
            e.add(new Evidence(n, r.getLong(11 + 2 * i), r.getLong(12 + 2 * i)));
          }
          evidence.put(segment, e);
        }
      }
      case TOPIC -> topics.computeIfAbsent(segment, s -> new HashMap<>()).put(r.getInt(3), n);
      case COMMUNITY -> communities.computeIfAbsent(segment, s -> new HashMap<>()).put(r.getString(4), n);
      case PRESENCE -> places.add(new PlaceCount(place, current, n));
      case HOUR -> hours.computeIfAbsent(place, p -> new HashMap<>()).put(r.isNullAt(6) ? null : r.getInt(6), n);
      case WEEKDAY -> weekdays.computeIfAbsent(place, p -> new HashMap<>()).put(r.getString(7), n);
      default -> throw new IllegalStateException("grain " + g);
    }
  }

  /** The segment's posts in this window. */
  long postsNow(int segment) {
    return volume.getOrDefault(segment, new long[2])[0];
  }

  /** The segment's posts in the window before. */
  long postsBefore(int segment) {
    return volume.getOrDefault(segment, new long[2])[1];
  }

  /** Mean sentiment of the segment's posts of this window that have one; null when none has. */
  Double sentiment(int segment) {
    double[] s = sentiment.get(segment);
    return s == null || s[1] == 0 ? null : s[0] / s[1];
  }

  /** Per segment with posts this window, each target's evidence, in the order the targets were given. */
  Map<Integer, List<Evidence>> evidence() {
    return evidence;
  }

  /** Posts of this window per topic of the segment. */
  Map<Integer, Long> topics(int segment) {
    return topics.getOrDefault(segment, Map.of());
  }

  /** Posts of this window per community of the segment, {@link #NO_COMMUNITY} for posts that name none. */
  Map<String, Long> communities(int segment) {
    return communities.getOrDefault(segment, Map.of());
  }

  /** Posts per segment, community as named (or null) and platform, in each window. */
  List<PlaceCount> places() {
    return places;
  }

  /** Posts of this window per hour of the day, in a place whose missing community is {@link #NO_COMMUNITY}. */
  Map<Integer, Long> hours(Place place) {
    return hours.getOrDefault(place, Map.of());
  }

  /** Posts of this window per weekday, in a place whose missing community is {@link #NO_COMMUNITY}. */
  Map<String, Long> weekdays(Place place) {
    return weekdays.getOrDefault(place, Map.of());
  }
}
