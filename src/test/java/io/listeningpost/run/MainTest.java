package io.listeningpost.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line refuses bad input before Spark starts; these tests never start Spark. */
class MainTest {

  private static String[] run(String... args) {
    PrintStream err = System.err;
    PrintStream out = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      int code = Main.run(args);
      return new String[] {String.valueOf(code), buf.toString(StandardCharsets.UTF_8)};
    } finally {
      System.setErr(err);
      System.setOut(out);
    }
  }

  @Test
  void aWrongConfigValueStopsTheJobWithExitCode2(@TempDir Path dir) throws Exception {
    Path conf = Files.writeString(dir.resolve("bad.conf"), "ingest.max-text-chars = 12\nsources = []\n");
    String[] r = run("ingest", "--config", conf.toString());
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[1]).contains("ingest.max-text-chars = 12: must be between").contains("at least one source");
  }

  @Test
  void badCommandLineValuesAreNamed() {
    String[] r = run("ingest", "--date", "21/11/2026", "--source", "myspace=/tmp", "--master", "nowhere");
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[1]).contains("--date = 21/11/2026: expected YYYY-MM-DD");
    String[] s = run("ingest", "--source", "myspace=/tmp", "--master", "nowhere");
    assertThat(s[1]).contains("--source myspace=/tmp: expected FORMAT=PATH").contains("--master = \"nowhere\"");
  }

  @Test
  void everyCommandHasHelp() {
    for (String cmd : new String[] {"ingest", "enrich", "nightly", "generate", "score-sentiment", "train-sentiment"}) {
      String[] r = run(cmd, "--help");
      assertThat(r[0]).isEqualTo("0");
      assertThat(r[1]).contains("Usage: listening-post " + cmd);
    }
  }

  @Test
  void generateRefusesAFolderItDidNotWriteWithExitCode2UnlessForced(@TempDir Path dir) throws Exception {
    Path out = Files.createDirectories(dir.resolve("data"));
    Files.writeString(out.resolve("notes.txt"), "mine");
    String[] r = run("generate", "--posts", "50", "--out", out.toString());
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[1]).contains("--out " + out + " is not empty and was not written by `generate`").contains("--force");
    assertThat(out.resolve("notes.txt")).exists();

    String[] forced = run("generate", "--posts", "50", "--out", out.toString(), "--force");
    assertThat(forced[0]).isEqualTo("0");
    assertThat(out.resolve("notes.txt")).doesNotExist();
    // Once generated, the folder is the generator's to replace.
    String[] again = run("generate", "--posts", "50", "--out", out.toString());
    assertThat(again[0]).isEqualTo("0");
  }

  @Test
  void scoreSentimentWritesOneLinePerInputLineWhateverTheLine(@TempDir Path dir) throws Exception {
    byte[] binary = {(byte) 0xff, (byte) 0xfe, 0x00, 0x01, (byte) 0x80, 0x41};
    String longLine = "the interview went well ".repeat(5_000);
    Path in = dir.resolve("in.txt");
    try (var os = Files.newOutputStream(in)) {
      os.write(("I love my new job at Acme 😍\n\n   \nThis company ghosted me, awful experience\n" + longLine
          + "\n🎉🎉\nLe recrutement est terminé.\n").getBytes(StandardCharsets.UTF_8));
      os.write(binary);
      os.write("\r\nlast line without newline".getBytes(StandardCharsets.UTF_8));
    }
    Path out = dir.resolve("out.tsv");
    String[] r = run("score-sentiment", "--in", in.toString(), "--out", out.toString());
    assertThat(r[0]).isEqualTo("0");
    var lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(9);
    assertThat(lines).allMatch(l -> l.matches("(negative|neutral|positive)\t-?\\d+(\\.\\d+)?"));
    assertThat(lines.get(0)).startsWith("positive\t");
    assertThat(lines.get(1)).isEqualTo("neutral\t0");
    assertThat(lines.get(2)).isEqualTo("neutral\t0");
    assertThat(lines.get(3)).startsWith("negative\t");
    assertThat(lines.get(4)).startsWith("positive\t");
    assertThat(lines.get(5)).startsWith("positive\t");
    assertThat(r[1]).contains("9 lines scored").contains("1 cut to 20,000 characters");
  }

  @Test
  void graphWithEdgesScoresANodeXlExportAndQuarantinesItsBadRows(@TempDir Path dir) {
    Path out = dir.resolve("network");
    String[] r = run("graph", "--edges", "src/test/resources/edgelists/nodexl-edges.csv", "--out", out.toString());
    assertThat(r[0]).isEqualTo("0");
    assertThat(r[1]).contains("10 lines, 5 edges read, 2 lines quarantined").contains("graph: 4 nodes, 4 distinct edges");
    assertThat(out.resolve("influencers")).isDirectory();
    assertThat(out.resolve("communities")).isDirectory();
    assertThat(out.resolve("quarantine")).isDirectory();
  }
}
