package io.listeningpost.stage;

import java.util.List;

/**
 * The tables a stage reads and writes, as the stage declares them: the run orders stages by them (a
 * stage runs after the stages that write what it reads) and tells from them whether a stage's inputs
 * changed since it last ran.
 *
 * @param byRunDate true when the stage reads only rows up to the run date and writes the run date's
 *     partitions, so that its inputs are the input tables' partitions up to that date and its outputs the
 *     run date's partitions; false when it reads and writes whole tables, whatever the date
 */
public record StageTables(List<String> reads, List<String> writes, boolean byRunDate) {
  public StageTables {
    reads = List.copyOf(reads);
    writes = List.copyOf(writes);
  }

  /** The tables read that the stage does not itself write: what another stage, or nothing, provides. */
  public List<String> inputs() {
    return reads.stream().filter(t -> !writes.contains(t)).toList();
  }
}
