package io.listeningpost.run;

import io.listeningpost.core.CodeVersion;
import io.listeningpost.core.config.ConfigException;
import io.listeningpost.core.config.ListeningPostConfig;
import io.listeningpost.storage.NioLocalFileSystem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The command line of Listening Post; {@code jobs/listening-post} runs it. */
@Command(name = "listening-post", mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Social community listening for HR: ingest community posts, find opinion makers, report.",
    exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILED_LINE,
        ExitCodes.USAGE_LINE, ExitCodes.PARTIAL_LINE, ExitCodes.LOCKED_LINE},
    subcommands = {Main.Ingest.class, Main.Enrich.class, GraphCommand.class, Main.Audiences.class, Main.Alerts.class,
        Main.Report.class, Main.Nightly.class,
        RepairCommand.class, StatusCommand.class, SqlCommand.class, ForgetCommand.class, RetainCommand.class,
        ScoreSentimentCommand.class,
        TrainSentimentCommand.class, GenerateCommand.class, CommandLine.HelpCommand.class})
public final class Main {

  public static void main(String[] args) {
    System.exit(run(args));
  }

  public static int run(String... args) {
    NioLocalFileSystem.useForLocalFiles();
    return new CommandLine(new Main()).setUsageHelpAutoWidth(true).execute(args);
  }

  @Command(name = "ingest", mixinStandardHelpOptions = true,
      description = "Read the configured sources into the posts, authors, interactions and quarantine tables.")
  static class Ingest extends DataCommand {
    @Override
    String job() {
      return "ingest";
    }

    @Override
    List<PipelineStage> stages() {
      return List.of(PipelineStage.INGEST);
    }
  }

  @Command(name = "enrich", mixinStandardHelpOptions = true,
      description = "Language, sentiment, lemmas, noun phrases, entities and watched terms for posts not yet enriched "
          + "(the post_nlp table).")
  static final class Enrich extends DataCommand {
    @Override
    String job() {
      return "enrich";
    }

    @Override
    List<PipelineStage> stages() {
      return List.of(PipelineStage.ENRICH);
    }
  }

  @Command(name = "audiences", mixinStandardHelpOptions = true,
      description = "Topics of the posts of the trailing window (audiences.* settings): the topics and post_topics tables.")
  static final class Audiences extends DataCommand {
    @Override
    String job() {
      return "audiences";
    }

    @Override
    List<PipelineStage> stages() {
      return List.of(PipelineStage.AUDIENCES);
    }
  }

  @Command(name = "alerts", mixinStandardHelpOptions = true,
      description = "Risk alerts (alerts.* settings): candidate-experience complaints naming a watched brand and spikes of "
          + "negative posts on a watched term, with their spread, severity and next step: the alerts table.")
  static final class Alerts extends DataCommand {
    @Override
    String job() {
      return "alerts";
    }

    @Override
    List<PipelineStage> stages() {
      return List.of(PipelineStage.ALERTS);
    }
  }

  @Command(name = "report", mixinStandardHelpOptions = true,
      description = "Answer the six strategy questions (strategy_answers) and write the run date's report: "
          + "<reports>/<date>/report.html and summary.md.")
  static final class Report extends DataCommand {
    @Override
    String job() {
      return "report";
    }

    @Override
    List<PipelineStage> stages() {
      return List.of(PipelineStage.REPORT);
    }
  }

  @Command(name = "nightly", mixinStandardHelpOptions = true,
      description = {"Run every stage: ingest, enrich, graph, audiences, alerts, report, each after the stages whose "
          + "tables it reads (all but ingest can be turned off in the config), then retention when retention.days is "
          + "set.",
          "A stage whose inputs have not changed since it last succeeded (same code, settings, input tables or "
          + "source files, and run date where it matters) is skipped; --rerun runs it anyway.",
          "--from/--to backfill a range of days, one run each; run the same command again to resume one cut short."})
  static final class Nightly extends DataCommand {
    @Option(names = "--from", paramLabel = "YYYY-MM-DD",
        description = "Backfill: run every day from this one to --to (default: the default run date), both included.")
    String from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Backfill: the last day to run; needs --from.")
    String to;

    @Option(names = "--rerun", paramLabel = "STAGE|all",
        description = "Run this stage even if its inputs have not changed (ingest, enrich, graph, audiences, alerts, "
            + "report, or all); repeatable.")
    List<String> rerun = new ArrayList<>();

    @Override
    String job() {
      return "nightly";
    }

    @Override
    List<PlannedStage> stages() {
      List<PlannedStage> all = new ArrayList<>(List.of(PipelineStage.values()));
      // Retention last: it reads every table the stages write, and drops only what is past retention.days.
      all.add(RetentionStage.INSTANCE);
      return all;
    }

    @Override
    boolean reusesUnchangedStages() {
      return true;
    }

    @Override
    Set<String> forcedStages() {
      List<String> problems = new ArrayList<>();
      Set<String> forced = new LinkedHashSet<>();
      for (String r : rerun) {
        if (r.equals("all")) {
          forced.addAll(PipelineStage.ids());
        } else if (PipelineStage.named(r) != null) {
          forced.add(r);
        } else {
          problems.add("--rerun " + r + ": not a stage; one of " + String.join(", ", PipelineStage.ids()) + " or all");
        }
      }
      if (!problems.isEmpty()) {
        throw new ConfigException("command line", problems);
      }
      return forced;
    }

    @Override
    List<LocalDate> runDates(ListeningPostConfig config) {
      forcedStages();
      if (from == null && to == null) {
        return super.runDates(config);
      }
      if (options.hasDate()) {
        throw new ConfigException("command line", List.of("--date goes with a single run; --from/--to name a "
            + "backfill's days: give one or the other"));
      }
      if (from == null) {
        throw new ConfigException("command line", List.of("--to = " + to + " needs --from, the first day to run"));
      }
      LocalDate first = RunDates.parse("--from", from);
      LocalDate last = to == null ? super.runDates(config).get(0) : RunDates.parse("--to", to);
      return RunDates.range(first, last);
    }
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"listening-post " + CodeVersion.current()};
    }
  }
}
