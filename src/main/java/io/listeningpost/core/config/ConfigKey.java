package io.listeningpost.core.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException.WrongType;
import com.typesafe.config.ConfigValue;
import java.util.List;
import java.util.function.Function;

/**
 * One documented configuration key: its HOCON path, a doc line, the default and the check.
 * Reading a key never throws: a wrong type or a failed check becomes a problem naming key and value.
 */
public final class ConfigKey<T> {
  private final String path;
  private final String doc;
  private final T defaultValue;
  private final String type;
  private final Reader<T> reader;
  private final Function<T, String> check;
  private final boolean valueShown;

  interface Reader<T> {
    T read(Config c, String path);
  }

  private ConfigKey(String path, String type, String doc, T defaultValue, Reader<T> reader, Function<T, String> check) {
    this(path, type, doc, defaultValue, reader, check, true);
  }

  private ConfigKey(String path, String type, String doc, T defaultValue, Reader<T> reader, Function<T, String> check,
      boolean valueShown) {
    this.valueShown = valueShown;
    this.path = path;
    this.type = type;
    this.doc = doc;
    this.defaultValue = defaultValue;
    this.reader = reader;
    this.check = check;
  }

  public static ConfigKey<String> string(String path, String doc, String def, Function<String, String> check) {
    return new ConfigKey<>(path, "string", doc, def, Config::getString, check);
  }

  public static ConfigKey<Integer> integer(String path, String doc, int def, int min, int max) {
    return new ConfigKey<>(path, "integer", doc, def, Config::getInt,
        v -> v < min || v > max ? "must be between " + min + " and " + max : null);
  }

  public static ConfigKey<Long> bytes(String path, String doc, long def, long min, long max) {
    return new ConfigKey<>(path, "size", doc, def, (c, p) -> c.getBytes(p),
        v -> v < min || v > max ? "must be between " + min + " and " + max + " bytes" : null);
  }

  public static ConfigKey<Double> decimal(String path, String doc, double def, double min, double max) {
    return new ConfigKey<>(path, "number", doc, def, Config::getDouble,
        v -> v < min || v > max || v.isNaN() ? "must be between " + min + " and " + max : null);
  }

  public static ConfigKey<Boolean> bool(String path, String doc, boolean def) {
    return new ConfigKey<>(path, "boolean", doc, def, Config::getBoolean, v -> null);
  }

  /**
   * This key with its value left out of every problem: for a key where a user may put a secret by mistake
   * (the pseudonym key itself instead of the name of the variable holding it).
   */
  ConfigKey<T> valueNotShown() {
    return new ConfigKey<>(path, type, doc, defaultValue, reader, check, false);
  }

  public String path() {
    return path;
  }

  public String doc() {
    return doc;
  }

  public String type() {
    return type;
  }

  public T defaultValue() {
    return defaultValue;
  }

  /** The check's complaint about {@code value}, or null when it passes. */
  String check(T value) {
    return check.apply(value);
  }

  /** Reads the key below {@code prefix} (empty for top level); records any problem in {@code problems}. */
  T read(Config config, String prefix, List<String> problems) {
    String full = prefix.isEmpty() ? path : prefix + "." + path;
    if (!config.hasPath(path)) {
      return defaultValue;
    }
    T value;
    try {
      value = reader.read(config, path);
    } catch (WrongType | com.typesafe.config.ConfigException.BadValue e) {
      problems.add(full + shown(config) + ": must be a " + type);
      return defaultValue;
    }
    String problem = check.apply(value);
    if (problem != null) {
      problems.add(full + shown(config) + ": " + problem);
    }
    return value;
  }

  private String shown(Config config) {
    if (valueShown) {
      return " = " + render(config, path);
    }
    return " (value not shown)" + CommandLineSettings.originNote(config.getValue(path));
  }

  /** The value at {@code path} as HOCON, followed by " (from --conf)" when it was given on the command line. */
  static String render(Config config, String path) {
    return render(config.getValue(path));
  }

  static String render(ConfigValue value) {
    return value.render(com.typesafe.config.ConfigRenderOptions.concise()) + CommandLineSettings.originNote(value);
  }
}
