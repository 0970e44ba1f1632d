package io.listeningpost.run;

import io.listeningpost.core.config.ConfigException;
import io.listeningpost.core.config.ListeningPostConfig;
import io.listeningpost.core.config.SourceFormat;
import io.listeningpost.core.config.SourceSpec;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Clock;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options every data command takes. */
public final class CommonOptions {
  @Option(names = "--config", paramLabel = "FILE", description = "Job configuration in HOCON (default: ${DEFAULT-VALUE}).",
      defaultValue = "jobs/nightly.conf")
  Path config;

  @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "The run's logical date (default: the job file's "
      + "run.date, else yesterday in run.time-zone).")
  String date;

  @Option(names = "--warehouse", paramLabel = "DIR", description = "Parquet warehouse folder (default: out/warehouse).")
  String warehouse;

  @Option(names = "--reports", paramLabel = "DIR", description = "Reports folder (default: out/reports).")
  String reports;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master: local[*] (default), spark://host:7077, yarn…")
  String master;

  @Option(names = "--source", paramLabel = "FORMAT=PATH",
      description = "Read only this input instead of the configured sources; repeatable. FORMAT is one of: "
          + "stackexchange, reddit, twitter, mastodon, feed, csv, json (csv/json reuse the mapping of the config's "
          + "first source of that format).")
  List<String> sources = new ArrayList<>();

  @Option(names = "--fail-fast", description = "Stop at the first empty or unreadable input file.")
  boolean failFast;

  /** Loads and validates the configuration with the command line applied. Throws before Spark starts. */
  ListeningPostConfig load() {
    if (date != null) {
      commandLineDate();
    }
    ListeningPostConfig fileConfig = ListeningPostConfig.load(config, ListeningPostConfig.Overrides.none());
    List<SourceSpec> cliSources = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (String s : sources) {
      int eq = s.indexOf('=');
      SourceFormat format = eq > 0 ? SourceFormat.parse(s.substring(0, eq)) : null;
      if (format == null) {
        problems.add("--source " + s + ": expected FORMAT=PATH with FORMAT one of " + SourceFormat.names());
        continue;
      }
      String path = s.substring(eq + 1);
      if (format.isMapped()) {
        SourceSpec template = fileConfig.sources().stream().filter(c -> c.format() == format).findFirst().orElse(null);
        if (template == null) {
          problems.add("--source " + s + ": a " + format.configName()
              + " source needs a mapping; the config has no " + format.configName() + " source to take it from");
          continue;
        }
        cliSources.add(new SourceSpec(template.name(), format, path, template.community(), template.platform(),
            template.mapping(), template.timeFormat(), template.delimiter()));
      } else {
        cliSources.add(SourceSpec.of(format, path));
      }
    }
    try {
      ListeningPostConfig loaded = ListeningPostConfig.load(config,
          new ListeningPostConfig.Overrides(warehouse, reports, master, failFast, cliSources));
      if (!problems.isEmpty()) {
        throw new ConfigException("command line", problems);
      }
      return loaded;
    } catch (ConfigException e) {
      if (problems.isEmpty()) {
        throw e;
      }
      problems.addAll(e.problems().stream().filter(p -> !p.startsWith("sources = []")).toList());
      throw new ConfigException("command line", problems);
    }
  }

  /** The run date: --date, else the job file's {@code run.date}, else yesterday in {@code run.time-zone}. */
  LocalDate runDate(ListeningPostConfig config) {
    if (date == null) {
      return config.runDate().orElseGet(() -> RunDates.yesterday(config.run().timeZone(), Clock.systemUTC()));
    }
    return commandLineDate();
  }

  boolean hasDate() {
    return date != null;
  }

  private LocalDate commandLineDate() {
    try {
      return LocalDate.parse(date);
    } catch (DateTimeParseException e) {
      throw new ConfigException("command line", List.of("--date = " + date + ": expected YYYY-MM-DD"));
    }
  }
}
