package io.listeningpost.core.config;

import static io.listeningpost.core.config.ConfigValues.optString;

import com.typesafe.config.Config;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code audiences.key-topics} into {@link KeyTopic}s: each needs a name and at least one term. */
final class KeyTopicReader {
  static final String PATH = "audiences.key-topics";

  private KeyTopicReader() { }

  static List<KeyTopic> read(Config config, List<String> problems) {
    List<KeyTopic> out = new ArrayList<>();
    ObjectListReader.forEach(config, PATH, "objects with a name and terms", ConfigKeys.KEY_TOPIC_KEYS, problems, (key, c) -> {
      String name = optString(c, "name", key, problems);
      List<String> terms = TargetAudienceReader.strings(c, "terms", key, problems);
      if (name == null || name.isBlank()) {
        problems.add(key + ".name is missing: the topic as people call it, e.g. \"remote work\"");
      } else if (terms.isEmpty()) {
        problems.add(key + " (" + name + "): terms must list at least one word or phrase that names it");
      } else {
        out.add(new KeyTopic(name.trim(), terms));
      }
    });
    return out;
  }
}
