package io.listeningpost.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java options {@code jobs/listening-post} starts Java with, per command: the launcher runs in a copy of
 * the project whose build is present and current, with a {@code java} on the PATH that prints its arguments.
 */
class LauncherFlagsTest {
  @TempDir Path home;

  @BeforeEach
  void launcherWithAFakeJava() throws IOException {
    Files.createDirectories(home.resolve("jobs"));
    Files.copy(Path.of("jobs/listening-post"), home.resolve("jobs/listening-post"));
    Files.createDirectories(home.resolve("src/main"));
    Files.writeString(home.resolve("pom.xml"), "");
    Path target = Files.createDirectories(home.resolve("target"));
    Files.writeString(target.resolve("listening-post.jar"), "");
    // The launcher ships CoreNLP's models jars, found on the class path, to a cluster's executors.
    Files.writeString(target.resolve("local-classpath.txt"), "/m2/stanford-corenlp-4.5.10-models.jar");
    Files.writeString(target.resolve("runtime-classpath.txt"), "");
    // Built after the sources, so that the launcher does not build again.
    Files.setLastModifiedTime(target.resolve("listening-post.jar"),
        FileTime.fromMillis(System.currentTimeMillis() + 60_000));
    Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
    Files.writeString(java, "#!/bin/sh\nprintf '%s\\n' \"$@\"\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  @Test
  void ingestRunsWithTheSerialCollector() throws Exception {
    assertThat(javaArguments(Map.of(), "ingest")).contains("-XX:+UseSerialGC");
  }

  @Test
  void otherCommandsKeepJavasDefaultCollector() throws Exception {
    for (String command : List.of("nightly", "enrich", "graph", "status")) {
      assertThat(javaArguments(Map.of(), command)).as(command).noneMatch(a -> a.matches("-XX:\\+Use\\w*GC"));
    }
  }

  @Test
  void aCollectorInTheJavaOptionsReplacesTheSerialOne() throws Exception {
    assertThat(javaArguments(Map.of("LISTENING_POST_JAVA_OPTS", "-Xlog:gc -XX:+UseG1GC"), "ingest"))
        .contains("-XX:+UseG1GC").doesNotContain("-XX:+UseSerialGC");
    assertThat(javaArguments(Map.of("JAVA_TOOL_OPTIONS", "-XX:+UseZGC"), "ingest"))
        .doesNotContain("-XX:+UseSerialGC");
  }

  @Test
  void optionsThatOnlyLookLikeACollectorDoNot() throws Exception {
    for (String opts : List.of("-XX:+UseGCOverheadLimit", "-XX:+UseNUMA -XX:MaxGCPauseMillis=200",
        "-Dspark.executor.extraJavaOptions=-XX:+UseG1GC")) {
      assertThat(javaArguments(Map.of("LISTENING_POST_JAVA_OPTS", opts), "ingest")).as(opts)
          .contains("-XX:+UseSerialGC");
    }
  }

  private List<String> javaArguments(Map<String, String> env, String command) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("bash", home.resolve("jobs/listening-post").toString(), command, "--help");
    pb.environment().remove("LISTENING_POST_JAVA_OPTS");
    pb.environment().remove("JAVA_TOOL_OPTIONS");
    pb.environment().remove("JDK_JAVA_OPTIONS");
    pb.environment().putAll(env);
    pb.environment().put("PATH", home.resolve("bin") + ":" + System.getenv("PATH"));
    pb.redirectErrorStream(true);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out.lines().toList();
  }
}
