package io.listeningpost.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.listeningpost.core.config.ConfigException;
import io.listeningpost.core.config.PrivacySettings;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PseudonymsTest {
  private static final String KEY = "0123456789abcdef-a-test-key";
  private static final PrivacySettings FROM_ENV = new PrivacySettings(true, "LP_KEY", null);

  @Test
  void theSameKeyGivesTheSamePseudonymEveryTimeAndAnotherKeyAnother() {
    Pseudonyms a = Pseudonyms.of(FROM_ENV, Map.of("LP_KEY", KEY));
    Pseudonyms b = Pseudonyms.of(FROM_ENV, Map.of("LP_KEY", KEY));
    Pseudonyms other = Pseudonyms.of(FROM_ENV, Map.of("LP_KEY", KEY + "!"));
    assertThat(a.of("jane_doe")).isEqualTo(b.of("jane_doe")).matches("u_[0-9a-f]{20}")
        .isNotEqualTo(other.of("jane_doe")).isNotEqualTo(a.of("Jane_Doe"));
    assertThat(a.of(null)).isNull();
  }

  @Test
  void aKeyFileWinsOverTheEnvironmentAndItsTrailingNewlineIsNotPartOfTheKey(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("key"), KEY + "\n");
    Pseudonyms fromFile = Pseudonyms.of(new PrivacySettings(true, "LP_KEY", file.toString()), Map.of("LP_KEY", "x"));
    assertThat(fromFile.of("ana")).isEqualTo(Pseudonyms.of(FROM_ENV, Map.of("LP_KEY", KEY)).of("ana"));
  }

  @Test
  void offMeansNoPseudonymsAndNoKeyNeeded() {
    assertThat(Pseudonyms.of(new PrivacySettings(false, "LP_KEY", null), Map.of())).isNull();
  }

  @Test
  void aMissingOrShortKeyStopsWithAMessageNamingWhereItWasLookedFor(@TempDir Path dir) {
    assertThatThrownBy(() -> Pseudonyms.of(FROM_ENV, Map.of())).isInstanceOf(ConfigException.class)
        .hasMessageContaining("environment variable LP_KEY").hasMessageContaining("privacy.key-file");
    assertThatThrownBy(() -> Pseudonyms.of(FROM_ENV, Map.of("LP_KEY", "short"))).isInstanceOf(ConfigException.class)
        .hasMessageContaining("shorter than 16 bytes").hasMessageNotContaining("short\"");
    Path missing = dir.resolve("nope");
    assertThatThrownBy(() -> Pseudonyms.of(new PrivacySettings(true, "LP_KEY", missing.toString()), Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining(missing.toString());
  }

  @Test
  void theKeyIsNotShownByToString() throws Exception {
    Pseudonyms p = Pseudonyms.of(FROM_ENV, Map.of("LP_KEY", KEY));
    assertThat(p.toString()).doesNotContain(KEY);
    // Serialized for Spark's tasks, the key travels as bytes, not as the text of a message or a log line.
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(p);
    }
    assertThat(p.of("ana")).startsWith(Pseudonyms.PREFIX);
    assertThat(bytes.toString(StandardCharsets.ISO_8859_1)).doesNotContain("LP_KEY");
  }
}
