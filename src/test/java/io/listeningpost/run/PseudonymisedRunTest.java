package io.listeningpost.run;

import io.listeningpost.testing.ConsoleRun;
import static org.assertj.core.api.Assertions.assertThat;

import io.listeningpost.testing.ParquetFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.parquet.example.data.Group;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ingest of the samples with privacy.pseudonymise on, through the command line as an operator runs it. */
@Tag("spark")
class PseudonymisedRunTest {
  private static final String KEY = "k3y-for-the-pseudonymised-run-test-7f1c";

  @TempDir
  static Path dir;

  private static String keyedOutput;

  /** nightly.conf with its paths made absolute, so that the copy runs from the temporary folder. */
  private static Path config(String name, String privacy) throws IOException {
    String nightly = Files.readString(Path.of("jobs/nightly.conf"))
        .replace("\"../", "\"" + Path.of("").toAbsolutePath() + "/");
    return Files.writeString(dir.resolve(name + ".conf"), nightly + "\n" + privacy + "\n");
  }

  private static String[] run(String... args) {
    return ConsoleRun.run(args);
  }

  private static String[] ingest(String name, Path conf) {
    return run("ingest", "--config", conf.toString(), "--date", "2026-11-21", "--warehouse",
        dir.resolve(name).resolve("warehouse").toString(), "--reports", dir.resolve(name).resolve("reports").toString());
  }

  @BeforeAll
  static void threeRuns() throws IOException {
    Path keyFile = Files.writeString(dir.resolve("pseudonym.key"), KEY + "\n");
    Path keyed = config("keyed", "privacy { pseudonymise = true, key-file = \"" + keyFile + "\" }");
    String[] a = ingest("a", keyed);
    assertThat(a[0]).as(a[1]).isEqualTo("0");
    keyedOutput = a[1];
    assertThat(ingest("b", keyed)[0]).isEqualTo("0");
    assertThat(ingest("plain", config("plain", ""))[0]).isEqualTo("0");
  }

  private static List<Group> rows(String run, String table) throws IOException {
    return ParquetFiles.rows(dir.resolve(run).resolve("warehouse").resolve(table));
  }

  private static Set<String> values(String run, String table, String column) throws IOException {
    Set<String> out = new TreeSet<>();
    for (Group g : rows(run, table)) {
      if (g.getFieldRepetitionCount(column) > 0) {
        out.add(g.getString(column, 0));
      }
    }
    return out;
  }

  @Test
  void theSameKeyGivesTheSamePseudonymsInEveryTable() throws IOException {
    for (String[] tc : new String[][] {{"posts", "author_id"}, {"posts", "author_name"}, {"authors", "author_id"},
        {"authors", "name"}, {"interactions", "src_author"}, {"interactions", "dst_author"}}) {
      Set<String> a = values("a", tc[0], tc[1]);
      assertThat(a).as(tc[0] + "." + tc[1]).isNotEmpty().isEqualTo(values("b", tc[0], tc[1]))
          .allSatisfy(v -> assertThat(v).matches("u_[0-9a-f]{20}|(?i)acme.*"));
    }
  }

  @Test
  void noAuthorIdentityOfThePlainRunIsInThePseudonymisedTables() throws IOException {
    Set<String> identities = new TreeSet<>();
    identities.addAll(values("plain", "posts", "author_id"));
    identities.addAll(values("plain", "authors", "name"));
    identities.removeIf(v -> v.length() < 4 || v.toLowerCase().startsWith("acme"));
    assertThat(identities).isNotEmpty();
    List<String> texts = new ArrayList<>();
    for (Group g : rows("a", "posts")) {
      texts.add(g.getString("text", 0));
      assertThat(g.getFieldRepetitionCount("url")).isZero();
    }
    assertThat(texts).anySatisfy(t -> assertThat(t).containsPattern("@u_[0-9a-f]{20}"));
    for (String table : List.of("posts", "authors", "interactions")) {
      Set<String> everyValue = new TreeSet<>();
      for (Group g : rows("a", table)) {
        everyValue.add(g.toString());
      }
      String all = String.join("\n", everyValue);
      for (String id : identities) {
        assertThat(all).as(table + " holds " + id).doesNotContain("author_id: " + id + "\n")
            .doesNotContain("name: " + id + "\n").doesNotContain("@" + id + " ");
      }
    }
  }

  @Test
  void theKeyIsInNoFileAndNoLogLine() throws IOException {
    assertThat(keyedOutput).doesNotContain(KEY).contains("SUCCEEDED");
    byte[] key = KEY.getBytes(StandardCharsets.UTF_8);
    try (Stream<Path> files = Files.walk(dir.resolve("a"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertThat(indexOf(Files.readAllBytes(f), key)).as(f.toString()).isEqualTo(-1);
      }
    }
  }

  @Test
  void offLeavesAuthorsAsTheSourcesNameThem() throws IOException {
    assertThat(values("plain", "posts", "author_id")).noneMatch(v -> v.startsWith("u_"));
    assertThat(values("plain", "posts", "url")).isNotEmpty();
  }

  @Test
  void aMissingKeyStopsTheRunBeforeSparkNamingTheVariable() throws IOException {
    Path conf = config("nokey", "privacy { pseudonymise = true, key-env = LP_TEST_KEY_THAT_IS_NOT_SET }");
    String[] r = ingest("nokey", conf);
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[1]).contains("LP_TEST_KEY_THAT_IS_NOT_SET");
    assertThat(dir.resolve("nokey").resolve("warehouse")).doesNotExist();
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
