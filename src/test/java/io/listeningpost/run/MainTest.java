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
    for (String cmd : new String[] {"ingest", "nightly", "generate"}) {
      String[] r = run(cmd, "--help");
      assertThat(r[0]).isEqualTo("0");
      assertThat(r[1]).contains("Usage: listening-post " + cmd);
    }
  }
}
