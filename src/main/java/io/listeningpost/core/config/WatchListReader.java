package io.listeningpost.core.config;

import static io.listeningpost.core.config.ConfigValues.optString;

import com.typesafe.config.Config;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code watch} list (employer brands and competitors) into {@link WatchTerm}s, checking each
 * entry's keys, name and kind. Every problem is recorded; an entry without a name is left out.
 */
final class WatchListReader {
  private WatchListReader() { }

  static List<WatchTerm> read(Config config, List<String> problems) {
    List<WatchTerm> out = new ArrayList<>();
    ObjectListReader.forEach(config, "watch", "objects with a name", ConfigKeys.WATCH_KEYS, problems, (key, c) -> {
      String name = optString(c, "name", key, problems);
      if (name == null || name.isBlank()) {
        problems.add(key + ".name is missing: the brand or competitor name to watch");
        return;
      }
      String kind = c.hasPath("kind") ? optString(c, "kind", key, problems) : WatchTerm.BRAND;
      if (kind != null && !kind.equals(WatchTerm.BRAND) && !kind.equals(WatchTerm.COMPETITOR)) {
        problems.add(key + ".kind = \"" + kind + "\": must be brand or competitor");
      }
      List<String> aliases = new ArrayList<>();
      if (c.hasPath("aliases")) {
        try {
          aliases.addAll(c.getStringList("aliases"));
        } catch (com.typesafe.config.ConfigException e) {
          problems.add(key + ".aliases = " + ConfigKey.render(c, "aliases") + ": must be a list of strings");
        }
      }
      out.add(new WatchTerm(name.trim(), kind == null ? WatchTerm.BRAND : kind, aliases));
    });
    return out;
  }
}
