package io.listeningpost.core.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Settings given on the command line as {@code --conf KEY=VALUE}, like spark-submit's: they take the place
 * of the job file's and are checked exactly like them, and every value they hold is marked with the
 * origin {@value #ORIGIN}, so that a problem with one says it came from the command line.
 *
 * <p>A value that starts with {@code [}, {@code {} or {@code "} is HOCON (a list, an object, a quoted
 * string), and so is a plain number or boolean; anything else is taken as written, so that a path or a
 * URL needs no quotes ({@code --conf warehouse=/data/lp/wh}, {@code --conf spark.master=local[2]}).
 */
public final class CommandLineSettings {
  public static final String ORIGIN = "--conf";

  /** The explicit options that set a key themselves; giving one and --conf of its key is refused. */
  public static final Map<String, String> OPTION_KEYS = options();

  private static final Pattern NUMBER_OR_BOOLEAN = Pattern.compile("[-+]?\\d+(\\.\\d+)?([eE][-+]?\\d+)?|true|false");

  private CommandLineSettings() {}

  /** The settings of {@code entries} ("KEY=VALUE" each); later entries win; problems are recorded. */
  public static Config parse(List<String> entries, List<String> problems) {
    Config settings = ConfigFactory.empty();
    for (String entry : entries) {
      int eq = entry.indexOf('=');
      String key = eq > 0 ? entry.substring(0, eq).strip() : "";
      if (key.isEmpty()) {
        problems.add(ORIGIN + " " + entry + ": expected KEY=VALUE, e.g. " + ORIGIN + " graph.window-days=365");
        continue;
      }
      try {
        ConfigUtil.splitPath(key);
      } catch (com.typesafe.config.ConfigException e) {
        problems.add(ORIGIN + " " + entry + ": '" + key + "' is not a key (keys are dotted names, e.g. graph.window-days)");
        continue;
      }
      String text = entry.substring(eq + 1).strip();
      boolean hocon = !text.isEmpty()
          && ("[{\"".indexOf(text.charAt(0)) >= 0 || NUMBER_OR_BOOLEAN.matcher(text).matches());
      try {
        // Parsed as one line of HOCON, so that the value and every object holding it carry the origin.
        Config one = ConfigFactory.parseString(key + " = " + (hocon ? text : ConfigUtil.quoteString(text)),
            ConfigParseOptions.defaults().setOriginDescription(ORIGIN));
        settings = one.withFallback(settings);
      } catch (com.typesafe.config.ConfigException e) {
        problems.add(ORIGIN + " " + entry + ": the value is not valid HOCON: " + e.getMessage());
      }
    }
    return settings;
  }

  /** Whether {@code value} was given with --conf. */
  static boolean fromCommandLine(ConfigValue value) {
    return value.origin().description().startsWith(ORIGIN);
  }

  /** Whether the value at {@code path} was given with --conf. */
  static boolean fromCommandLine(Config config, String path) {
    return config.hasPath(path) && fromCommandLine(config.getValue(path));
  }

  /** " (from --conf)" for a value given on the command line, to follow it in a problem; else "". */
  static String originNote(ConfigValue value) {
    return fromCommandLine(value) ? " (from " + ORIGIN + ")" : "";
  }

  /** A problem for each explicit option among {@code givenOptions} whose key --conf sets too. */
  public static List<String> conflicts(Config settings, Collection<String> givenOptions) {
    List<String> problems = new ArrayList<>();
    OPTION_KEYS.forEach((option, key) -> {
      if (givenOptions.contains(option) && settings.hasPath(key)) {
        problems.add(option + " and " + ORIGIN + " " + key + "=" + shown(settings.getValue(key))
            + " both set " + key + ": give one of them");
      }
    });
    return problems;
  }

  /** Each setting as {@code key=value}, in key order, for summaries. */
  public static List<String> describe(Config settings) {
    return settings.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .map(e -> e.getKey() + "=" + shown(e.getValue())).toList();
  }

  private static String shown(ConfigValue v) {
    return v.valueType() == ConfigValueType.STRING ? (String) v.unwrapped()
        : v.render(ConfigRenderOptions.concise());
  }

  private static Map<String, String> options() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("--warehouse", "warehouse");
    m.put("--reports", "reports");
    m.put("--master", "spark.master");
    m.put("--date", "run.date");
    m.put("--fail-fast", "ingest.fail-fast");
    m.put("--source", "sources");
    return java.util.Collections.unmodifiableMap(m);
  }
}
