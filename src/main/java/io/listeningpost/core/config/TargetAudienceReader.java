package io.listeningpost.core.config;

import static io.listeningpost.core.config.ConfigValues.optString;

import com.typesafe.config.Config;
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
    ObjectListReader.forEach(config, PATH, "objects with a name", ConfigKeys.TARGET_KEYS, problems, (key, c) -> {
      String name = optString(c, "name", key, problems);
      if (name == null || name.isBlank()) {
        problems.add(key + ".name is missing: the audience's name, e.g. \"data engineers\"");
        return;
      }
      List<String> keywords = strings(c, "keywords", key, problems);
      List<String> communities = strings(c, "communities", key, problems);
      List<String> authors = strings(c, "authors", key, problems);
      if (keywords.isEmpty() && communities.isEmpty() && authors.isEmpty()) {
        problems.add(key + " (" + name + "): give keywords, communities or authors, so that segments can be matched to it");
      }
      out.add(new TargetAudience(name.trim(), keywords, communities, authors));
    });
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
