package io.listeningpost.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.listeningpost.core.config.CommandLineSettings;
import io.listeningpost.core.config.ConfigException;
import io.listeningpost.core.config.ConfigReference;
import io.listeningpost.core.config.ListeningPostConfig;
import io.listeningpost.core.config.SourceFormat;
import io.listeningpost.core.config.SourceSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListeningPostConfigTest {
  private static final Path HERE = Path.of("").toAbsolutePath();

  private static ListeningPostConfig parse(String hocon) {
    return ListeningPostConfig.fromConfig(ConfigFactory.parseString(hocon).resolve(), "test.conf", HERE,
        ListeningPostConfig.Overrides.none());
  }

  private static final String REDDIT = "sources = [ { format = reddit, path = \"data-samples/reddit\" } ]\n";

  private static String problems(String hocon) {
    return problems(() -> parse(hocon));
  }

  private static String problems(Runnable load) {
    try {
      load.run();
    } catch (ConfigException e) {
      return e.getMessage();
    }
    throw new AssertionError("expected the config to be refused");
  }

  /** {@code hocon} as a job file in {@code base} with these --conf settings, which must parse. */
  private static ListeningPostConfig withConf(String hocon, Path base, String... conf) {
    return ListeningPostConfig.fromConfig(ConfigFactory.parseString(hocon), "test.conf", base,
        new ListeningPostConfig.Overrides(null, null, null, false, List.of(), settings(conf)));
  }

  private static Config settings(String... conf) {
    List<String> problems = new ArrayList<>();
    Config settings = CommandLineSettings.parse(List.of(conf), problems);
    assertThat(problems).isEmpty();
    return settings;
  }

  @Test
  void nightlyJobIsValidAndResolvesPathsAgainstItsFolder() {
    ListeningPostConfig c = ListeningPostConfig.load(Path.of("jobs/nightly.conf"), ListeningPostConfig.Overrides.none());
    assertThat(c.sources()).hasSize(14);
    assertThat(c.runDate()).contains(java.time.LocalDate.of(2026, 11, 29));
    assertThat(c.sources().get(0).path()).isEqualTo(HERE.resolve("data-samples/stackexchange").toString());
    assertThat(c.warehouse()).isEqualTo(HERE.resolve("out/warehouse").toString());
    assertThat(c.sources().get(5).format()).isEqualTo(SourceFormat.CSV);
    assertThat(c.sources().get(5).mapping()).containsEntry("post_id", "tweet_id");
  }

  @Test
  void wrongValuesAreRefusedNamingKeyValueAndRule() {
    String msg = problems("""
        ingest.max-text-chars = -5
        spark.master = "locl[2]"
        ingest.fail-fast = maybe
        sources = [ { format = reddit, path = "data-samples/reddit" } ]
        """);
    assertThat(msg).contains("ingest.max-text-chars = -5: must be between 1000 and 10000000")
        .contains("spark.master = \"locl[2]\": must be local")
        .contains("ingest.fail-fast = \"maybe\": must be a boolean");
  }

  @Test
  void unknownKeysAreRefusedWithASuggestion() {
    String msg = problems("""
        ingest.max-txt-chars = 5000
        warehous = "x"
        sources = [ { format = reddit, pth = "data-samples/reddit" } ]
        """);
    assertThat(msg).contains("unknown key 'ingest.max-txt-chars' (did you mean 'ingest.max-text-chars'?)")
        .contains("unknown key 'warehous'")
        .contains("unknown key 'sources[0].pth' (did you mean 'path'?)")
        .contains("sources[0].path is missing");
  }

  @Test
  void badSourcesAreRefusedNamingTheSourceTheFieldAndTheProblem() {
    String msg = problems("""
        sources = [
          { format = facebook, path = "x" }
          { format = csv, path = "data-samples/csv", mapping { post_id = id } }
          { format = reddit, path = "no/such/folder" }
          { format = reddit, path = "data-samples/reddit", platform = x }
        ]
        """);
    assertThat(msg).contains("sources[0].format = \"facebook\": must be one of stackexchange, reddit")
        .contains("sources[1].platform is missing")
        .contains("sources[1].mapping.text is missing")
        .contains("sources[1].mapping.created_at is missing")
        .contains("path = \"" + HERE.resolve("no/such/folder") + "\": no such file or folder")
        .contains("sources[3].platform: only csv and json sources take platform");
  }

  @Test
  void runDateIsEmptyByDefaultPinnedWhenSetAndRefusedNamingKeyAndValueWhenMalformed() {
    String sources = "sources = [ { format = reddit, path = \"data-samples/reddit\" } ]\n";
    assertThat(parse(sources).runDate()).isEmpty();
    assertThat(parse(sources + "run.date = \"\"").runDate()).isEmpty();
    assertThat(parse(sources + "run.date = \"2026-11-29\"").runDate()).contains(java.time.LocalDate.of(2026, 11, 29));
    assertThat(problems(sources + "run.date = \"29/11/2026\"")).contains("run.date = \"29/11/2026\": expected YYYY-MM-DD");
    assertThat(problems(sources + "run.dat = \"2026-11-29\"")).contains("unknown key 'run.dat'");
  }

  @Test
  void docsConfigMdContainsTheReferenceGeneratedFromTheConfigKeys() throws Exception {
    String doc = Files.readString(Path.of("docs/config.md"));
    assertThat(doc).contains(ConfigReference.markdown());
  }

  @Test
  void aMissingJobFileIsRefusedByName() {
    assertThatThrownBy(() -> ListeningPostConfig.load(Path.of("jobs/missing.conf"), ListeningPostConfig.Overrides.none()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("--config = jobs/missing.conf: no such file");
  }

  @Test
  void confSettingsWinOverTheJobFileAndTakeHoconListsAndUnquotedText() {
    ListeningPostConfig c = withConf(REDDIT + "graph.window-days = 28\nspark.master = \"local[4]\"\n", HERE,
        "graph.window-days=365", "spark.master=local[2]", "warehouse=/data/lp team/wh", "ingest.max-record-bytes=32M",
        "audiences.key-topics=[{name=\"remote work\", terms=[remote, wfh]}]", "audiences.recruitment-terms=hiring, jobs",
        "graph.weight.reply=2.5", "enrich.enabled=false", "reports=s3a://bucket/x//y#z");
    assertThat(c.graph().windowDays()).isEqualTo(365);
    assertThat(c.sparkMaster()).isEqualTo("local[2]");
    assertThat(c.warehouse()).isEqualTo("/data/lp team/wh");
    assertThat(c.ingestLimits().maxRecordBytes()).isEqualTo(32L << 20);
    assertThat(c.audiences().keyTopics()).singleElement().satisfies(t -> {
      assertThat(t.name()).isEqualTo("remote work");
      assertThat(t.terms()).containsExactly("remote", "wfh");
    });
    assertThat(c.audiences().recruitmentTerms()).containsExactly("hiring", "jobs");
    assertThat(c.graph().kindWeights()).containsEntry("reply", 2.5);
    assertThat(c.enrich().enabled()).isFalse();
    // "//" and "#" start HOCON comments; a value taken as written keeps them.
    assertThat(c.reports()).isEqualTo("s3a://bucket/x//y#z");
    assertThat(c.commandLineSettings()).contains("graph.window-days=365", "warehouse=/data/lp team/wh");
  }

  @Test
  void aBadConfValueIsRefusedLikeTheFilesNamingKeyValueAndThatItCameFromConf() {
    String msg = problems(() -> withConf(REDDIT + "graph.window-days = -1\n", HERE, "graph.window-days=-3",
        "graph.windw-days=30", "ingest.fail-fast=maybe", "audiences.key-topics=[{name=x}]"));
    assertThat(msg).contains("graph.window-days = -3 (from --conf): must be between 1 and 3650")
        .contains("unknown key 'graph.windw-days' given with --conf (did you mean 'graph.window-days'?)")
        .contains("ingest.fail-fast = \"maybe\" (from --conf): must be a boolean")
        .contains("audiences.key-topics[0] (x): terms must list");
    // The file's own value is replaced, so its problem is not reported.
    assertThat(msg).doesNotContain("= -1");
    // The same value in the file says nothing about --conf.
    assertThat(problems(REDDIT + "graph.window-days = -3")).contains("graph.window-days = -3: must be between")
        .doesNotContain("--conf");
  }

  @Test
  void confEntriesThatAreNotKeyEqualsValueAreRefusedByName() {
    List<String> problems = new ArrayList<>();
    CommandLineSettings.parse(List.of("graph.window-days", "=5", "graph..x=1", "audiences.key-topics=[{name=x"),
        problems);
    assertThat(problems).hasSize(4);
    assertThat(problems.get(0)).startsWith("--conf graph.window-days: expected KEY=VALUE");
    assertThat(problems.get(1)).startsWith("--conf =5: expected KEY=VALUE");
    assertThat(problems.get(2)).startsWith("--conf graph..x=1: 'graph..x' is not a key");
    assertThat(problems.get(3)).startsWith("--conf audiences.key-topics=[{name=x: the value is not valid HOCON");
  }

  @Test
  void anExplicitOptionAndAConfOfItsKeyAreRefusedTogether() {
    Config settings = settings("warehouse=/a", "spark.master=local[2]", "graph.seed=7");
    assertThat(CommandLineSettings.conflicts(settings, List.of("--warehouse", "--master", "--reports")))
        .containsExactly("--warehouse and --conf warehouse=/a both set warehouse: give one of them",
            "--master and --conf spark.master=local[2] both set spark.master: give one of them");
    assertThat(CommandLineSettings.conflicts(settings("run.date=2026-01-01"), List.of("--date"))).hasSize(1);
    assertThat(CommandLineSettings.conflicts(settings("sources=[]"), List.of("--source"))).hasSize(1);
  }

  @Test
  void pathsGivenWithConfResolveAgainstTheWorkingDirectoryAndTheFilesAgainstItsFolder(@TempDir Path jobs) {
    String file = "warehouse = \"wh\"\nreports = \"rp\"\n" + "sources = [ { format = reddit, path = \""
        + HERE.resolve("data-samples/reddit") + "\" } ]\n";
    ListeningPostConfig fromFile = withConf(file, jobs);
    assertThat(fromFile.warehouse()).isEqualTo(jobs.resolve("wh").toString());
    ListeningPostConfig fromConf = withConf(file, jobs, "warehouse=wh",
        "sources=[{format = reddit, path = \"data-samples/reddit\"}]");
    assertThat(fromConf.warehouse()).isEqualTo("wh");
    assertThat(fromConf.reports()).isEqualTo(jobs.resolve("rp").toString());
    assertThat(fromConf.sources()).singleElement().extracting(SourceSpec::path).isEqualTo("data-samples/reddit");
  }

  @Test
  void theHashFollowsTheEffectiveSettingsWhereverTheyWereWrittenButNotCredentials() {
    String base = REDDIT + "warehouse = \"s3a://AKIA:one@bucket/wh\"\n";
    ListeningPostConfig plain = withConf(base, HERE);
    ListeningPostConfig overridden = withConf(base, HERE, "graph.window-days=365");
    ListeningPostConfig inTheFile = withConf(base + "graph.window-days = 365\n", HERE);
    assertThat(overridden.hash()).isNotEqualTo(plain.hash()).isEqualTo(inTheFile.hash());
    assertThat(withConf(base.replace("one", "two"), HERE).hash()).isEqualTo(plain.hash());
    assertThat(withConf(base.replace("bucket", "other"), HERE).hash()).isNotEqualTo(plain.hash());
  }

  @Test
  void aJobFileWithOnlyAWarehouseIsCompletedByTheDefaultsAndTheCommandLinesSources() {
    ListeningPostConfig c = ListeningPostConfig.fromConfig(ConfigFactory.parseString("warehouse = \"/tmp/x/wh\""),
        "test.conf", HERE, new ListeningPostConfig.Overrides(null, null, null, false,
            List.of(SourceSpec.of(SourceFormat.REDDIT, "data-samples/reddit"))));
    assertThat(c.warehouse()).isEqualTo("/tmp/x/wh");
    assertThat(c.reports()).isEqualTo("out/reports");
    assertThat(c.sparkMaster()).isEqualTo("local[*]");
    assertThat(c.graph().windowDays()).isEqualTo(28);
    assertThat(c.rowsPerFile()).isEqualTo(500_000);
    assertThat(c.enrich().languages()).contains("en", "de");
    assertThat(c.sources()).singleElement().extracting(SourceSpec::format).isEqualTo(SourceFormat.REDDIT);
    assertThat(problems("warehouse = \"/tmp/x/wh\"")).contains("sources = []: at least one source is needed");
  }

  @Test
  void aCommandLineCsvSourceTakesTheJobFilesMappingOrIsRefusedWhenItHasNone() {
    ListeningPostConfig nightly = ListeningPostConfig.load(Path.of("jobs/nightly.conf"),
        new ListeningPostConfig.Overrides(null, null, null, false, List.of(SourceSpec.of(SourceFormat.CSV, "data-samples/csv"))));
    assertThat(nightly.sources()).singleElement().satisfies(s -> {
      assertThat(s.path()).isEqualTo("data-samples/csv");
      assertThat(s.platform()).isEqualTo("twitter");
      assertThat(s.mapping()).containsEntry("post_id", "tweet_id");
    });
    String msg = problems(() -> ListeningPostConfig.fromConfig(ConfigFactory.parseString(REDDIT), "test.conf", HERE,
        new ListeningPostConfig.Overrides(null, null, null, false, List.of(SourceSpec.of(SourceFormat.CSV, "data-samples/csv")))));
    assertThat(msg).contains("--source csv=data-samples/csv: a csv source needs a mapping; the config has no csv source");
  }

  @Test
  void thePseudonymKeyWrittenWhereItsVariablesNameGoesIsRefusedWithoutBeingShown() {
    String key = "a3f9c0e1d2b4a5968778695a4b3c2d1e";
    String msg = problems(REDDIT + "privacy { pseudonymise = true, key-env = \"" + key + "\" }");
    assertThat(msg).contains("privacy.key-env (value not shown): must be the name of an environment variable")
        .doesNotContain(key);
    assertThat(problems(() -> withConf(REDDIT, HERE, "privacy.key-env=" + key))).doesNotContain(key)
        .contains("privacy.key-env (value not shown) (from --conf)");
  }

  @Test
  void credentialsInConfiguredLocationsNeverReachAProblemMessage() {
    String msg = problems("""
        spark.master = "spark://admin:MASTERPW@host:7077"
        reports = [ "https://ann:REPORTSPW@example.com/x?token=TOKENPW" ]
        sources = [ { format = reddit, path = "hdfs://nn:8020/in", name = 3 } ]
        """);
    assertThat(msg).contains("spark.master = \"spark://***@host:7077\": must not hold a user, password or token")
        .contains("reports = [\"https://***@example.com/x?token=***\"]: must be a string")
        .doesNotContain("MASTERPW", "REPORTSPW", "TOKENPW");
  }
}
