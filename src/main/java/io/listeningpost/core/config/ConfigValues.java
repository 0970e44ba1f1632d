package io.listeningpost.core.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueType;
import java.nio.file.Path;
import java.util.List;

/** Values read without a {@link ConfigKey}: strings of list entries, and paths written in the config file. */
final class ConfigValues {
  private ConfigValues() { }

  /** The string at {@code k}, or null when it is absent or not a string (then a problem names {@code key.k}). */
  static String optString(Config c, String k, String key, List<String> problems) {
    if (!c.hasPath(k)) {
      return null;
    }
    if (c.getValue(k).valueType() != ConfigValueType.STRING) {
      problems.add(key + "." + k + " = " + ConfigKey.render(c, k) + ": must be a string");
      return null;
    }
    return c.getString(k);
  }

  /**
   * A path from the config file resolves against the file's folder, so a job file runs from any working
   * directory; URIs and defaults (not {@code fromFile}) are kept as they are.
   */
  static String resolvePath(Path base, String path, boolean fromFile) {
    if (!fromFile || path.contains("://") || base == null) {
      return path;
    }
    Path p = Path.of(path);
    return p.isAbsolute() ? path : base.resolve(p).normalize().toString();
  }
}
