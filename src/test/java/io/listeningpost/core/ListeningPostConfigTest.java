package io.listeningpost.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import io.listeningpost.core.config.ConfigException;
import io.listeningpost.core.config.ConfigReference;
import io.listeningpost.core.config.ListeningPostConfig;
import io.listeningpost.core.config.SourceFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ListeningPostConfigTest {
  private static final Path HERE = Path.of("").toAbsolutePath();

  private static ListeningPostConfig parse(String hocon) {
    return ListeningPostConfig.fromConfig(ConfigFactory.parseString(hocon).resolve(), "test.conf", HERE,
        ListeningPostConfig.Overrides.none());
  }

  private static String problems(String hocon) {
    try {
      parse(hocon);
    } catch (ConfigException e) {
      return e.getMessage();
    }
    throw new AssertionError("expected the config to be refused");
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
}
