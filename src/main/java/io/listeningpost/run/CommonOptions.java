package io.listeningpost.run;

import com.typesafe.config.Config;
import io.listeningpost.core.config.CommandLineSettings;
import io.listeningpost.core.config.ConfigException;
import io.listeningpost.core.config.ListeningPostConfig;
import io.listeningpost.core.config.SourceFormat;
import io.listeningpost.core.config.PathChecks;
import io.listeningpost.core.config.SourceSpec;
import io.listeningpost.storage.Tables;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Clock;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

  @Option(names = "--conf", paramLabel = "KEY=VALUE",
      description = "Set a job file key for this run, over the file's; repeatable, checked like the file. The value "
          + "is taken as written (--conf warehouse=/data/wh, --conf graph.window-days=365) unless it starts with "
          + "[, { or \" (HOCON: --conf 'audiences.key-topics=[{name=remote, terms=[remote, wfh]}]').")
  List<String> conf = new ArrayList<>();

  /**
   * Loads and validates the configuration with the command line applied, and checks the warehouse and
   * reports folders. Throws before Spark starts, with every problem listed.
   */
  ListeningPostConfig load() {
    List<String> problems = new ArrayList<>();
    if (date != null) {
      dateProblem().ifPresent(problems::add);
    }
    Config settings = CommandLineSettings.parse(conf, problems);
    problems.addAll(CommandLineSettings.conflicts(settings, givenOptions()));
    List<SourceSpec> cliSources = new ArrayList<>();
    for (String s : sources) {
      int eq = s.indexOf('=');
      SourceFormat format = eq > 0 ? SourceFormat.parse(s.substring(0, eq)) : null;
      if (format == null) {
        problems.add("--source " + s + ": expected FORMAT=PATH with FORMAT one of " + SourceFormat.names());
      } else {
        // A csv or json source takes its mapping from the job file's (ListeningPostConfig.Overrides).
        cliSources.add(SourceSpec.of(format, s.substring(eq + 1)));
      }
    }
    ListeningPostConfig loaded;
    try {
      loaded = ListeningPostConfig.load(config,
          new ListeningPostConfig.Overrides(warehouse, reports, master, failFast, cliSources, settings));
    } catch (ConfigException e) {
      // A --source that could not be read leaves the job without sources: that is the same problem, said once.
      problems.addAll(e.problems().stream().filter(p -> sources.isEmpty() || !p.startsWith("sources = []")).toList());
      throw new ConfigException(origin(), problems);
    }
    problems.addAll(PathChecks.problems(loaded, Tables.names()));
    if (!problems.isEmpty()) {
      throw new ConfigException(origin(), problems);
    }
    return loaded;
  }

  /** The job file, and the command line when it set anything, for the head of a problem list. */
  private String origin() {
    return config + (conf.isEmpty() && givenOptions().isEmpty() ? "" : " and the command line");
  }

  private List<String> givenOptions() {
    List<String> given = new ArrayList<>();
    if (warehouse != null) {
      given.add("--warehouse");
    }
    if (reports != null) {
      given.add("--reports");
    }
    if (master != null) {
      given.add("--master");
    }
    if (date != null) {
      given.add("--date");
    }
    if (failFast) {
      given.add("--fail-fast");
    }
    if (!sources.isEmpty()) {
      given.add("--source");
    }
    return given;
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
    dateProblem().ifPresent(p -> {
      throw new ConfigException("command line", List.of(p));
    });
    return LocalDate.parse(date);
  }

  private Optional<String> dateProblem() {
    try {
      LocalDate.parse(date);
      return Optional.empty();
    } catch (DateTimeParseException e) {
      return Optional.of("--date = " + date + ": expected YYYY-MM-DD");
    }
  }
}
