package io.listeningpost.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Holds the process at one named step of a publish or a file write, so that a kill-safety test can send
 * SIGKILL exactly there (between two renames, say) instead of wherever a poll happens to land. The test
 * starts the run with {@value #PAUSE_AT} (a regular expression over step names such as
 * {@code posts moved aside dt=2026-11-29}) and {@value #MARKER} (a file); the first step that matches writes
 * its name to the marker and waits until the process is killed. Without both properties, which only that test
 * sets, a step costs one null check.
 */
public final class CrashTestPause {
  static final String PAUSE_AT = "listeningpost.crash-test.pause-at";
  static final String MARKER = "listeningpost.crash-test.marker";

  private static final Pattern AT = pattern(System.getProperty(PAUSE_AT));
  private static final String MARKER_FILE = System.getProperty(MARKER);

  private CrashTestPause() {}

  /** Called at each step; waits for ever at the step the test named. */
  public static void reached(String step) {
    if (AT == null || MARKER_FILE == null || !AT.matcher(step).matches()) {
      return;
    }
    try {
      Path marker = Path.of(MARKER_FILE);
      Path tmp = marker.resolveSibling(marker.getFileName() + ".writing");
      Files.writeString(tmp, step, StandardCharsets.UTF_8);
      Files.move(tmp, marker);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    synchronized (CrashTestPause.class) {
      while (true) {
        try {
          CrashTestPause.class.wait();
        } catch (InterruptedException e) {
          // Only SIGKILL ends the wait: an interrupt is the run stopping itself, which the test is not about.
        }
      }
    }
  }

  private static Pattern pattern(String regex) {
    return regex == null || regex.isEmpty() ? null : Pattern.compile(regex);
  }
}
