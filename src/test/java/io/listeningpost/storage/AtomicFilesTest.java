package io.listeningpost.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @Test
  void replacesTheFileAndLeavesNoTemporaryFile(@TempDir Path dir) throws IOException {
    Path target = dir.resolve("reports/2026-11-29/report.html");
    AtomicFiles.write(target, "old");
    assertThat(AtomicFiles.write(target, "new")).isEqualTo(target);
    assertThat(Files.readString(target)).isEqualTo("new");
    assertThat(names(target.getParent())).containsExactly("report.html");
  }

  @Test
  void removesWhatAKilledWriterLeftButNotWhatALiveOneIsWriting(@TempDir Path dir) throws Exception {
    String host = InetAddress.getLocalHost().getHostName().replace('.', '_');
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Path ofTheDead = dir.resolve(".report.html." + host + "." + gone.pid() + ".1f.tmp");
    Path ofTheLiving = dir.resolve(".report.html." + host + "." + ProcessHandle.current().pid() + ".2f.tmp");
    Path ofAnotherHost = dir.resolve(".report.html.elsewhere." + gone.pid() + ".3f.tmp");
    Path ofAnotherFile = dir.resolve(".summary.md." + host + "." + gone.pid() + ".4f.tmp");
    for (Path p : new Path[] {ofTheDead, ofTheLiving, ofAnotherHost, ofAnotherFile}) {
      Files.writeString(p, "<html><body>half a rep");
    }
    AtomicFiles.write(dir.resolve("report.html"), "whole");
    assertThat(ofTheDead).doesNotExist();
    assertThat(ofTheLiving).exists();
    assertThat(ofAnotherHost).exists();
    assertThat(ofAnotherFile).exists();
  }

  private static String[] names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).sorted().toArray(String[]::new);
    }
  }
}
