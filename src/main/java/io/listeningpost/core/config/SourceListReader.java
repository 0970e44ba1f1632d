package io.listeningpost.core.config;

import static io.listeningpost.core.config.ConfigValues.optString;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the {@code sources} list into {@link SourceSpec}s, checking each entry's keys, its format and,
 * for csv/json, its platform, mapping, time format and delimiter. Every problem is recorded; an entry
 * that cannot be read is left out.
 */
final class SourceListReader {
  private static final Pattern DELIMITER = Pattern.compile(".|\\\\t|tab");

  private SourceListReader() { }

  /** Relative paths resolve against {@code base}, the config file's folder. */
  static List<SourceSpec> read(Config config, Path base, List<String> problems) {
    List<SourceSpec> out = new ArrayList<>();
    if (!config.hasPath("sources")) {
      return out;
    }
    if (config.getValue("sources").valueType() != ConfigValueType.LIST) {
      problems.add("sources = " + ConfigKey.render(config, "sources") + ": must be a list of objects");
      return out;
    }
    // Paths of a list given with --conf are the command line's: they resolve against the working directory.
    Path listBase = CommandLineSettings.fromCommandLine(config, "sources") ? null : base;
    ConfigList list = config.getList("sources");
    for (int i = 0; i < list.size(); i++) {
      String key = "sources[" + i + "]";
      ConfigValue v = list.get(i);
      if (v.valueType() != ConfigValueType.OBJECT) {
        problems.add(key + " = " + v.render(ConfigRenderOptions.concise()) + ": must be an object with format and path");
        continue;
      }
      SourceSpec spec = readSource(((ConfigObject) v).toConfig(), key, listBase, problems);
      if (spec != null) {
        out.add(spec);
      }
    }
    return out;
  }

  private static SourceSpec readSource(Config c, String key, Path base, List<String> problems) {
    for (String k : c.root().keySet()) {
      if (!ConfigKeys.SOURCE_KEYS.containsKey(k)) {
        problems.add("unknown key '" + key + "." + k + "'" + KeySuggestion.forKey(k, ConfigKeys.SOURCE_KEYS.keySet()));
      }
    }
    String formatName = optString(c, "format", key, problems);
    String path = optString(c, "path", key, problems);
    if (formatName == null || path == null) {
      if (formatName == null) {
        problems.add(key + ".format is missing: one of " + SourceFormat.names());
      }
      if (path == null) {
        problems.add(key + ".path is missing: a file or folder to read");
      }
      return null;
    }
    SourceFormat format = SourceFormat.parse(formatName);
    if (format == null) {
      problems.add(key + ".format = \"" + formatName + "\": must be one of " + SourceFormat.names());
      return null;
    }
    String name = c.hasPath("name") ? optString(c, "name", key, problems) : format.configName();
    String community = optString(c, "community", key, problems);
    String platform = optString(c, "platform", key, problems);
    String timeFormat = c.hasPath("time-format") ? optString(c, "time-format", key, problems) : "iso";
    String delimiter = c.hasPath("delimiter") ? optString(c, "delimiter", key, problems) : ",";
    Map<String, String> mapping = new LinkedHashMap<>();
    if (format.isMapped()) {
      if (platform == null || platform.isBlank()) {
        problems.add(key + ".platform is missing: csv and json sources name their platform, e.g. platform = twitter");
      }
      readMapping(c, key, mapping, problems);
      String timeProblem = TimeFormats.check(timeFormat);
      if (timeProblem != null) {
        problems.add(key + ".time-format = \"" + timeFormat + "\": " + timeProblem);
      }
      if (delimiter != null && !DELIMITER.matcher(delimiter).matches()) {
        problems.add(key + ".delimiter = \"" + delimiter + "\": must be one character (or \\t)");
      }
    } else {
      for (String mappedOnly : List.of("platform", "mapping", "time-format", "delimiter")) {
        if (c.hasPath(mappedOnly)) {
          problems.add(key + "." + mappedOnly + ": only csv and json sources take " + mappedOnly
              + " (this source is " + format.configName() + ")");
        }
      }
      platform = SourceSpec.defaultPlatform(format);
    }
    String resolved = ConfigValues.resolvePath(base, path, true);
    return new SourceSpec(name, format, resolved, community, platform, mapping, timeFormat,
        "\\t".equals(delimiter) || "tab".equals(delimiter) ? "\t" : delimiter);
  }

  private static void readMapping(Config c, String key, Map<String, String> mapping, List<String> problems) {
    if (!c.hasPath("mapping") || c.getValue("mapping").valueType() != ConfigValueType.OBJECT) {
      problems.add(key + ".mapping is missing: map at least post_id, text and created_at to source columns");
      return;
    }
    Config m = c.getConfig("mapping");
    for (Map.Entry<String, ConfigValue> e : m.root().entrySet()) {
      String field = e.getKey();
      if (!ConfigKeys.MAPPING_FIELDS.containsKey(field)) {
        problems.add("unknown key '" + key + ".mapping." + field + "'" + KeySuggestion.forKey(field, ConfigKeys.MAPPING_FIELDS.keySet()));
      } else if (e.getValue().valueType() != ConfigValueType.STRING) {
        problems.add(key + ".mapping." + field + " = " + e.getValue().render(ConfigRenderOptions.concise())
            + ": must be a column name");
      } else {
        mapping.put(field, (String) e.getValue().unwrapped());
      }
    }
    for (String required : List.of("post_id", "text", "created_at")) {
      if (!m.hasPath(required)) {
        problems.add(key + ".mapping." + required + " is missing: it is required");
      }
    }
  }
}
