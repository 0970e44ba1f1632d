package io.listeningpost.core.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueType;
import java.util.List;
import java.util.Map;

/**
 * Walks a config list of objects (`watch`, `audiences.targets`, `audiences.key-topics`): refuses a value
 * that is not a list, an entry that is not an object and an entry key that is not declared, and hands
 * each entry to its reader with the key that names it in messages, e.g. {@code watch[2]}.
 */
final class ObjectListReader {
  @FunctionalInterface
  interface Entry {
    void read(String key, Config entry);
  }

  private ObjectListReader() { }

  /**
   * @param expected what the list must hold, for messages, e.g. "objects with a name"
   * @param keys the keys an entry may have, with their docs
   */
  static void forEach(Config config, String path, String expected, Map<String, String> keys, List<String> problems,
      Entry reader) {
    if (!config.hasPath(path)) {
      return;
    }
    if (config.getValue(path).valueType() != ConfigValueType.LIST) {
      problems.add(path + " = " + ConfigKey.render(config, path) + ": must be a list of " + expected);
      return;
    }
    ConfigList list = config.getList(path);
    for (int i = 0; i < list.size(); i++) {
      String key = path + "[" + i + "]";
      if (list.get(i).valueType() != ConfigValueType.OBJECT) {
        problems.add(key + " = " + list.get(i).render(ConfigRenderOptions.concise()) + ": must be an object with a name");
        continue;
      }
      Config c = ((ConfigObject) list.get(i)).toConfig();
      for (String k : c.root().keySet()) {
        if (!keys.containsKey(k)) {
          problems.add("unknown key '" + key + "." + k + "'" + KeySuggestion.forKey(k, keys.keySet()));
        }
      }
      reader.read(key, c);
    }
  }
}
