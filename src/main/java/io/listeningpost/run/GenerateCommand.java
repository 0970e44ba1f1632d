package io.listeningpost.run;

import io.listeningpost.generate.FolderNotGeneratedException;
import io.listeningpost.generate.SyntheticWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
    description = {"Write a synthetic corpus in every supported format, with a job config that reads it.",
        "Power-law author activity, reply trees, several communities and topics, mixed sentiment, mentions,",
        "a few duplicates and edits across files, and a few broken records. Same seed, same output."})
final class GenerateCommand implements Callable<Integer> {
  @Option(names = "--posts", required = true, paramLabel = "N", description = "Number of posts to write.")
  int posts;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "Output folder; replaced if an earlier generate wrote it, refused if it holds anything else.")
  Path out;

  @Option(names = "--force", description = "Replace the output folder even if generate did not write it.")
  boolean force;

  @Option(names = "--start", defaultValue = "2026-01-01", paramLabel = "YYYY-MM-DD",
      description = "First day of the corpus (default: ${DEFAULT-VALUE}).")
  String start;

  @Option(names = "--days", defaultValue = "90", paramLabel = "N", description = "Days the corpus spans (default: ${DEFAULT-VALUE}).")
  int days;

  @Option(names = "--daily", description = "Write one folder per day (OUT/YYYY-MM-DD/, each with its generated.conf), "
      + "as a nightly export delivers them: --posts 1000000 --days 10 --daily gives ten nights of about 100,000 posts.")
  boolean daily;

  @Override
  public Integer call() throws Exception {
    if (posts < 1 || days < 1) {
      System.err.println("--posts and --days must be at least 1");
      return DataCommand.BAD_CONFIG;
    }
    SyntheticWriter.Summary s;
    try {
      SyntheticWriter writer =
          new SyntheticWriter(seed, posts, LocalDate.parse(start).atStartOfDay(ZoneOffset.UTC).toInstant(), days);
      s = daily ? writer.writeDaily(out, force) : writer.write(out, force);
    } catch (FolderNotGeneratedException e) {
      System.err.println("--out " + e.getMessage());
      return DataCommand.BAD_CONFIG;
    }
    System.out.println(s.describe());
    return DataCommand.OK;
  }
}
