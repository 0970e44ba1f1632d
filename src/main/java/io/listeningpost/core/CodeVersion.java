package io.listeningpost.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of the running code, as the jar was built: recorded in {@code _runs} and in every Parquet file. */
public final class CodeVersion {
  private CodeVersion() {}

  /** The build's version and git commit, e.g. {@code 0.1.0-SNAPSHOT+243cddf}, with {@code -dirty} for local edits. */
  public static String current() {
    Properties p = new Properties();
    try (InputStream in = CodeVersion.class.getResourceAsStream("/listening-post-git.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      return "unknown";
    }
    String version = p.getProperty("git.build.version", "dev");
    String commit = p.getProperty("git.commit.id.abbrev", "unknown");
    return version + "+" + commit + ("true".equals(p.getProperty("git.dirty")) ? "-dirty" : "");
  }
}
