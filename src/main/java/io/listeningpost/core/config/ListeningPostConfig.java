package io.listeningpost.core.config;

import static io.listeningpost.core.config.ConfigKeys.*;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
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
 * <p>Relative paths in a config file resolve against the file's folder, so that a job file can be run
 * from any working directory. Paths given on the command line resolve against the working directory.
 */
public final class ListeningPostConfig {

  private final String origin;
  private final String warehouse;
  private final String reports;
  private final LocalDate runDate;
  private final String sparkMaster;
  private final int shufflePartitions;
  private final IngestLimits ingestLimits;
  private final int rowsPerFile;
  private final List<SourceSpec> sources;
  private final EnrichSettings enrich;
  private final GraphSettings graph;
  private final AudiencesSettings audiences;
  private final AlertsSettings alerts;
  private final boolean reportEnabled;
  private final int retentionDays;
  private final PrivacySettings privacy;
  private final String hash;

  private ListeningPostConfig(String origin, String warehouse, String reports, LocalDate runDate, String sparkMaster,
      int shufflePartitions, IngestLimits ingestLimits, int rowsPerFile, List<SourceSpec> sources,
      EnrichSettings enrich, GraphSettings graph, AudiencesSettings audiences, AlertsSettings alerts,
      boolean reportEnabled, int retentionDays, PrivacySettings privacy, String hash) {
    this.origin = origin;
    this.warehouse = warehouse;
    this.reports = reports;
    this.runDate = runDate;
    this.sparkMaster = sparkMaster;
    this.shufflePartitions = shufflePartitions;
    this.ingestLimits = ingestLimits;
    this.rowsPerFile = rowsPerFile;
    this.sources = List.copyOf(sources);
    this.enrich = enrich;
    this.graph = graph;
    this.audiences = audiences;
    this.alerts = alerts;
    this.reportEnabled = reportEnabled;
    this.retentionDays = retentionDays;
    this.privacy = privacy;
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
    UnknownKeyCheck.check(config, problems);
    String warehouse = ConfigValues.resolvePath(base, WAREHOUSE.read(config, "", problems), config.hasPath("warehouse"));
    String reports = ConfigValues.resolvePath(base, REPORTS.read(config, "", problems), config.hasPath("reports"));
    String runDateText = RUN_DATE.read(config, "", problems);
    LocalDate runDate = null;
    try {
      runDate = runDateText.isEmpty() ? null : LocalDate.parse(runDateText);
    } catch (DateTimeParseException e) {
      // RUN_DATE's check has recorded the problem, naming key and value.
    }
    String master = SPARK_MASTER.read(config, "", problems);
    int shuffle = SHUFFLE_PARTITIONS.read(config, "", problems);
    IngestLimits limits = new IngestLimits(MAX_TEXT_CHARS.read(config, "", problems),
        MAX_RECORD_BYTES.read(config, "", problems), SPLIT_BYTES.read(config, "", problems),
        FAIL_FAST.read(config, "", problems));
    int rowsPerFile = ROWS_PER_FILE.read(config, "", problems);
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
        GRAPH_DAMPING.read(config, "", problems));
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
        keyFile.isBlank() ? null : ConfigValues.resolvePath(base, keyFile, config.hasPath(KEY_FILE.path())));

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
    String hash = ConfigHash.of(config, overrides);
    return new ListeningPostConfig(origin, warehouse, reports, runDate, master, shuffle, limits, rowsPerFile, sources,
        enrich, graph, audiences, alerts, reportEnabled, retentionDays, privacy, hash);
  }

  private static List<String> terms(String commaSeparated) {
    return java.util.Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
  }

  public String origin() { return origin; }
  public String warehouse() { return warehouse; }
  public String reports() { return reports; }
  /** The run date the job file pins ({@code run.date}); empty when it leaves the date to the day of the run. */
  public Optional<LocalDate> runDate() { return Optional.ofNullable(runDate); }
  public String sparkMaster() { return sparkMaster; }
  public int shufflePartitions() { return shufflePartitions; }
  public IngestLimits ingestLimits() { return ingestLimits; }
  public int rowsPerFile() { return rowsPerFile; }
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
  /** A short hash of the effective configuration, recorded in {@code _runs}. */
  public String hash() { return hash; }

  /** Command-line values that replace the config file's. Null or empty means "keep the file's". */
  public record Overrides(String warehouse, String reports, String master, boolean failFast, List<SourceSpec> sources) {
    public static Overrides none() {
      return new Overrides(null, null, null, false, List.of());
    }
  }
}
