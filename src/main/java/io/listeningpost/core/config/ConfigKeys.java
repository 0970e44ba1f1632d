package io.listeningpost.core.config;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import io.listeningpost.core.Redaction;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Every key a job file may set, each with a doc line, a default and a check, and the keys of the
 * {@code sources} and {@code watch} entries and of a csv/json mapping. docs/config.md is generated from
 * these declarations ({@link ConfigReference}), so a key is documented where it is declared.
 */
public final class ConfigKeys {
  private ConfigKeys() { }

  public static final ConfigKey<String> WAREHOUSE = ConfigKey.string("warehouse",
      "Folder (or Hadoop URI) of the Parquet warehouse: one sub-folder per table.", "out/warehouse", nonBlank());
  public static final ConfigKey<String> REPORTS = ConfigKey.string("reports",
      "Folder where run summaries and reports are written.", "out/reports", nonBlank());
  public static final ConfigKey<String> RUN_DATE = ConfigKey.string("run.date",
      "The run's logical date, YYYY-MM-DD; empty means yesterday in run.time-zone, the last whole day. --date on the "
          + "command line wins. A job on a fixed dataset pins it so that the trailing windows end where its data does.",
      "", ConfigKeys::checkDate);
  public static final ConfigKey<String> RUN_TIME_ZONE = ConfigKey.string("run.time-zone",
      "Time zone whose yesterday is the default run date, e.g. Europe/Paris or UTC (a java.time zone id).", "UTC",
      ConfigKeys::checkZone);
  public static final ConfigKey<Double> MAX_QUARANTINE_SHARE = ConfigKey.decimal("run.max-quarantine-share",
      "A run that quarantines more than this share of the posts it read (posts quarantined / posts read) ends "
          + "PARTIAL, exit code 3, instead of SUCCEEDED.", 0.05, 0, 1);
  public static final ConfigKey<Integer> LOCK_STALE_MINUTES = ConfigKey.integer("run.lock-stale-minutes",
      "A warehouse lock held by a run on another host is taken over once its heartbeat (refreshed every minute or "
          + "more often) is this many minutes old; on the same host a lock is taken over as soon as its process is "
          + "gone.", 10, 1, 10_080);
  public static final ConfigKey<String> SPARK_MASTER = ConfigKey.string("spark.master",
      "Spark master URL: local[*] runs embedded; spark://host:7077, yarn or k8s://… reach a cluster.",
      "local[*]", ConfigKeys::checkMaster);
  public static final ConfigKey<Integer> SHUFFLE_PARTITIONS = ConfigKey.integer("spark.shuffle-partitions",
      "spark.sql.shuffle.partitions for the run; the local default suits up to a few million posts.", 8, 1, 100_000);
  public static final ConfigKey<Integer> MAX_TEXT_CHARS = ConfigKey.integer("ingest.max-text-chars",
      "Longer post texts are cut to this many characters and flagged text_truncated.", 100_000, 1_000, 10_000_000);
  public static final ConfigKey<Long> MAX_RECORD_BYTES = ConfigKey.bytes("ingest.max-record-bytes",
      "A raw record (JSON line, XML row, thread document) larger than this is quarantined unread.",
      16L << 20, 1L << 10, 1L << 30);
  public static final ConfigKey<Long> SPLIT_BYTES = ConfigKey.bytes("ingest.split-bytes",
      "Line-oriented files larger than this are read in several parallel splits.", 64L << 20, 1L << 16, 4L << 30);
  public static final ConfigKey<Integer> ROWS_PER_FILE = ConfigKey.integer("ingest.rows-per-file",
      "Target rows per Parquet file, so that no table is split into many tiny files.", 500_000, 1_000, 50_000_000);
  public static final ConfigKey<Integer> POST_KEY_INDEX_MIN_POSTS = ConfigKey.integer(
      "ingest.post-key-index-min-posts",
      "While the posts table holds this many posts before the night's write, ingest finds the posts that replies "
          + "and interactions name through an index of post keys by day instead of reading every post's id; 0 always "
          + "uses the index.",
      2_000_000, 0, 2_000_000_000);
  public static final ConfigKey<Boolean> FAIL_FAST = ConfigKey.bool("ingest.fail-fast",
      "Stop the run at the first unreadable or empty input file instead of reporting it in quarantine.", false);

  public static final ConfigKey<Boolean> ENRICH_ENABLED = ConfigKey.bool("enrich.enabled",
      "Run the enrich stage (language, sentiment, lemmas, entities, watched terms) in nightly.", true);
  public static final ConfigKey<Boolean> LINGUISTICS = ConfigKey.bool("enrich.linguistics",
      "CoreNLP POS, lemmas, noun phrases and named entities for every post (with language and sentiment about 1,000 "
          + "tweets or 250 forum posts per CPU second); false keeps language, sentence split and sentiment only.", true);
  public static final ConfigKey<Integer> ENRICH_MAX_CHARS = ConfigKey.integer("enrich.max-chars",
      "Only the first this many characters of a post are analysed; longer posts count the fallback 'truncated'.",
      20_000, 200, 1_000_000);
  public static final ConfigKey<Integer> ENRICH_TIME_LIMIT = ConfigKey.integer("enrich.post-time-limit-ms",
      "Time limit for the CoreNLP analysis of one post, checked between sentences and tokens; past it the post keeps "
          + "the fast sentiment only ('timeout').",
      10_000, 100, 600_000);
  public static final ConfigKey<Integer> PARSE_MAX_TOKENS = ConfigKey.integer("enrich.parse-max-tokens",
      "CoreNLP parse.maxlen: longer sentences are not parsed for the RNTN ('sentence too long').", 60, 5, 500);
  public static final ConfigKey<Integer> RNTN_MIN_TOKENS = ConfigKey.integer("enrich.rntn-min-tokens",
      "Posts with at least this many tokens also get CoreNLP's RNTN sentiment, blended in; 0 turns the RNTN off.",
      0, 0, 1_000_000);
  public static final ConfigKey<Double> RNTN_WEIGHT = ConfigKey.decimal("enrich.rntn-weight",
      "Weight of the RNTN distribution in the blend for long posts (the social model has the rest).", 0.5, 0, 1);
  public static final ConfigKey<String> LANGUAGES = ConfigKey.string("enrich.languages",
      "ISO 639-1 codes the language detector chooses among (comma-separated); 'en' must be one.",
      "en,de,fr,es,it,pt,nl,sv,da,pl,tr,ru,ja,zh,ar", ConfigKeys::checkLanguages);
  public static final ConfigKey<Boolean> GRAPH_ENABLED = ConfigKey.bool("graph.enabled",
      "Run the graph stage (influencers, communities) in nightly.", true);
  public static final ConfigKey<Integer> GRAPH_WINDOW = ConfigKey.integer("graph.window-days",
      "Trailing window of interactions, in days up to the run date, that make the graph.", 28, 1, 3650);
  public static final ConfigKey<Double> GRAPH_HALF_LIFE = ConfigKey.decimal("graph.half-life-days",
      "An interaction this many days old counts half as much as one on the run date.", 14, 0.1, 3650);
  public static final ConfigKey<Double> WEIGHT_REPLY = ConfigKey.decimal("graph.weight.reply",
      "Edge weight of a reply.", 1.0, 0, 100);
  public static final ConfigKey<Double> WEIGHT_ANSWER = ConfigKey.decimal("graph.weight.answer",
      "Edge weight of an answer (from the answerer to the asker).", 1.5, 0, 100);
  public static final ConfigKey<Double> WEIGHT_COMMENT = ConfigKey.decimal("graph.weight.comment",
      "Edge weight of a comment.", 0.75, 0, 100);
  public static final ConfigKey<Double> WEIGHT_MENTION = ConfigKey.decimal("graph.weight.mention",
      "Edge weight of an @mention.", 0.5, 0, 100);
  public static final ConfigKey<Double> WEIGHT_SHARE = ConfigKey.decimal("graph.weight.share",
      "Edge weight of a share, retweet or reblog.", 1.0, 0, 100);
  public static final ConfigKey<Double> WEIGHT_QUOTE = ConfigKey.decimal("graph.weight.quote",
      "Edge weight of a quote.", 1.0, 0, 100);
  public static final ConfigKey<Double> GRAPH_RESOLUTION = ConfigKey.decimal("graph.resolution",
      "Leiden resolution (modularity): higher gives more, smaller communities.", 1.0, 0.01, 100);
  public static final ConfigKey<Integer> GRAPH_SEED = ConfigKey.integer("graph.seed",
      "Random seed of community detection and betweenness sampling; a seed gives the same result every run.",
      42, 0, Integer.MAX_VALUE);
  public static final ConfigKey<Integer> BETWEENNESS_SAMPLES = ConfigKey.integer("graph.betweenness-samples",
      "Source nodes sampled for approximate betweenness; large graphs use fewer (at least 32) to keep the "
          + "searches under a billion edge visits.", 256, 1, 1_000_000);
  public static final ConfigKey<Integer> GRAPH_TOP = ConfigKey.integer("graph.top-members",
      "Top members listed per community.", 10, 1, 1000);
  public static final ConfigKey<Double> GRAPH_DAMPING = ConfigKey.decimal("graph.damping",
      "PageRank damping factor.", 0.85, 0.01, 0.99);
  public static final ConfigKey<Integer> GRAPH_LOCAL_MAX_EDGES = ConfigKey.integer("graph.local-max-edges",
      "Windows with at most this many distinct author pairs are scored in the driver; larger ones are scored with "
          + "Spark, the edges staying on the executors (0 scores every window with Spark).", 10_000_000, 0,
      Integer.MAX_VALUE);

  public static final ConfigKey<Boolean> AUDIENCES_ENABLED = ConfigKey.bool("audiences.enabled",
      "Run the audiences stage (topics of the window's posts) in nightly.", true);
  public static final ConfigKey<Integer> AUDIENCES_WINDOW = ConfigKey.integer("audiences.window-days",
      "Trailing window of posts, in days up to the run date, whose topics are found; the window before it of the "
          + "same length gives growth.", 28, 1, 3650);
  public static final ConfigKey<Integer> AUDIENCES_TOPICS = ConfigKey.integer("audiences.topics",
      "Number of topics; 0 chooses it from the data (coherence times diversity among 6 to 30).", 0, 0, 200);
  public static final ConfigKey<Integer> AUDIENCES_SAMPLE = ConfigKey.integer("audiences.sample-posts",
      "At most this many of the window's threads fit the topic model (a seeded sample); every post is then "
          + "assigned its topics.", 50_000, 100, 5_000_000);
  public static final ConfigKey<Integer> AUDIENCES_SEED = ConfigKey.integer("audiences.seed",
      "Random seed of the topic model's sample and initialisation; a seed gives the same topics every run.",
      42, 0, Integer.MAX_VALUE);

  public static final ConfigKey<String> RECRUITMENT_TERMS = ConfigKey.string("audiences.recruitment-terms",
      "Comma-separated words and phrases of recruitment and employer-brand messaging; a post using these and no "
          + "marketing terms is labelled recruitment, and the stream model learns from such posts.",
      "hiring,we're hiring,job,jobs,career,careers,vacancy,vacancies,apply,applied,application,applications,"
          + "interview,interviews,interviewed,recruiter,recruiters,recruiting,recruitment,internship,intern,"
          + "graduate programme,graduate program,onboarding,offer letter,salary,benefits,work here,working at,"
          + "join our team,life at,employer,layoffs,laid off,resume,cv,candidate,candidates,hr,hiring manager",
      nonBlank());
  public static final ConfigKey<String> MARKETING_TERMS = ConfigKey.string("audiences.marketing-terms",
      "Comma-separated words and phrases of marketing and product messaging, used like audiences.recruitment-terms.",
      "product,products,launch,launched,new feature,features,pricing,price,prices,discount,sale,promo,coupon,"
          + "customer,customers,customer service,support ticket,order,ordered,delivery,shipping,app,update,release,"
          + "subscription,webinar,demo,buy,bought,shop,store,refund,free trial,upgrade,available now",
      nonBlank());

  public static final ConfigKey<Boolean> ALERTS_ENABLED = ConfigKey.bool("alerts.enabled",
      "Run the alerts stage (candidate-experience complaints, negative spikes, their spread) in nightly.", true);
  public static final ConfigKey<Integer> ALERTS_LOOKBACK = ConfigKey.integer("alerts.lookback-days",
      "Posts of this many days up to the run date are judged for candidate-experience complaints; their alerts are "
          + "written again each run with the spread so far.", 7, 1, 365);
  public static final ConfigKey<Integer> ALERTS_SPIKE_DAYS = ConfigKey.integer("alerts.spike-days",
      "The last this many days up to the run date are compared with the baseline for a spike.", 1, 1, 30);
  public static final ConfigKey<Integer> ALERTS_BASELINE_DAYS = ConfigKey.integer("alerts.baseline-days",
      "Trailing days before the spike days whose negative posts per watched term are the baseline.", 14, 2, 365);
  public static final ConfigKey<Double> ALERTS_SPIKE_Z = ConfigKey.decimal("alerts.spike-z",
      "A watched term's negative posts on the spike days alert at this z-score against the baseline or more; "
          + "twice it is high severity.", 3.0, 0.5, 100);
  public static final ConfigKey<Integer> ALERTS_SPIKE_MIN_POSTS = ConfigKey.integer("alerts.spike-min-posts",
      "A spike needs at least this many negative posts on the spike days, whatever its z-score.", 5, 1, 1_000_000);
  public static final ConfigKey<Integer> ALERTS_HIGH_SPREAD = ConfigKey.integer("alerts.high-spread",
      "A complaint with this many replies, quotes and shares or more is high severity.", 10, 1, 1_000_000);
  public static final ConfigKey<Integer> ALERTS_HIGH_REACH = ConfigKey.integer("alerts.high-reach",
      "A complaint whose author reaches this many authors within two hops (influencers.reach_2hop) or more is "
          + "high severity; a tenth of it makes it medium.", 500, 1, Integer.MAX_VALUE);

  public static final ConfigKey<Boolean> REPORT_ENABLED = ConfigKey.bool("report.enabled",
      "Run the report stage in nightly: the strategy_answers table, and report.html and summary.md in "
          + "<reports>/<run date>/.", true);

  public static final ConfigKey<Integer> RETENTION_DAYS = ConfigKey.integer("retention.days",
      "Dated partitions (dt) older than this many days before the run date are dropped at the end of nightly and by "
          + "the retain command, with the authors and NLP cache entries left without posts (docs/privacy.md); 0 keeps "
          + "everything.", 0, 0, 36_500);

  public static final ConfigKey<Boolean> PSEUDONYMISE = ConfigKey.bool("privacy.pseudonymise",
      "Replace author ids, names and @handles with keyed pseudonyms at ingest, so no table holds them "
          + "(docs/privacy.md); needs a key from privacy.key-env or privacy.key-file.", false);
  public static final ConfigKey<String> KEY_ENV = ConfigKey.string("privacy.key-env",
      "Name of the environment variable holding the pseudonym key (at least 16 bytes; the key is never written in the "
          + "config, and a value here that is not an upper-case variable name is refused without being shown).",
      "LISTENING_POST_PSEUDONYM_KEY", v -> v.matches("[A-Z_][A-Z0-9_]*") ? null
          : "must be the name of an environment variable (upper-case letters, digits and _), not the key itself")
      .valueNotShown();
  public static final ConfigKey<String> KEY_FILE = ConfigKey.string("privacy.key-file",
      "File holding the pseudonym key, instead of the environment variable; relative to the config file. "
          + "Empty: use privacy.key-env.", "", v -> null);

  public static final List<ConfigKey<?>> KEYS = List.of(WAREHOUSE, REPORTS, RUN_DATE, RUN_TIME_ZONE,
      MAX_QUARANTINE_SHARE, LOCK_STALE_MINUTES, SPARK_MASTER, SHUFFLE_PARTITIONS,
      MAX_TEXT_CHARS, MAX_RECORD_BYTES, SPLIT_BYTES, ROWS_PER_FILE, POST_KEY_INDEX_MIN_POSTS, FAIL_FAST,
      ENRICH_ENABLED, LINGUISTICS, ENRICH_MAX_CHARS, ENRICH_TIME_LIMIT, PARSE_MAX_TOKENS, RNTN_MIN_TOKENS, RNTN_WEIGHT,
      LANGUAGES, GRAPH_ENABLED, GRAPH_WINDOW,
      GRAPH_HALF_LIFE, WEIGHT_REPLY, WEIGHT_ANSWER, WEIGHT_COMMENT, WEIGHT_MENTION, WEIGHT_SHARE, WEIGHT_QUOTE,
      GRAPH_RESOLUTION, GRAPH_SEED, BETWEENNESS_SAMPLES, GRAPH_TOP, GRAPH_DAMPING, GRAPH_LOCAL_MAX_EDGES, AUDIENCES_ENABLED,
      AUDIENCES_WINDOW, AUDIENCES_TOPICS, AUDIENCES_SAMPLE, AUDIENCES_SEED, RECRUITMENT_TERMS, MARKETING_TERMS,
      ALERTS_ENABLED, ALERTS_LOOKBACK, ALERTS_SPIKE_DAYS, ALERTS_BASELINE_DAYS, ALERTS_SPIKE_Z, ALERTS_SPIKE_MIN_POSTS,
      ALERTS_HIGH_SPREAD, ALERTS_HIGH_REACH, REPORT_ENABLED, RETENTION_DAYS,
      PSEUDONYMISE, KEY_ENV, KEY_FILE);

  /** The keys of one entry of the {@code watch} list. */
  public static final Map<String, String> WATCH_KEYS = docs(
      "name", "Required. The name as people write it, e.g. \"Acme Corp\".",
      "kind", "brand (ours, the default) or competitor.",
      "aliases", "Other names, handles or hashtags of the same organisation, e.g. [\"Acme\", \"@AcmeJobs\"].");

  /** The keys of one entry of the {@code audiences.targets} list. */
  public static final Map<String, String> TARGET_KEYS = docs(
      "name", "Required. The audience as the strategy names it, e.g. \"data engineers\".",
      "keywords", "Words or phrases its members use, e.g. [\"data pipeline\", \"spark\"]; matched case-insensitively.",
      "communities", "Communities where it gathers, as posts.community holds them, e.g. [\"dataengineering\"].",
      "authors", "Author ids of a few of its members, as posts.author_id holds them.");

  /** The keys of one entry of the {@code audiences.key-topics} list. */
  public static final Map<String, String> KEY_TOPIC_KEYS = docs(
      "name", "Required. The topic or message as the organisation names it, e.g. \"remote work\".",
      "terms", "Required. Words or phrases that name it, e.g. [\"remote\", \"work from home\", \"wfh\"]; matched "
          + "as whole words in any case.");

  /** The keys of one entry of the {@code sources} list. */
  public static final Map<String, String> SOURCE_KEYS = docs(
      "format", "Required. One of: " + SourceFormat.names() + ".",
      "path", "Required. A file or a folder (read recursively); relative to the config file.",
      "name", "Label of the source in summaries and quarantine rows. Default: the format.",
      "community", "Community for posts whose source names none (a blog's name, a CSV without a community column).",
      "platform", "csv/json only, required: the platform written to posts.platform, e.g. twitter.",
      "time-format", "csv/json only: iso (ISO-8601, default), epoch-seconds, epoch-millis, or a java.time pattern (read as UTC).",
      "delimiter", "csv only: the field separator, one character. Default \",\".",
      "mapping", "csv/json only: an object from canonical field to source column, see below.");

  /** Canonical fields a csv/json mapping can fill; the first three are required. */
  public static final Map<String, String> MAPPING_FIELDS = docs(
      "post_id", "Required. Unique id of the post within the platform.",
      "text", "Required. The post text; @mentions, #hashtags and links are parsed from it.",
      "created_at", "Required. Creation time, in the source's time-format.",
      "author_id", "Author id; posts without one are kept with a null author.",
      "author_name", "Author display name.",
      "parent_id", "Id of the post this one replies to.",
      "thread_id", "Id of the thread's first post.",
      "community", "Column naming the community (channel, subreddit, forum…); else the source's community.",
      "title", "Title.",
      "url", "Link to the post.",
      "score", "Likes or votes, a whole number.",
      "reply_count", "Replies, a whole number.",
      "share_count", "Shares or retweets, a whole number.",
      "edited_at", "Last edit time; the latest edit of a post wins.",
      "lang", "Language code declared by the source.");

  private static String checkDate(String v) {
    if (v.isEmpty()) {
      return null;
    }
    try {
      java.time.LocalDate.parse(v);
      return null;
    } catch (java.time.format.DateTimeParseException e) {
      return "expected YYYY-MM-DD, or empty for yesterday";
    }
  }

  private static String checkZone(String v) {
    try {
      java.time.ZoneId.of(v);
      return null;
    } catch (java.time.DateTimeException e) {
      return "not a time zone id; use a region such as Europe/Paris, or UTC";
    }
  }

  private static String checkMaster(String v) {
    if (!v.matches("local(\\[(\\*|\\d+)(,\\d+)?\\])?|spark://.+|yarn|k8s://.+|mesos://.+")) {
      return "must be local, local[N], local[*], spark://…, yarn or k8s://…";
    }
    // Spark refuses a user or password in the master URL; saying so here keeps them out of its error.
    return Redaction.mask(v).equals(v) ? null : "must not hold a user, password or token: Spark takes none in the master URL";
  }

  private static String checkLanguages(String v) {
    if (!v.matches("[a-z]{2}(,[a-z]{2})*") || !List.of(v.split(",")).contains("en")) {
      return "must be comma-separated two-letter codes including en";
    }
    for (String code : v.split(",")) {
      try {
        IsoCode639_1.valueOf(code.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        return "'" + code + "' is not a language the detector knows";
      }
    }
    return null;
  }

  private static Map<String, String> docs(String... pairs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return Collections.unmodifiableMap(m);
  }

  private static Function<String, String> nonBlank() {
    return v -> v.isBlank() ? "must not be empty" : null;
  }
}
