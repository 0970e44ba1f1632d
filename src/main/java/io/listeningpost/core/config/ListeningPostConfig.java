package io.listeningpost.core.config;

import static io.listeningpost.core.config.ConfigKeys.*;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one typed configuration of a run, read from a HOCON file. The keys, their docs, defaults and
 * checks are declared in {@link ConfigKeys}; this class reads them, applies the command line and refuses
 * the whole file with every problem listed, before any work starts.
 *
 * <p>Precedence, lowest first: the keys' defaults, the job file, {@code --conf KEY=VALUE} settings
 * ({@link CommandLineSettings}), the explicit options ({@code --warehouse}, {@code --source}…); the
 * command line refuses an explicit option together with a --conf of its key.
 *
 * <p>Relative paths in a config file resolve against the file's folder, so that a job file can be run
 * from any working directory. Paths given on the command line, --conf included, resolve against the
 * working directory.
 */
public final class ListeningPostConfig {

  private final String origin;
  private final List<String> commandLineSettings;
  private final String warehouse;
  private final String reports;
  private final LocalDate runDate;
  private final String sparkMaster;
  private final int shufflePartitions;
  private final IngestLimits ingestLimits;
  private final int rowsPerFile;
  private final int postKeyIndexMinPosts;
  private final List<SourceSpec> sources;
  private final EnrichSettings enrich;
  private final GraphSettings graph;
  private final AudiencesSettings audiences;
  private final AlertsSettings alerts;
  private final boolean reportEnabled;
  private final int retentionDays;
  private final PrivacySettings privacy;
  private final RunSettings run;
  private final String hash;

  private ListeningPostConfig(String origin, List<String> commandLineSettings, String warehouse, String reports,
      LocalDate runDate, String sparkMaster,
      int shufflePartitions, IngestLimits ingestLimits, int rowsPerFile, int postKeyIndexMinPosts,
      List<SourceSpec> sources,
      EnrichSettings enrich, GraphSettings graph, AudiencesSettings audiences, AlertsSettings alerts,
      boolean reportEnabled, int retentionDays, PrivacySettings privacy, RunSettings run, String hash) {
    this.origin = origin;
    this.commandLineSettings = List.copyOf(commandLineSettings);
    this.warehouse = warehouse;
    this.reports = reports;
    this.runDate = runDate;
    this.sparkMaster = sparkMaster;
    this.shufflePartitions = shufflePartitions;
    this.ingestLimits = ingestLimits;
    this.rowsPerFile = rowsPerFile;
    this.postKeyIndexMinPosts = postKeyIndexMinPosts;
    this.sources = List.copyOf(sources);
    this.enrich = enrich;
    this.graph = graph;
    this.audiences = audiences;
    this.alerts = alerts;
    this.reportEnabled = reportEnabled;
    this.retentionDays = retentionDays;
    this.privacy = privacy;
    this.run = run;
    this.hash = hash;
  }

  /** Loads and validates {@code file}, then applies the command line's overrides. */
  public static ListeningPostConfig load(Path file, Overrides overrides) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException("--config", List.of("--config = " + file + ": no such file"));
    }
    Config config;
    try {
      // Resolved once the command line's settings are in, so that a substitution sees them.
      config = ConfigFactory.parseFile(file.toFile());
    } catch (com.typesafe.config.ConfigException e) {
      throw new ConfigException(file.toString(), List.of("cannot parse: " + e.getMessage()));
    }
    Path base = file.toAbsolutePath().getParent();
    return fromConfig(config, file.toString(), base, overrides);
  }

  /**
   * Validates a parsed config with the command line applied; relative paths written in the config resolve
   * against {@code base}.
   */
  public static ListeningPostConfig fromConfig(Config fileConfig, String origin, Path base, Overrides overrides) {
    Config config;
    try {
      config = overrides.settings().withFallback(fileConfig).resolve();
    } catch (com.typesafe.config.ConfigException e) {
      throw new ConfigException(origin, List.of("cannot resolve: " + e.getMessage()));
    }
    List<String> problems = new ArrayList<>();
    UnknownKeyCheck.check(config, problems);
    String warehouse = ConfigValues.resolvePath(base, WAREHOUSE.read(config, "", problems), fromFile(config, WAREHOUSE));
    String reports = ConfigValues.resolvePath(base, REPORTS.read(config, "", problems), fromFile(config, REPORTS));
    String runDateText = RUN_DATE.read(config, "", problems);
    LocalDate runDate = null;
    try {
      runDate = runDateText.isEmpty() ? null : LocalDate.parse(runDateText);
    } catch (DateTimeParseException e) {
      // RUN_DATE's check has recorded the problem, naming key and value.
    }
    String zone = RUN_TIME_ZONE.read(config, "", problems);
    RunSettings run = new RunSettings(RUN_TIME_ZONE.check(zone) == null ? ZoneId.of(zone) : ZoneOffset.UTC,
        MAX_QUARANTINE_SHARE.read(config, "", problems),
        Duration.ofMinutes(LOCK_STALE_MINUTES.read(config, "", problems)));
    String master = SPARK_MASTER.read(config, "", problems);
    int shuffle = SHUFFLE_PARTITIONS.read(config, "", problems);
    IngestLimits limits = new IngestLimits(MAX_TEXT_CHARS.read(config, "", problems),
        MAX_RECORD_BYTES.read(config, "", problems), SPLIT_BYTES.read(config, "", problems),
        FAIL_FAST.read(config, "", problems));
    int rowsPerFile = ROWS_PER_FILE.read(config, "", problems);
    int postKeyIndexMinPosts = POST_KEY_INDEX_MIN_POSTS.read(config, "", problems);
    List<SourceSpec> sources = SourceListReader.read(config, base, problems);
    EnrichSettings enrich = new EnrichSettings(ENRICH_ENABLED.read(config, "", problems),
        LINGUISTICS.read(config, "", problems), ENRICH_MAX_CHARS.read(config, "", problems), ENRICH_TIME_LIMIT.read(config, "", problems),
        PARSE_MAX_TOKENS.read(config, "", problems), RNTN_MIN_TOKENS.read(config, "", problems),
        RNTN_WEIGHT.read(config, "", problems), List.of(LANGUAGES.read(config, "", problems).split(",")),
        WatchListReader.read(config, problems));
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
        GRAPH_DAMPING.read(config, "", problems), GRAPH_LOCAL_MAX_EDGES.read(config, "", problems));
    AudiencesSettings audiences = new AudiencesSettings(AUDIENCES_ENABLED.read(config, "", problems),
        AUDIENCES_WINDOW.read(config, "", problems), AUDIENCES_TOPICS.read(config, "", problems),
        AUDIENCES_SAMPLE.read(config, "", problems), AUDIENCES_SEED.read(config, "", problems),
        TargetAudienceReader.read(config, problems), terms(RECRUITMENT_TERMS.read(config, "", problems)),
        terms(MARKETING_TERMS.read(config, "", problems)), KeyTopicReader.read(config, problems));
    AlertsSettings alerts = new AlertsSettings(ALERTS_ENABLED.read(config, "", problems),
        ALERTS_LOOKBACK.read(config, "", problems), ALERTS_SPIKE_DAYS.read(config, "", problems),
        ALERTS_BASELINE_DAYS.read(config, "", problems), ALERTS_SPIKE_Z.read(config, "", problems),
        ALERTS_SPIKE_MIN_POSTS.read(config, "", problems), ALERTS_HIGH_SPREAD.read(config, "", problems),
        ALERTS_HIGH_REACH.read(config, "", problems));
    boolean reportEnabled = REPORT_ENABLED.read(config, "", problems);
    int retentionDays = RETENTION_DAYS.read(config, "", problems);
    String keyFile = KEY_FILE.read(config, "", problems);
    PrivacySettings privacy = new PrivacySettings(PSEUDONYMISE.read(config, "", problems),
        KEY_ENV.read(config, "", problems),
        keyFile.isBlank() ? null : ConfigValues.resolvePath(base, keyFile, fromFile(config, KEY_FILE)));

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
      sources = withMappings(overrides.sources(), sources, problems);
    }
    if (sources.isEmpty() && overrides.sources().isEmpty()) {
      problems.add("sources = []: at least one source is needed (configure sources or pass --source FORMAT=PATH)");
    }
    for (SourceSpec s : sources) {
      LocalPaths.of(s.path()).ifPresent(p -> {
        if (!Files.exists(p)) {
          problems.add("source " + s.name() + " path = \"" + s.path() + "\": no such file or folder");
        } else if (!Files.isReadable(p)) {
          problems.add("source " + s.name() + " path = \"" + s.path() + "\": cannot be read (permissions)");
        }
      });
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(origin, problems);
    }
    String hash = ConfigHash.of(config, overrides);
    return new ListeningPostConfig(origin, CommandLineSettings.describe(overrides.settings()), warehouse, reports,
        runDate, master, shuffle, limits, rowsPerFile, postKeyIndexMinPosts, sources, enrich, graph, audiences, alerts,
        reportEnabled, retentionDays, privacy, run, hash);
  }

  /** Whether the key's value was written in the config file (not a default, not given with --conf). */
  private static boolean fromFile(Config config, ConfigKey<?> key) {
    return config.hasPath(key.path()) && !CommandLineSettings.fromCommandLine(config, key.path());
  }

  /**
   * The command line's sources, a csv or json one without a mapping taking the mapping, platform, time
   * format and delimiter of the config's first source of its format.
   */
  private static List<SourceSpec> withMappings(List<SourceSpec> commandLine, List<SourceSpec> configured,
      List<String> problems) {
    List<SourceSpec> out = new ArrayList<>();
    for (SourceSpec s : commandLine) {
      if (!s.format().isMapped() || !s.mapping().isEmpty()) {
        out.add(s);
        continue;
      }
      SourceSpec template = configured.stream().filter(c -> c.format() == s.format()).findFirst().orElse(null);
      if (template == null) {
        String format = s.format().configName();
        problems.add("--source " + format + "=" + s.path() + ": a " + format + " source needs a mapping; the config "
            + "has no " + format + " source to take it from");
        continue;
      }
      out.add(new SourceSpec(template.name(), s.format(), s.path(), template.community(), template.platform(),
          template.mapping(), template.timeFormat(), template.delimiter()));
    }
    return out;
  }

  private static List<String> terms(String commaSeparated) {
    return java.util.Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
  }

  /** The job file the config was read from. */
  public String origin() { return origin; }
  /** The settings given with --conf, each as {@code key=value}; empty when there were none. */
  public List<String> commandLineSettings() { return commandLineSettings; }
  public String warehouse() { return warehouse; }
  public String reports() { return reports; }
  /** The run date the job file pins ({@code run.date}); empty when it leaves the date to the day of the run. */
  public Optional<LocalDate> runDate() { return Optional.ofNullable(runDate); }
  public String sparkMaster() { return sparkMaster; }
  public int shufflePartitions() { return shufflePartitions; }
  public IngestLimits ingestLimits() { return ingestLimits; }
  public int rowsPerFile() { return rowsPerFile; }
  /** Ingest keeps and reads the post key index while the posts table holds this many posts before its write. */
  public int postKeyIndexMinPosts() { return postKeyIndexMinPosts; }
  public List<SourceSpec> sources() { return sources; }
  public EnrichSettings enrich() { return enrich; }
  public GraphSettings graph() { return graph; }
  public AudiencesSettings audiences() { return audiences; }
  public AlertsSettings alerts() { return alerts; }
  /** Whether nightly runs the report stage. */
  public boolean reportEnabled() { return reportEnabled; }
  /** Days of dated partitions kept before the run date; 0 keeps everything. */
  public int retentionDays() { return retentionDays; }
  public PrivacySettings privacy() { return privacy; }
  /** The run.* settings: time zone of the default date, quarantine threshold, lock staleness. */
  public RunSettings run() { return run; }
  /** A short hash of the effective configuration, recorded in {@code _runs}. */
  public String hash() { return hash; }

  /**
   * Command-line values that replace the config file's. Null or empty means "keep the file's".
   *
   * @param sources replace the configured sources; a csv or json one with an empty mapping takes the mapping
   *     of the config's first source of its format
   * @param settings the --conf settings ({@link CommandLineSettings#parse}), over the file's keys
   */
  public record Overrides(String warehouse, String reports, String master, boolean failFast, List<SourceSpec> sources,
      Config settings) {
    public Overrides(String warehouse, String reports, String master, boolean failFast, List<SourceSpec> sources) {
      this(warehouse, reports, master, failFast, sources, ConfigFactory.empty());
    }

    public static Overrides none() {
      return new Overrides(null, null, null, false, List.of());
    }
  }
}
