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

  public static final List<ConfigKey<?>> KEYS = List.of(WAREHOUSE, REPORTS, SPARK_MASTER, SHUFFLE_PARTITIONS,
      MAX_TEXT_CHARS, MAX_RECORD_BYTES, SPLIT_BYTES, ROWS_PER_FILE, FAIL_FAST);

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

  private static final Set<String> TOP_LEVEL = Set.of("warehouse", "reports", "spark", "ingest", "sources");
  private static final Pattern DELIMITER = Pattern.compile(".|\\\\t|tab");

  private final String origin;
  private final String warehouse;
  private final String reports;
  private final String sparkMaster;
  private final int shufflePartitions;
  private final IngestLimits ingestLimits;
  private final int rowsPerFile;
  private final List<SourceSpec> sources;
  private final String hash;

  private ListeningPostConfig(String origin, String warehouse, String reports, String sparkMaster,
      int shufflePartitions, IngestLimits ingestLimits, int rowsPerFile, List<SourceSpec> sources, String hash) {
    this.origin = origin;
    this.warehouse = warehouse;
    this.reports = reports;
    this.sparkMaster = sparkMaster;
    this.shufflePartitions = shufflePartitions;
    this.ingestLimits = ingestLimits;
    this.rowsPerFile = rowsPerFile;
    this.sources = List.copyOf(sources);
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
    return new ListeningPostConfig(origin, warehouse, reports, master, shuffle, limits, rowsPerFile, sources, hash);
  }

  private static void checkUnknownKeys(Config config, List<String> problems) {
    Set<String> known = new TreeSet<>();
    KEYS.forEach(k -> known.add(k.path()));
    for (String key : config.root().keySet()) {
      if (!TOP_LEVEL.contains(key)) {
        problems.add("unknown key '" + key + "'" + suggestion(key, known));
      }
    }
    for (String group : List.of("spark", "ingest")) {
      if (!config.hasPath(group)) {
        continue;
      }
      if (config.getValue(group).valueType() != ConfigValueType.OBJECT) {
        problems.add(group + " = " + ConfigKey.render(config, group) + ": must be an object");
        continue;
      }
      for (String key : config.getConfig(group).root().keySet()) {
        String full = group + "." + key;
        if (!known.contains(full)) {
          problems.add("unknown key '" + full + "'" + suggestion(full, known));
        }
      }
    }
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
    sb.append("\nFields of a csv/json `mapping`:\n\n| field | meaning |\n|---|---|\n");
    MAPPING_FIELDS.forEach((k, v) -> sb.append("| `").append(k).append("` | ").append(v).append(" |\n"));
    return sb.toString();
  }
}
