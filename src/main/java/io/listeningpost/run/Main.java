package io.listeningpost.run;

import io.listeningpost.core.config.ListeningPostConfig;
import io.listeningpost.ingest.IngestStep;
import java.time.LocalDate;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line of Listening Post; {@code jobs/listening-post} runs it. */
@Command(name = "listening-post", mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Social community listening for HR: ingest community posts, find opinion makers, report.",
    subcommands = {Main.Ingest.class, Main.Nightly.class, GenerateCommand.class, CommandLine.HelpCommand.class})
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
    IngestStep.Result stages(SparkSession spark, ListeningPostConfig config, String runId, LocalDate date)
        throws Exception {
      return new IngestStep(spark, config, runId, date).run();
    }
  }

  @Command(name = "nightly", mixinStandardHelpOptions = true,
      description = "Run every stage in order: ingest (enrichment, graph and reports join as they are built).")
  static final class Nightly extends Ingest {
    @Override
    String job() {
      return "nightly";
    }
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"listening-post " + RunRecorder.codeVersion()};
    }
  }
}
