package io.listeningpost.core.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The one typed configuration of a run, read from a HOCON file. Every key is declared below with a
 * doc line, a default and a check; docs/config.md is generated from these declarations.
 *
 * <p>Relative paths in a config file resolve against the file's folder, so that a job file can be run
 * from any working directory. Paths given on the command line resolve against the working directory.
 */
public final class ListeningPostConfig {

  public static final ConfigKey<String> WAREHOUSE = ConfigKey.string("warehouse",
      "Folder (or Hadoop URI) of the Parquet warehouse: one sub-folder per table.", "out/warehouse", nonBlank());
  public static final ConfigKey<String> REPORTS = ConfigKey.string("reports",
      "Folder where run summaries and reports are written.", "out/reports", nonBlank());
  public static final ConfigKey<String> SPARK_MASTER = ConfigKey.string("spark.master",
      "Spark master URL: local[*] runs embedded; spark://host:7077, yarn or k8s://… reach a cluster.",
      "local[*]", v -> v.matches("local(\\[(\\*|\\d+)(,\\d+)?\\])?|spark://.+|yarn|k8s://.+|mesos://.+")
          ? null : "must be local, local[N], local[*], spark://…, yarn or k8s://…");
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
  public static final ConfigKey<Boolean> FAIL_FAST = ConfigKey.bool("ingest.fail-fast",
      "Stop the run at the first unreadable or empty input file instead of reporting it in quarantine.", false);

  public static final ConfigKey<Boolean> ENRICH_ENABLED = ConfigKey.bool("enrich.enabled",
      "Run the enrich stage (language, sentiment, lemmas, entities, watched terms) in nightly.", true);
  public static final ConfigKey<Boolean> LINGUISTICS = ConfigKey.bool("enrich.linguistics",
      "CoreNLP POS, lemmas, noun phrases and named entities for every post (about 60 tweets/s per core); false "
          + "keeps language, sentence split and sentiment only (thousands of posts/s).", true);
  public static final ConfigKey<Integer> ENRICH_MAX_CHARS = ConfigKey.integer("enrich.max-chars",
      "Only the first this many characters of a post are analysed; longer posts count the fallback 'truncated'.",
      20_000, 200, 1_000_000);
  public static final ConfigKey<Integer> ENRICH_TIME_LIMIT = ConfigKey.integer("enrich.post-time-limit-ms",
      "Time limit for the CoreNLP analysis of one post; past it the post keeps the fast sentiment only ('timeout').",
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
      "en,de,fr,es,it,pt,nl,sv,da,pl,tr,ru,ja,zh,ar", ListeningPostConfig::checkLanguages);
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

  public static final List<ConfigKey<?>> KEYS = List.of(WAREHOUSE, REPORTS, SPARK_MASTER, SHUFFLE_PARTITIONS,
      MAX_TEXT_CHARS, MAX_RECORD_BYTES, SPLIT_BYTES, ROWS_PER_FILE, FAIL_FAST, ENRICH_ENABLED, LINGUISTICS, ENRICH_MAX_CHARS,
      ENRICH_TIME_LIMIT, PARSE_MAX_TOKENS, RNTN_MIN_TOKENS, RNTN_WEIGHT, LANGUAGES, GRAPH_ENABLED, GRAPH_WINDOW,
      GRAPH_HALF_LIFE, WEIGHT_REPLY, WEIGHT_ANSWER, WEIGHT_COMMENT, WEIGHT_MENTION, WEIGHT_SHARE, WEIGHT_QUOTE,
      GRAPH_RESOLUTION, GRAPH_SEED, BETWEENNESS_SAMPLES, GRAPH_TOP, GRAPH_DAMPING);

  /** The keys of one entry of the {@code watch} list. */
  public static final Map<String, String> WATCH_KEYS = docs(
      "name", "Required. The name as people write it, e.g. \"Acme Corp\".",
      "kind", "brand (ours, the default) or competitor.",
      "aliases", "Other names, handles or hashtags of the same organisation, e.g. [\"Acme\", \"@AcmeJobs\"].");

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

  private static final Set<String> TOP_LEVEL = Set.of("warehouse", "reports", "spark", "ingest", "sources",
      "enrich", "graph", "watch");
  private static final Pattern DELIMITER = Pattern.compile(".|\\\\t|tab");

  private final String origin;
  private final String warehouse;
  private final String reports;
  private final String sparkMaster;
  private final int shufflePartitions;
  private final IngestLimits ingestLimits;
  private final int rowsPerFile;
  private final List<SourceSpec> sources;
  private final EnrichSettings enrich;
  private final GraphSettings graph;
  private final String hash;

  private ListeningPostConfig(String origin, String warehouse, String reports, String sparkMaster,
      int shufflePartitions, IngestLimits ingestLimits, int rowsPerFile, List<SourceSpec> sources,
      EnrichSettings enrich, GraphSettings graph, String hash) {
    this.origin = origin;
    this.warehouse = warehouse;
    this.reports = reports;
    this.sparkMaster = sparkMaster;
    this.shufflePartitions = shufflePartitions;
    this.ingestLimits = ingestLimits;
    this.rowsPerFile = rowsPerFile;
    this.sources = List.copyOf(sources);
    this.enrich = enrich;
    this.graph = graph;
    this.hash = hash;
  }

  /** Loads and validates {@code file}, then applies the command line's overrides. */
  public static ListeningPostConfig load(Path file, Overrides overrides) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException("--config", List.of("--config = " + file + ": no such file"));
    }
    Config config;
    try {
      config = ConfigFactory.parseFile(file.toFile()).resolve();
    } catch (com.typesafe.config.ConfigException e) {
      throw new ConfigException(file.toString(), List.of("cannot parse: " + e.getMessage()));
    }
    Path base = file.toAbsolutePath().getParent();
    return fromConfig(config, file.toString(), base, overrides);
  }

  /** Validates an already parsed config; relative paths in it resolve against {@code base}. */
  public static ListeningPostConfig fromConfig(Config config, String origin, Path base, Overrides overrides) {
    List<String> problems = new ArrayList<>();
    checkUnknownKeys(config, problems);
    String warehouse = resolve(base, WAREHOUSE.read(config, "", problems), config.hasPath("warehouse"));
    String reports = resolve(base, REPORTS.read(config, "", problems), config.hasPath("reports"));
    String master = SPARK_MASTER.read(config, "", problems);
    int shuffle = SHUFFLE_PARTITIONS.read(config, "", problems);
    IngestLimits limits = new IngestLimits(MAX_TEXT_CHARS.read(config, "", problems),
        MAX_RECORD_BYTES.read(config, "", problems), SPLIT_BYTES.read(config, "", problems),
        FAIL_FAST.read(config, "", problems));
    int rowsPerFile = ROWS_PER_FILE.read(config, "", problems);
    List<SourceSpec> sources = readSources(config, base, problems);
    EnrichSettings enrich = new EnrichSettings(ENRICH_ENABLED.read(config, "", problems),
        LINGUISTICS.read(config, "", problems), ENRICH_MAX_CHARS.read(config, "", problems), ENRICH_TIME_LIMIT.read(config, "", problems),
        PARSE_MAX_TOKENS.read(config, "", problems), RNTN_MIN_TOKENS.read(config, "", problems),
        RNTN_WEIGHT.read(config, "", problems), List.of(LANGUAGES.read(config, "", problems).split(",")),
        readWatch(config, problems));
    Map<String, Double> kindWeights = new LinkedHashMap<>();
    kindWeights.put("reply", WEIGHT_REPLY.read(config, "", problems));
    kindWeights.put("answer", WEIGHT_ANSWER.read(config, "", problems));
    kindWeights.put("comment", WEIGHT_COMMENT.read(config, "", problems));
    kindWeights.put("mention", WEIGHT_MENTION.read(config, "", problems));
    kindWeights.put("share", WEIGHT_SHARE.read(config, "", problems));
    kindWeights.put("quote", WEIGHT_QUOTE.read(config, "", problems));
    GraphSettings graph = new GraphSettings(GRAPH_ENABLED.read(config, "", problems),
        GRAPH_WINDOW.read(config, "", problems), GRAPH_HALF_LIFE.read(config, "", problems), kindWeights,
        GRAPH_RESOLUTION.read(config, "", problems), GRAPH_SEED.read(config, "", problems),
        BETWEENNESS_SAMPLES.read(config, "", problems), GRAPH_TOP.read(config, "", problems),
        GRAPH_DAMPING.read(config, "", problems));

    if (overrides.warehouse() != null) {
      warehouse = overrides.warehouse();
    }
    if (overrides.reports() != null) {
      reports = overrides.reports();
    }
    if (overrides.master() != null) {
      List<String> masterProblems = new ArrayList<>();
      SPARK_MASTER.read(ConfigFactory.parseMap(Map.of("spark.master", overrides.master())), "", masterProblems);
      masterProblems.forEach(p -> problems.add(p.replace("spark.master", "--master")));
      master = overrides.master();
    }
    if (overrides.failFast()) {
      limits = new IngestLimits(limits.maxTextChars(), limits.maxRecordBytes(), limits.splitBytes(), true);
    }
    if (!overrides.sources().isEmpty()) {
      sources = overrides.sources();
    }
    if (sources.isEmpty()) {
      problems.add("sources = []: at least one source is needed (configure sources or pass --source FORMAT=PATH)");
    }
    for (SourceSpec s : sources) {
      if (!s.path().contains("://") && !Files.exists(Path.of(s.path()))) {
        problems.add("source " + s.name() + " path = \"" + s.path() + "\": no such file or folder");
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(origin, problems);
    }
    String hash = sha256(config.root().render(ConfigRenderOptions.concise()) + "|" + overrides);
    return new ListeningPostConfig(origin, warehouse, reports, master, shuffle, limits, rowsPerFile, sources, enrich,
        graph, hash);
  }

  private static void checkUnknownKeys(Config config, List<String> problems) {
    Set<String> known = new TreeSet<>();
    KEYS.forEach(k -> known.add(k.path()));
    for (String key : config.root().keySet()) {
      if (!TOP_LEVEL.contains(key)) {
        problems.add("unknown key '" + key + "'" + suggestion(key, known));
      }
    }
    for (String group : List.of("spark", "ingest", "enrich", "graph", "graph.weight")) {
      if (!config.hasPath(group)) {
        continue;
      }
      if (config.getValue(group).valueType() != ConfigValueType.OBJECT) {
        problems.add(group + " = " + ConfigKey.render(config, group) + ": must be an object");
        continue;
      }
      for (String key : config.getConfig(group).root().keySet()) {
        String full = group + "." + key;
        if (!known.contains(full) && !(group.equals("graph") && key.equals("weight"))) {
          problems.add("unknown key '" + full + "'" + suggestion(full, known));
        }
      }
    }
  }

  private static String checkLanguages(String v) {
    if (!v.matches("[a-z]{2}(,[a-z]{2})*") || !List.of(v.split(",")).contains("en")) {
      return "must be comma-separated two-letter codes including en";
    }
    for (String code : v.split(",")) {
      try {
        com.github.pemistahl.lingua.api.IsoCode639_1.valueOf(code.toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        return "'" + code + "' is not a language the detector knows";
      }
    }
    return null;
  }

  private static List<WatchTerm> readWatch(Config config, List<String> problems) {
    List<WatchTerm> out = new ArrayList<>();
    if (!config.hasPath("watch")) {
      return out;
    }
    if (config.getValue("watch").valueType() != ConfigValueType.LIST) {
      problems.add("watch = " + ConfigKey.render(config, "watch") + ": must be a list of objects with a name");
      return out;
    }
    ConfigList list = config.getList("watch");
    for (int i = 0; i < list.size(); i++) {
      String key = "watch[" + i + "]";
      if (list.get(i).valueType() != ConfigValueType.OBJECT) {
        problems.add(key + " = " + list.get(i).render(ConfigRenderOptions.concise()) + ": must be an object with a name");
        continue;
      }
      Config c = ((ConfigObject) list.get(i)).toConfig();
      for (String k : c.root().keySet()) {
        if (!WATCH_KEYS.containsKey(k)) {
          problems.add("unknown key '" + key + "." + k + "'" + suggestion(k, WATCH_KEYS.keySet()));
        }
      }
      String name = optString(c, "name", key, problems);
      if (name == null || name.isBlank()) {
        problems.add(key + ".name is missing: the brand or competitor name to watch");
        continue;
      }
      String kind = c.hasPath("kind") ? optString(c, "kind", key, problems) : WatchTerm.BRAND;
      if (kind != null && !kind.equals(WatchTerm.BRAND) && !kind.equals(WatchTerm.COMPETITOR)) {
        problems.add(key + ".kind = \"" + kind + "\": must be brand or competitor");
      }
      List<String> aliases = new ArrayList<>();
      if (c.hasPath("aliases")) {
        try {
          aliases.addAll(c.getStringList("aliases"));
        } catch (com.typesafe.config.ConfigException e) {
          problems.add(key + ".aliases = " + ConfigKey.render(c, "aliases") + ": must be a list of strings");
        }
      }
      out.add(new WatchTerm(name.trim(), kind == null ? WatchTerm.BRAND : kind, aliases));
    }
    return out;
  }

  private static List<SourceSpec> readSources(Config config, Path base, List<String> problems) {
    List<SourceSpec> out = new ArrayList<>();
    if (!config.hasPath("sources")) {
      return out;
    }
    if (config.getValue("sources").valueType() != ConfigValueType.LIST) {
      problems.add("sources = " + ConfigKey.render(config, "sources") + ": must be a list of objects");
      return out;
    }
    ConfigList list = config.getList("sources");
    for (int i = 0; i < list.size(); i++) {
      String key = "sources[" + i + "]";
      ConfigValue v = list.get(i);
      if (v.valueType() != ConfigValueType.OBJECT) {
        problems.add(key + " = " + v.render(ConfigRenderOptions.concise()) + ": must be an object with format and path");
        continue;
      }
      SourceSpec spec = readSource(((ConfigObject) v).toConfig(), key, base, problems);
      if (spec != null) {
        out.add(spec);
      }
    }
    return out;
  }

  private static SourceSpec readSource(Config c, String key, Path base, List<String> problems) {
    for (String k : c.root().keySet()) {
      if (!SOURCE_KEYS.containsKey(k)) {
        problems.add("unknown key '" + key + "." + k + "'" + suggestion(k, SOURCE_KEYS.keySet()));
      }
    }
    String formatName = optString(c, "format", key, problems);
    String path = optString(c, "path", key, problems);
    if (formatName == null || path == null) {
      if (formatName == null) {
        problems.add(key + ".format is missing: one of " + SourceFormat.names());
      }
      if (path == null) {
        problems.add(key + ".path is missing: a file or folder to read");
      }
      return null;
    }
    SourceFormat format = SourceFormat.parse(formatName);
    if (format == null) {
      problems.add(key + ".format = \"" + formatName + "\": must be one of " + SourceFormat.names());
      return null;
    }
    String name = c.hasPath("name") ? optString(c, "name", key, problems) : format.configName();
    String community = optString(c, "community", key, problems);
    String platform = optString(c, "platform", key, problems);
    String timeFormat = c.hasPath("time-format") ? optString(c, "time-format", key, problems) : "iso";
    String delimiter = c.hasPath("delimiter") ? optString(c, "delimiter", key, problems) : ",";
    Map<String, String> mapping = new LinkedHashMap<>();
    if (format.isMapped()) {
      if (platform == null || platform.isBlank()) {
        problems.add(key + ".platform is missing: csv and json sources name their platform, e.g. platform = twitter");
      }
      readMapping(c, key, mapping, problems);
      String timeProblem = TimeFormats.check(timeFormat);
      if (timeProblem != null) {
        problems.add(key + ".time-format = \"" + timeFormat + "\": " + timeProblem);
      }
      if (delimiter != null && !DELIMITER.matcher(delimiter).matches()) {
        problems.add(key + ".delimiter = \"" + delimiter + "\": must be one character (or \\t)");
      }
    } else {
      for (String mappedOnly : List.of("platform", "mapping", "time-format", "delimiter")) {
        if (c.hasPath(mappedOnly)) {
          problems.add(key + "." + mappedOnly + ": only csv and json sources take " + mappedOnly
              + " (this source is " + format.configName() + ")");
        }
      }
      platform = SourceSpec.defaultPlatform(format);
    }
    String resolved = resolve(base, path, true);
    return new SourceSpec(name, format, resolved, community, platform, mapping, timeFormat,
        "\\t".equals(delimiter) || "tab".equals(delimiter) ? "\t" : delimiter);
  }

  private static void readMapping(Config c, String key, Map<String, String> mapping, List<String> problems) {
    if (!c.hasPath("mapping") || c.getValue("mapping").valueType() != ConfigValueType.OBJECT) {
      problems.add(key + ".mapping is missing: map at least post_id, text and created_at to source columns");
      return;
    }
    Config m = c.getConfig("mapping");
    for (Map.Entry<String, ConfigValue> e : m.root().entrySet()) {
      String field = e.getKey();
      if (!MAPPING_FIELDS.containsKey(field)) {
        problems.add("unknown key '" + key + ".mapping." + field + "'" + suggestion(field, MAPPING_FIELDS.keySet()));
      } else if (e.getValue().valueType() != ConfigValueType.STRING) {
        problems.add(key + ".mapping." + field + " = " + e.getValue().render(ConfigRenderOptions.concise())
            + ": must be a column name");
      } else {
        mapping.put(field, (String) e.getValue().unwrapped());
      }
    }
    for (String required : List.of("post_id", "text", "created_at")) {
      if (!m.hasPath(required)) {
        problems.add(key + ".mapping." + required + " is missing: it is required");
      }
    }
  }

  private static String optString(Config c, String k, String key, List<String> problems) {
    if (!c.hasPath(k)) {
      return null;
    }
    if (c.getValue(k).valueType() != ConfigValueType.STRING) {
      problems.add(key + "." + k + " = " + ConfigKey.render(c, k) + ": must be a string");
      return null;
    }
    return c.getString(k);
  }

  private static String resolve(Path base, String path, boolean fromFile) {
    if (!fromFile || path.contains("://") || base == null) {
      return path;
    }
    Path p = Path.of(path);
    return p.isAbsolute() ? path : base.resolve(p).normalize().toString();
  }

  private static String suggestion(String key, Set<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String k : known) {
      int d = levenshtein(key, k);
      if (d < bestDistance) {
        bestDistance = d;
        best = k;
      }
    }
    return best != null && bestDistance <= 3 ? " (did you mean '" + best + "'?)" : "";
  }

  private static int levenshtein(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  private static Map<String, String> docs(String... pairs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(m);
  }

  private static java.util.function.Function<String, String> nonBlank() {
    return v -> v.isBlank() ? "must not be empty" : null;
  }

  private static String sha256(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public String origin() { return origin; }
  public String warehouse() { return warehouse; }
  public String reports() { return reports; }
  public String sparkMaster() { return sparkMaster; }
  public int shufflePartitions() { return shufflePartitions; }
  public IngestLimits ingestLimits() { return ingestLimits; }
  public int rowsPerFile() { return rowsPerFile; }
  public List<SourceSpec> sources() { return sources; }
  public EnrichSettings enrich() { return enrich; }
  public GraphSettings graph() { return graph; }
  /** A short hash of the effective configuration, recorded in {@code _runs}. */
  public String hash() { return hash; }

  /** Command-line values that replace the config file's. Null or empty means "keep the file's". */
  public record Overrides(String warehouse, String reports, String master, boolean failFast, List<SourceSpec> sources) {
    public static Overrides none() {
      return new Overrides(null, null, null, false, List.of());
    }
  }

  /** The reference of every key, as docs/config.md shows it. */
  public static String referenceMarkdown() {
    StringBuilder sb = new StringBuilder();
    sb.append("| key | type | default | meaning |\n|---|---|---|---|\n");
    for (ConfigKey<?> k : KEYS) {
      sb.append("| `").append(k.path()).append("` | ").append(k.type()).append(" | `")
          .append(k.defaultValue()).append("` | ").append(k.doc()).append(" |\n");
    }
    sb.append("\nEach entry of `sources`:\n\n| key | meaning |\n|---|---|\n");
    SOURCE_KEYS.forEach((k, v) -> sb.append("| `").append(k).append("` | ").append(v).append(" |\n"));
    sb.append("\nEach entry of `watch` (employer brands and competitors matched in posts):\n\n| key | meaning |\n|---|---|\n");
    WATCH_KEYS.forEach((k, v) -> sb.append("| `").append(k).append("` | ").append(v).append(" |\n"));
    sb.append("\nFields of a csv/json `mapping`:\n\n| field | meaning |\n|---|---|\n");
    MAPPING_FIELDS.forEach((k, v) -> sb.append("| `").append(k).append("` | ").append(v).append(" |\n"));
    return sb.toString();
  }
}
