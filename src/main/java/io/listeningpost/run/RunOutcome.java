package io.listeningpost.run;

import io.listeningpost.core.TableCounts;
import io.listeningpost.storage.Tables;
import io.listeningpost.stage.StageResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/** What a command's stages did, in the order they were planned: every stage, run, skipped or not run. */
record RunOutcome(List<StageRun> stages) {
  RunOutcome {
    stages = List.copyOf(stages);
  }

  /** What the stages that ran did, in order. */
  List<StageResult> steps() {
    return stages.stream().map(StageRun::result).filter(Objects::nonNull).toList();
  }

  List<TableCounts> tables() {
    List<TableCounts> all = new ArrayList<>();
    steps().forEach(s -> all.addAll(s.tables()));
    return all;
  }

  /** The counts of a table from the first stage that wrote it, or null. */
  TableCounts counts(String table) {
    return tables().stream().filter(t -> t.table().equals(table)).findFirst().orElse(null);
  }

  /** Posts quarantined over posts read by this run's ingest; empty when it did not run or read none. */
  OptionalDouble quarantineShare() {
    TableCounts posts = counts(Tables.POSTS);
    return posts == null || posts.read() == 0 ? OptionalDouble.empty()
        : OptionalDouble.of((double) posts.quarantined() / posts.read());
  }
}
