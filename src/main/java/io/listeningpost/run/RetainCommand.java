package io.listeningpost.run;

import java.util.List;
import picocli.CommandLine.Command;

/** Applies retention.days on its own; nightly applies it after its last stage. */
@Command(name = "retain", mixinStandardHelpOptions = true,
    description = "Drop the dated partitions older than retention.days before the run date in every table, the authors "
        + "and NLP cache entries left without posts, and the reports of the dates dropped.")
final class RetainCommand extends DataCommand {
  @Override
  String job() {
    return "retain";
  }

  @Override
  List<RetentionStage> stages() {
    return List.of(RetentionStage.INSTANCE);
  }
}
