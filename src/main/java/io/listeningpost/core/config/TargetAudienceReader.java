package io.listeningpost.core.config;

import static io.listeningpost.core.config.ConfigValues.optString;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code audiences.targets} into {@link TargetAudience}s, checking each entry's keys, its name,
 * and that it says how to recognise the audience (keywords, communities or authors).
 */
final class TargetAudienceReader {
  static final String PATH = "audiences.targets";

  private TargetAudienceReader() { }

  static List<TargetAudience> read(Config config, List<String> problems) {
    List<TargetAudience> out = new ArrayList<>();
    if (!config.hasPath(PATH)) {
      return out;
    }
    if (config.getValue(PATH).valueType() != ConfigValueType.LIST) {
      problems.add(PATH + " = " + ConfigKey.render(config, PATH) + ": must be a list of objects with a name");
      return out;
    }
    ConfigList list = config.getList(PATH);
    for (int i = 0; i < list.size(); i++) {
      String key = PATH + "[" + i + "]";
      if (list.get(i).valueType() != ConfigValueType.OBJECT) {
        problems.add(key + " = " + list.get(i).render(ConfigRenderOptions.concise()) + ": must be an object with a name");
        continue;
      }
      Config c = ((ConfigObject) list.get(i)).toConfig();
      for (String k : c.root().keySet()) {
        if (!ConfigKeys.TARGET_KEYS.containsKey(k)) {
          problems.add("unknown key '" + key + "." + k + "'" + KeySuggestion.forKey(k, ConfigKeys.TARGET_KEYS.keySet()));
        }
      }
      String name = optString(c, "name", key, problems);
      if (name == null || name.isBlank()) {
        problems.add(key + ".name is missing: the audience's name, e.g. \"data engineers\"");
        continue;
      }
      List<String> keywords = strings(c, "keywords", key, problems);
      List<String> communities = strings(c, "communities", key, problems);
      List<String> authors = strings(c, "authors", key, problems);
      if (keywords.isEmpty() && communities.isEmpty() && authors.isEmpty()) {
        problems.add(key + " (" + name + "): give keywords, communities or authors, so that segments can be matched to it");
      }
      out.add(new TargetAudience(name.trim(), keywords, communities, authors));
    }
    return out;
  }

  /** A list of non-blank strings at {@code path}, or a problem naming the key. */
  static List<String> strings(Config c, String path, String key, List<String> problems) {
    if (!c.hasPath(path)) {
      return List.of();
    }
    try {
      return c.getStringList(path).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    } catch (com.typesafe.config.ConfigException e) {
      problems.add(key + "." + path + " = " + ConfigKey.render(c, path) + ": must be a list of strings");
      return List.of();
    }
  }
}
