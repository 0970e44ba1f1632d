package io.listeningpost.core.config;

/** The reference of every key, as docs/config.md shows it; a test keeps the two in step. */
public final class ConfigReference {
  private ConfigReference() { }

  public static String markdown() {
    StringBuilder sb = new StringBuilder();
    sb.append("| key | type | default | meaning |\n|---|---|---|---|\n");
    for (ConfigKey<?> k : ConfigKeys.KEYS) {
      String def = "".equals(k.defaultValue()) ? "\"\"" : String.valueOf(k.defaultValue());
      sb.append("| `").append(k.path()).append("` | ").append(k.type()).append(" | `")
          .append(def).append("` | ").append(k.doc()).append(" |\n");
    }
    sb.append("\nEach entry of `sources`:\n\n| key | meaning |\n|---|---|\n");
    ConfigKeys.SOURCE_KEYS.forEach((k, v) -> sb.append("| `").append(k).append("` | ").append(v).append(" |\n"));
    sb.append("\nEach entry of `watch` (employer brands and competitors matched in posts):\n\n| key | meaning |\n|---|---|\n");
    ConfigKeys.WATCH_KEYS.forEach((k, v) -> sb.append("| `").append(k).append("` | ").append(v).append(" |\n"));
    sb.append("\nEach entry of `audiences.targets` (the audiences the strategy wants to reach; every segment is "
        + "matched to the closest):\n\n| key | meaning |\n|---|---|\n");
    ConfigKeys.TARGET_KEYS.forEach((k, v) -> sb.append("| `").append(k).append("` | ").append(v).append(" |\n"));
    sb.append("\nEach entry of `audiences.key-topics` (topics and messages followed over time: share of voice and "
        + "sentiment per community and day):\n\n| key | meaning |\n|---|---|\n");
    ConfigKeys.KEY_TOPIC_KEYS.forEach((k, v) -> sb.append("| `").append(k).append("` | ").append(v).append(" |\n"));
    sb.append("\nFields of a csv/json `mapping`:\n\n| field | meaning |\n|---|---|\n");
    ConfigKeys.MAPPING_FIELDS.forEach((k, v) -> sb.append("| `").append(k).append("` | ").append(v).append(" |\n"));
    return sb.toString();
  }
}
