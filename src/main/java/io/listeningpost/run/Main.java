package io.listeningpost.run;

import io.listeningpost.core.CodeVersion;
import io.listeningpost.stage.StageResult;
import io.listeningpost.enrich.EnrichStep;
import io.listeningpost.graph.GraphStep;
import io.listeningpost.ingest.IngestStep;
import java.util.ArrayList;
import java.util.List;
import io.listeningpost.alerts.AlertsStep;
import io.listeningpost.audiences.AudiencesStep;
import io.listeningpost.privacy.RetentionStep;
import io.listeningpost.report.ReportStep;
import io.listeningpost.stage.StageContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line of Listening Post; {@code jobs/listening-post} runs it. */
@Command(name = "listening-post", mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Social community listening for HR: ingest community posts, find opinion makers, report.",
    subcommands = {Main.Ingest.class, Main.Enrich.class, GraphCommand.class, Main.Audiences.class, Main.Alerts.class,
        Main.Report.class, Main.Nightly.class,
        RepairCommand.class, SqlCommand.class, ForgetCommand.class, RetainCommand.class,
        ScoreSentimentCommand.class,
        TrainSentimentCommand.class, GenerateCommand.class, CommandLine.HelpCommand.class})
public final class Main {

  public static void main(String[] args) {
    System.exit(run(args));
  }

  public static int run(String... args) {
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
    RunOutcome stages(StageContext ctx) throws Exception {
      return new RunOutcome(List.of(new IngestStep(ctx).run()));
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
    RunOutcome stages(StageContext ctx) {
      return new RunOutcome(List.of(new EnrichStep(ctx).run()));
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
    RunOutcome stages(StageContext ctx) {
      return new RunOutcome(List.of(new AudiencesStep(ctx).run()));
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
    RunOutcome stages(StageContext ctx) {
      return new RunOutcome(List.of(new AlertsStep(ctx).run()));
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
    RunOutcome stages(StageContext ctx) {
      return new RunOutcome(List.of(new ReportStep(ctx).run()));
    }
  }

  @Command(name = "nightly", mixinStandardHelpOptions = true,
      description = "Run every stage in order: ingest, enrich, graph, audiences, alerts, report (all but ingest can be "
          + "turned off in the config), then retention when retention.days is set.")
  static final class Nightly extends DataCommand {
    @Override
    String job() {
      return "nightly";
    }

    @Override
    RunOutcome stages(StageContext ctx) throws Exception {
      List<StageResult> steps = new ArrayList<>();
      steps.add(new IngestStep(ctx).run());
      if (ctx.config().enrich().enabled()) {
        steps.add(new EnrichStep(ctx).run());
      }
      if (ctx.config().graph().enabled()) {
        steps.add(new GraphStep(ctx).run());
      }
      if (ctx.config().audiences().enabled()) {
        steps.add(new AudiencesStep(ctx).run());
      }
      if (ctx.config().alerts().enabled()) {
        steps.add(new AlertsStep(ctx).run());
      }
      if (ctx.config().reportEnabled()) {
        steps.add(new ReportStep(ctx).run());
      }
      // Retention last, once every stage has read the history it needs.
      if (ctx.config().retentionDays() > 0) {
        steps.add(new RetentionStep(ctx).run());
      }
      return new RunOutcome(steps);
    }
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"listening-post " + CodeVersion.current()};
    }
  }
}
