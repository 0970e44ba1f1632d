package io.listeningpost.run;

import io.listeningpost.privacy.ForgetStep;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Erases one author from the warehouse and the reports, and keeps them out of later ingests (docs/privacy.md). */
@Command(name = "forget", mixinStandardHelpOptions = true,
    description = "Erase an author: their posts, profile and interactions, every row derived from them, their names "
        + "and handles in others' posts and in the reports (dates that showed them are rendered again), and record "
        + "them in _erased so that no later ingest stores them. The run's summary and _runs row count the rows "
        + "removed per table and never name the author.")
final class ForgetCommand extends DataCommand {
  @Option(names = "--author", required = true, paramLabel = "ID",
      description = "The author's id as the source gives it (or as stored: under privacy.pseudonymise, the raw id is "
          + "pseudonymised with the configured key, and a pseudonym u_… is taken as it is); repeatable for the "
          + "accounts of one person.")
  List<String> authors = new ArrayList<>();

  @Option(names = "--platform", paramLabel = "NAME",
      description = "Only the account on this platform (posts.platform). Needed to record an author the warehouse "
          + "does not hold yet.")
  String platform;

  @Option(names = "--name", paramLabel = "NAME",
      description = "A further name or handle of theirs to take out of others' posts (the names the tables hold for "
          + "the account are found without it); repeatable.")
  List<String> names = new ArrayList<>();

  @Override
  String job() {
    return "forget";
  }

  @Override
  List<ForgetStage> stages() {
    return List.of(new ForgetStage(new ForgetStep.Request(authors, names, platform)));
  }
}
