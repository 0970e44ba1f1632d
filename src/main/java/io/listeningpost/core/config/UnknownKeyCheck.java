package io.listeningpost.core.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Refuses keys the registry does not declare, at the top level and in the key groups, so that a typo
 * is reported instead of silently falling back to a default. Entries of {@code sources} and
 * {@code watch} are checked by their readers.
 */
final class UnknownKeyCheck {
  private static final Set<String> TOP_LEVEL = Set.of("warehouse", "reports", "run", "spark", "ingest", "sources",
      "enrich", "graph", "audiences", "alerts", "watch", "report", "retention", "privacy");
  private static final List<String> GROUPS = List.of("run", "spark", "ingest", "enrich", "graph", "graph.weight",
      "audiences", "alerts", "report", "retention", "privacy");

  private UnknownKeyCheck() { }

  static void check(Config config, List<String> problems) {
    Set<String> known = new TreeSet<>();
    ConfigKeys.KEYS.forEach(k -> known.add(k.path()));
    for (String key : config.root().keySet()) {
      if (!TOP_LEVEL.contains(key)) {
        problems.add("unknown key '" + key + "'" + from(config.root().get(key)) + KeySuggestion.forKey(key, known));
      }
    }
    for (String group : GROUPS) {
      if (!config.hasPath(group)) {
        continue;
      }
      if (config.getValue(group).valueType() != ConfigValueType.OBJECT) {
        problems.add(group + " = " + ConfigKey.render(config, group) + ": must be an object");
        continue;
      }
      for (String key : config.getConfig(group).root().keySet()) {
        String full = group + "." + key;
        if (!known.contains(full) && !(group.equals("graph") && key.equals("weight"))
            && !full.equals(TargetAudienceReader.PATH) && !full.equals(KeyTopicReader.PATH)) {
          problems.add("unknown key '" + full + "'" + from(config.getConfig(group).root().get(key))
              + KeySuggestion.forKey(full, known));
        }
      }
    }
  }

  private static String from(ConfigValue value) {
    return CommandLineSettings.fromCommandLine(value) ? " given with " + CommandLineSettings.ORIGIN : "";
  }
}
