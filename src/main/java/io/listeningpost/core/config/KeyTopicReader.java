package io.listeningpost.core.config;

import static io.listeningpost.core.config.ConfigValues.optString;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code audiences.key-topics} into {@link KeyTopic}s: each needs a name and at least one term. */
final class KeyTopicReader {
  static final String PATH = "audiences.key-topics";

  private KeyTopicReader() { }

  static List<KeyTopic> read(Config config, List<String> problems) {
    List<KeyTopic> out = new ArrayList<>();
    if (!config.hasPath(PATH)) {
      return out;
    }
    if (config.getValue(PATH).valueType() != ConfigValueType.LIST) {
      problems.add(PATH + " = " + ConfigKey.render(config, PATH) + ": must be a list of objects with a name and terms");
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
        if (!ConfigKeys.KEY_TOPIC_KEYS.containsKey(k)) {
          problems.add("unknown key '" + key + "." + k + "'" + KeySuggestion.forKey(k, ConfigKeys.KEY_TOPIC_KEYS.keySet()));
        }
      }
      String name = optString(c, "name", key, problems);
      List<String> terms = TargetAudienceReader.strings(c, "terms", key, problems);
      if (name == null || name.isBlank()) {
        problems.add(key + ".name is missing: the topic as people call it, e.g. \"remote work\"");
      } else if (terms.isEmpty()) {
        problems.add(key + " (" + name + "): terms must list at least one word or phrase that names it");
      } else {
        out.add(new KeyTopic(name.trim(), terms));
      }
    }
    return out;
  }
}
