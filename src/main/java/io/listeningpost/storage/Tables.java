package io.listeningpost.storage;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createStructField;
import static org.apache.spark.sql.types.DataTypes.createStructType;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The warehouse tables and their schemas. Column order and types are a contract with the data
 * teams (docs/tables.md); a change bumps {@link #SCHEMA_VERSION}, which every run records.
 */
public final class Tables {
  public static final int SCHEMA_VERSION = 2;

  public static final String POSTS = "posts";
  public static final String AUTHORS = "authors";
  public static final String INTERACTIONS = "interactions";
  public static final String QUARANTINE = "quarantine";
  public static final String RUNS = "_runs";
  public static final String ERASED = "_erased";
  public static final String POST_NLP = "post_nlp";
  public static final String NLP_CACHE = "nlp_cache";
  public static final String INFLUENCERS = "influencers";
  public static final String COMMUNITIES = "communities";
  public static final String TOPICS = "topics";
  public static final String POST_TOPICS = "post_topics";
  public static final String SEGMENTS = "segments";
  public static final String SEGMENT_MEMBERS = "segment_members";
  public static final String AUDIENCE_PRESENCE = "audience_presence";
  public static final String POST_STREAMS = "post_streams";
  public static final String STREAMS = "streams";
  public static final String STREAM_THEMES = "stream_themes";
  public static final String OPPORTUNITIES = "opportunities";
  public static final String TARGET_COMMUNITIES = "target_communities";
  public static final String KEY_TOPICS = "key_topics";
  public static final String ALERTS = "alerts";
  public static final String STRATEGY_ANSWERS = "strategy_answers";

  /** The columns of a post as adapters produce them; {@code posts} adds run_id and dt. */
  public static final StructType POST_RECORD = createStructType(List.of(
      nullable("platform", StringType),
      nullable("community", StringType),
      nullable("post_id", StringType),
      nullable("parent_id", StringType),
      nullable("thread_id", StringType),
      nullable("kind", StringType),
      nullable("author_id", StringType),
      nullable("author_name", StringType),
      nullable("created_at", TimestampType),
      nullable("edited_at", TimestampType),
      nullable("title", StringType),
      nullable("text", StringType),
      nullable("text_truncated", BooleanType),
      nullable("url", StringType),
      nullable("score", LongType),
      nullable("reply_count", LongType),
      nullable("share_count", LongType),
      nullable("mentions", createArrayType(StringType)),
      nullable("hashtags", createArrayType(StringType)),
      nullable("links", createArrayType(StringType)),
      nullable("lang", StringType),
      nullable("is_question", BooleanType),
      nullable("source", StringType),
      nullable("source_position", StringType)));

  public static final StructType AUTHOR_RECORD = createStructType(List.of(
      nullable("platform", StringType),
      nullable("author_id", StringType),
      nullable("name", StringType),
      nullable("account_created_at", TimestampType),
      nullable("observed_at", TimestampType),
      nullable("reputation", LongType),
      nullable("followers", LongType),
      nullable("following", LongType),
      nullable("location", StringType),
      nullable("source", StringType)));

  public static final StructType INTERACTION_RECORD = createStructType(List.of(
      nullable("platform", StringType),
      nullable("src_author", StringType),
      nullable("dst_author", StringType),
      nullable("kind", StringType),
      nullable("post_id", StringType),
      nullable("dst_post_id", StringType),
      nullable("community", StringType),
      nullable("created_at", TimestampType)));

  public static final StructType QUARANTINE_RECORD = createStructType(List.of(
      nullable("source", StringType),
      nullable("format", StringType),
      nullable("source_name", StringType),
      nullable("table_name", StringType),
      nullable("position", StringType),
      nullable("excerpt", StringType),
      nullable("reason", StringType)));

  /** One row per file split read, for the run's file accounting. */
  public static final StructType FILE_RECORD = createStructType(List.of(
      nullable("path", StringType),
      nullable("source_name", StringType),
      nullable("format", StringType),
      nullable("mode", StringType),
      nullable("note", StringType),
      nullable("split_start", LongType)));

  /** The {@code run_id} column every table has: the run that wrote the row. */
  public static final String RUN_ID = "run_id";

  public static final StructType POSTS_SCHEMA = createStructType(concat(List.of(POST_RECORD.fields()),
      List.of(nullable(RUN_ID, StringType), nullable("dt", DateType))));

  public static final StructType INTERACTIONS_SCHEMA = createStructType(concat(List.of(INTERACTION_RECORD.fields()),
      List.of(nullable(RUN_ID, StringType), nullable("dt", DateType))));

  public static final StructType QUARANTINE_SCHEMA = createStructType(concat(List.of(QUARANTINE_RECORD.fields()),
      List.of(nullable(RUN_ID, StringType), nullable("dt", DateType))));

  public static final StructType AUTHORS_SCHEMA = createStructType(List.of(
      nullable("platform", StringType),
      nullable("author_id", StringType),
      nullable("name", StringType),
      nullable("first_seen", TimestampType),
      nullable("last_seen", TimestampType),
      nullable("post_count", LongType),
      nullable("account_created_at", TimestampType),
      nullable("reputation", LongType),
      nullable("followers", LongType),
      nullable("following", LongType),
      nullable("location", StringType),
      nullable("profile_observed_at", TimestampType),
      nullable("profile_source", StringType),
      nullable(RUN_ID, StringType)));

  /**
   * Per ingest table, the Parquet columns (nested ones by their Parquet path) with few distinct values,
   * the only ones worth dictionary encoding.
   */
  public static final Map<String, List<String>> DICTIONARY_COLUMNS = Map.of(
      POSTS, List.of("platform", "community", "kind", "lang", "source", "run_id", "hashtags.list.element",
          "is_question", "text_truncated", "score", "reply_count", "share_count"),
      INTERACTIONS, List.of("platform", "kind", "community", "run_id"),
      AUTHORS, List.of("platform", "location", "profile_source"),
      QUARANTINE, List.of("source", "format", "source_name", "table_name", "reason", "run_id"));

  /** The record kinds the parse stage emits, each with the columns of its record. */
  public static final Map<String, StructType> PARSED_KINDS = parsedKinds();

  private static Map<String, StructType> parsedKinds() {
    Map<String, StructType> kinds = new java.util.LinkedHashMap<>();
    kinds.put("post", POST_RECORD);
    kinds.put("author", AUTHOR_RECORD);
    kinds.put("interaction", INTERACTION_RECORD);
    kinds.put("quarantine", QUARANTINE_RECORD);
    kinds.put("file", FILE_RECORD);
    return java.util.Collections.unmodifiableMap(kinds);
  }

  public static final StructType TABLE_COUNTS = createStructType(List.of(
      nullable("table_name", StringType),
      nullable("rows_read", LongType),
      nullable("rows_written", LongType),
      nullable("rows_deduplicated", LongType),
      nullable("rows_quarantined", LongType),
      nullable("rows_removed", LongType)));

  /** What became of one stage in a run, and the fingerprints a later run compares to skip it when unchanged. */
  public static final StructType STAGE_RUN = createStructType(List.of(
      nullable("stage", StringType),
      nullable("status", StringType),
      nullable("inputs_fingerprint", StringType),
      nullable("outputs_fingerprint", StringType),
      nullable("unchanged_since_run", StringType),
      nullable("duration_ms", LongType),
      nullable("finished_at", TimestampType),
      nullable("message", StringType)));

  public static final StructType RUNS_SCHEMA = createStructType(List.of(
      nullable("run_id", StringType),
      nullable("job", StringType),
      nullable("run_date", DateType),
      nullable("status", StringType),
      nullable("started_at", TimestampType),
      nullable("finished_at", TimestampType),
      nullable("duration_ms", LongType),
      nullable("config_hash", StringType),
      nullable("code_version", StringType),
      nullable("schema_version", LongType),
      nullable("spark_master", StringType),
      nullable("sources", createArrayType(StringType)),
      nullable("files_read", LongType),
      nullable("files_ignored", LongType),
      nullable("table_counts", createArrayType(TABLE_COUNTS)),
      nullable("message", StringType),
      nullable("stages", createArrayType(STAGE_RUN))));

  /**
   * The erasure register: keyed fingerprints of what {@code forget} erased (author ids, their names and
   * handles, their posts and texts), never the values, which ingest consults so that the sources cannot
   * bring them back.
   */
  public static final StructType ERASED_SCHEMA = createStructType(List.of(
      nullable("kind", StringType),
      nullable("fingerprint", StringType),
      nullable("keyed_by", StringType),
      nullable("salt", StringType),
      nullable("erased_at", TimestampType),
      nullable(RUN_ID, StringType)));

  public static final StructType SENTENCE = createStructType(List.of(
      nullable("begin", IntegerType),
      nullable("end", IntegerType),
      nullable("label", StringType),
      nullable("score", DoubleType),
      nullable("dist", createArrayType(DoubleType)),
      nullable("model", StringType)));

  public static final StructType ENTITY = createStructType(List.of(
      nullable("text", StringType),
      nullable("type", StringType)));

  public static final StructType WATCHED = createStructType(List.of(
      nullable("term", StringType),
      nullable("kind", StringType),
      nullable("matched", StringType)));

  /** What the analysis of one text yields; depends on the text alone (cached by text_hash). */
  public static final List<StructField> TEXT_ANALYSIS = List.of(
      nullable("text_hash", StringType),
      nullable("lang", StringType),
      nullable("lang_source", StringType),
      nullable("scored", BooleanType),
      nullable("unscored_reason", StringType),
      nullable("sentiment_label", StringType),
      nullable("sentiment_score", DoubleType),
      nullable("sentiment_dist", createArrayType(DoubleType)),
      nullable("sentiment_model", StringType),
      nullable("sentences", createArrayType(SENTENCE)),
      nullable("lemmas", createArrayType(StringType)),
      nullable("noun_phrases", createArrayType(StringType)),
      nullable("entities", createArrayType(ENTITY)),
      nullable("is_question", BooleanType),
      nullable("fallbacks", createArrayType(StringType)));

  /**
   * One analysed text: the analysis, keyed by text hash, the language the source declared (it decides
   * whether the text is scored as English) and the analysis version (models and settings).
   */
  public static final StructType NLP_CACHE_SCHEMA = createStructType(concat(TEXT_ANALYSIS, List.of(
      nullable("declared_lang", StringType),
      nullable("analysis_version", StringType),
      nullable("run_id", StringType),
      nullable("analysed_at", TimestampType))));

  public static final StructType POST_NLP_SCHEMA = createStructType(concat(List.of(
      nullable("platform", StringType),
      nullable("community", StringType),
      nullable("post_id", StringType),
      nullable("author_id", StringType),
      nullable("created_at", TimestampType)), TEXT_ANALYSIS, List.of(
      nullable("watched", createArrayType(WATCHED)),
      nullable("analysis_version", StringType),
      nullable("run_id", StringType),
      nullable("post_run_id", StringType),
      nullable("dt", DateType))));

  public static final StructType INFLUENCERS_SCHEMA = createStructType(List.of(
      nullable("platform", StringType),
      nullable("author_id", StringType),
      nullable("author_name", StringType),
      nullable("community_id", IntegerType),
      nullable("influence_score", DoubleType),
      nullable("influence_rank", IntegerType),
      nullable("role", StringType),
      nullable("role_reason", StringType),
      nullable("pagerank", DoubleType),
      nullable("hub", DoubleType),
      nullable("authority", DoubleType),
      nullable("weighted_in_degree", DoubleType),
      nullable("unique_repliers", LongType),
      nullable("posts", LongType),
      nullable("score_sum", LongType),
      nullable("replies_received", LongType),
      nullable("engagement", DoubleType),
      nullable("reach_2hop", LongType),
      nullable("community_pagerank", DoubleType),
      nullable("participation", DoubleType),
      nullable("answering_communities", IntegerType),
      nullable("betweenness", DoubleType),
      nullable("sentiment", DoubleType),
      nullable("watched_sentiment", DoubleType),
      nullable("watched_posts", LongType),
      nullable("sentiment_leadership", DoubleType),
      nullable("growth", DoubleType),
      nullable("flagged", BooleanType),
      nullable("flag_reason", StringType),
      nullable("declared_communities", createArrayType(StringType)),
      nullable("window_start", DateType),
      nullable("run_id", StringType),
      nullable("dt", DateType)));

  public static final StructType DECLARED_OVERLAP = createStructType(List.of(
      nullable("name", StringType),
      nullable("members", LongType)));

  public static final StructType COMMUNITIES_SCHEMA = createStructType(List.of(
      nullable("community_id", IntegerType),
      nullable("size", IntegerType),
      nullable("internal_edges", LongType),
      nullable("density", DoubleType),
      nullable("internal_weight", DoubleType),
      nullable("top_members", createArrayType(StringType)),
      nullable("declared_overlap", createArrayType(DECLARED_OVERLAP)),
      nullable("modularity", DoubleType),
      nullable("graph_nodes", IntegerType),
      nullable("graph_edges", IntegerType),
      nullable("window_start", DateType),
      nullable("run_id", StringType),
      nullable("dt", DateType)));

  /** The schema of every table the warehouse holds, by name; partitioned tables end with {@code dt}. */
  public static StructType schemaOf(String table) {
    StructType s = switch (table) {
      case POSTS -> POSTS_SCHEMA;
      case INTERACTIONS -> INTERACTIONS_SCHEMA;
      case AUTHORS -> AUTHORS_SCHEMA;
      case QUARANTINE -> QUARANTINE_SCHEMA;
      case RUNS -> RUNS_SCHEMA;
      case ERASED -> ERASED_SCHEMA;
      case POST_NLP -> POST_NLP_SCHEMA;
      case NLP_CACHE -> NLP_CACHE_SCHEMA;
      case INFLUENCERS -> INFLUENCERS_SCHEMA;
      case COMMUNITIES -> COMMUNITIES_SCHEMA;
      case TOPICS -> TOPICS_SCHEMA;
      case POST_TOPICS -> POST_TOPICS_SCHEMA;
      case SEGMENTS -> SEGMENTS_SCHEMA;
      case SEGMENT_MEMBERS -> SEGMENT_MEMBERS_SCHEMA;
      case AUDIENCE_PRESENCE -> AUDIENCE_PRESENCE_SCHEMA;
      case POST_STREAMS -> POST_STREAMS_SCHEMA;
      case STREAMS -> STREAMS_SCHEMA;
      case STREAM_THEMES -> STREAM_THEMES_SCHEMA;
      case OPPORTUNITIES -> OPPORTUNITIES_SCHEMA;
      case TARGET_COMMUNITIES -> TARGET_COMMUNITIES_SCHEMA;
      case KEY_TOPICS -> KEY_TOPICS_SCHEMA;
      case ALERTS -> ALERTS_SCHEMA;
      case STRATEGY_ANSWERS -> STRATEGY_ANSWERS_SCHEMA;
      default -> null;
    };
    if (s == null) {
      throw new IllegalArgumentException("no table named " + table);
    }
    return s;
  }

  /**
   * The name of every table {@link #schemaOf} knows, sorted: the {@code String}
   * constants here that name a schema. Read from the declarations, so that a table added to
   * {@link #schemaOf} is listed (and queryable with the {@code sql} command) without a second list to keep.
   */
  public static List<String> names() {
    List<String> names = new java.util.ArrayList<>();
    for (java.lang.reflect.Field f : Tables.class.getFields()) {
      int m = f.getModifiers();
      if (f.getType() != String.class || !java.lang.reflect.Modifier.isStatic(m)
          || !java.lang.reflect.Modifier.isFinal(m)) {
        continue;
      }
      try {
        String name = (String) f.get(null);
        if (!names.contains(name) && knows(name)) {
          names.add(name);
        }
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
    names.sort(String::compareTo);
    return List.copyOf(names);
  }

  private static boolean knows(String name) {
    try {
      schemaOf(name);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Whether the table's folders are {@code dt} partitions. */
  public static boolean isPartitioned(String table) {
    String[] names = schemaOf(table).fieldNames();
    return names[names.length - 1].equals("dt");
  }

  public static final StructType SHARE = createStructType(List.of(
      nullable("name", StringType),
      nullable("posts", LongType),
      nullable("share", DoubleType)));

  /** One row per topic found in the window ending on the run date; topic ids hold within one run. */
  public static final StructType TOPICS_SCHEMA = createStructType(List.of(
      nullable("topic_id", IntegerType),
      nullable("label", StringType),
      nullable("top_terms", createArrayType(StringType)),
      nullable("top_phrases", createArrayType(StringType)),
      nullable("posts", LongType),
      nullable("share", DoubleType),
      nullable("previous_posts", LongType),
      nullable("growth", DoubleType),
      nullable("coherence", DoubleType),
      nullable("sentiment", DoubleType),
      nullable("sentiment_sentences", LongType),
      nullable("communities", createArrayType(SHARE)),
      nullable("platforms", createArrayType(SHARE)),
      nullable("example_posts", createArrayType(StringType)),
      nullable("window_start", DateType),
      nullable(RUN_ID, StringType),
      nullable("dt", DateType)));

  /** Each post of the window with its topics, strongest first; a post with no word the model knows has none. */
  public static final StructType POST_TOPICS_SCHEMA = createStructType(List.of(
      nullable("platform", StringType),
      nullable("post_id", StringType),
      nullable("community", StringType),
      nullable("created_at", TimestampType),
      nullable("topic_id", IntegerType),
      nullable("topic_rank", IntegerType),
      nullable("weight", DoubleType),
      nullable(RUN_ID, StringType),
      nullable("dt", DateType)));

  /** One row per audience segment: authors alike in what they talk about and how they behave. */
  public static final StructType SEGMENTS_SCHEMA = createStructType(List.of(
      nullable("segment_id", IntegerType),
      nullable("description", StringType),
      nullable("members", LongType),
      nullable("posts", LongType),
      nullable("share", DoubleType),
      nullable("previous_posts", LongType),
      nullable("growth", DoubleType),
      nullable("sentiment", DoubleType),
      nullable("top_topics", createArrayType(SHARE)),
      nullable("communities", createArrayType(SHARE)),
      nullable("top_voices", createArrayType(StringType)),
      nullable("target_audience", StringType),
      nullable("target_score", DoubleType),
      nullable("target_reason", StringType),
      nullable("window_start", DateType),
      nullable(RUN_ID, StringType),
      nullable("dt", DateType)));

  public static final StructType SEGMENT_MEMBERS_SCHEMA = createStructType(List.of(
      nullable("platform", StringType),
      nullable("author_id", StringType),
      nullable("author_name", StringType),
      nullable("segment_id", IntegerType),
      nullable("posts", LongType),
      nullable(RUN_ID, StringType),
      nullable("dt", DateType)));

  /** Where each segment is active: per community and platform, with when and who leads there. */
  public static final StructType AUDIENCE_PRESENCE_SCHEMA = createStructType(List.of(
      nullable("segment_id", IntegerType),
      nullable("community", StringType),
      nullable("platform", StringType),
      nullable("posts", LongType),
      nullable("share", DoubleType),
      nullable("previous_posts", LongType),
      nullable("growth", DoubleType),
      nullable("active_hours_utc", createArrayType(IntegerType)),
      nullable("active_weekdays", createArrayType(StringType)),
      nullable("opinion_makers", createArrayType(StringType)),
      nullable(RUN_ID, StringType),
      nullable("dt", DateType)));

  public static final StructType POST_STREAMS_SCHEMA = createStructType(List.of(
      nullable("platform", StringType),
      nullable("post_id", StringType),
      nullable("stream", StringType),
      nullable("stream_source", StringType),
      nullable("stream_probability", DoubleType),
      nullable(RUN_ID, StringType),
      nullable("dt", DateType)));

  public static final StructType STREAMS_SCHEMA = createStructType(List.of(
      nullable("stream", StringType),
      nullable("posts", LongType),
      nullable("share", DoubleType),
      nullable("sentiment", DoubleType),
      nullable("top_topics", createArrayType(SHARE)),
      nullable(RUN_ID, StringType),
      nullable("dt", DateType)));

  /** Topics present in both the recruitment and the marketing stream: the themes that link them. */
  public static final StructType STREAM_THEMES_SCHEMA = createStructType(List.of(
      nullable("topic_id", IntegerType),
      nullable("label", StringType),
      nullable("recruitment_posts", LongType),
      nullable("recruitment_share", DoubleType),
      nullable("marketing_posts", LongType),
      nullable("marketing_share", DoubleType),
      nullable(RUN_ID, StringType),
      nullable("dt", DateType)));

  /** For each configured target audience, the existing communities ranked by how well they fit it. */
  public static final StructType TARGET_COMMUNITIES_SCHEMA = createStructType(List.of(
      nullable("target_audience", StringType),
      nullable("rank", IntegerType),
      nullable("community", StringType),
      nullable("fit", DoubleType),
      nullable("posts", LongType),
      nullable("keyword_share", DoubleType),
      nullable("listed", BooleanType),
      nullable("segment_share", DoubleType),
      nullable("reason", StringType),
      nullable(RUN_ID, StringType),
      nullable("dt", DateType)));

  /** What can enrich the communities: open questions, rising topics and recurring pain points. */
  public static final StructType OPPORTUNITIES_SCHEMA = createStructType(List.of(
      nullable("type", StringType),
      nullable("community", StringType),
      nullable("topic_id", IntegerType),
      nullable("topic_label", StringType),
      nullable("score", DoubleType),
      nullable("evidence_posts", createArrayType(StringType)),
      nullable("evidence_links", createArrayType(StringType)),
      nullable("reason", StringType),
      nullable(RUN_ID, StringType),
      nullable("dt", DateType)));

  /** The configured key topics' share of voice and sentiment per community and day of the window. */
  public static final StructType KEY_TOPICS_SCHEMA = createStructType(List.of(
      nullable("key_topic", StringType),
      nullable("community", StringType),
      nullable("day", DateType),
      nullable("posts", LongType),
      nullable("community_posts", LongType),
      nullable("share_of_voice", DoubleType),
      nullable("sentiment", DoubleType),
      nullable(RUN_ID, StringType),
      nullable("dt", DateType)));

  /**
   * Risks to answer: candidate-experience complaints naming a watched brand and spikes of negative posts on a
   * watched term, each with its evidence, severity, spread and the suggested next step.
   */
  public static final StructType ALERTS_SCHEMA = createStructType(List.of(
      nullable("alert_id", StringType),
      nullable("kind", StringType),
      nullable("post_id", StringType),
      nullable("watched_term", StringType),
      nullable("community", StringType),
      nullable("platform", StringType),
      nullable("severity", StringType),
      nullable("score", DoubleType),
      nullable("reason", StringType),
      nullable("evidence_url", StringType),
      nullable("evidence_excerpt", StringType),
      nullable("author_id", StringType),
      nullable("author_reach", LongType),
      nullable("author_role", StringType),
      nullable("replies", LongType),
      nullable("quotes", LongType),
      nullable("shares", LongType),
      nullable("spread_authors", LongType),
      nullable("spread_reach", LongType),
      nullable("next_step", StringType),
      nullable("posted_at", TimestampType),
      nullable("created_at", TimestampType),
      nullable(RUN_ID, StringType),
      nullable("dt", DateType)));

  /** The six strategy questions answered for the run date, each with ranked rows and their evidence. */
  public static final StructType STRATEGY_ANSWERS_SCHEMA = createStructType(List.of(
      nullable("question", StringType),
      nullable("question_text", StringType),
      nullable("rank", IntegerType),
      nullable("answer", StringType),
      nullable("evidence", StringType),
      nullable("evidence_posts", createArrayType(StringType)),
      nullable("confidence", DoubleType),
      nullable(RUN_ID, StringType),
      nullable("dt", DateType)));

  private static List<StructField> concat(List<StructField> a, List<StructField> b) {
    List<StructField> out = new java.util.ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private static List<StructField> concat(List<StructField> a, List<StructField> b, List<StructField> c) {
    return concat(concat(a, b), c);
  }

  private Tables() {}

  private static StructField nullable(String name, org.apache.spark.sql.types.DataType type) {
    return createStructField(name, type, true);
  }
}
