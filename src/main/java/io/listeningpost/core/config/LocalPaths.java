package io.listeningpost.core.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/** Tells a configured location on the local disk (a path, or a file: URI) from one on another file system. */
final class LocalPaths {
  /** A URI scheme (two characters or more, so that a drive letter is not one) and its colon. */
  private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.\\-]+:.*");

  private LocalPaths() {}

  /** The local path of {@code location}; empty for hdfs:, s3a: and other non-local URIs, which are not checked here. */
  static Optional<Path> of(String location) {
    try {
      if (location.regionMatches(true, 0, "file:", 0, 5)) {
        return Optional.of(Path.of(URI.create(location)));
      }
      if (SCHEME.matcher(location).matches()) {
        return Optional.empty();
      }
      return Optional.of(Path.of(location));
    } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
      // Also InvalidPathException: a location Java cannot read as a local path is left to the file system that can.
      return Optional.empty();
    }
  }
}
