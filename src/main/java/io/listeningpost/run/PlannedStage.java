package io.listeningpost.run;

import io.listeningpost.core.config.ListeningPostConfig;
import io.listeningpost.stage.StageContext;
import io.listeningpost.stage.StageResult;
import io.listeningpost.stage.StageTables;
import java.util.List;

/** A stage as a run plans it: what it reads and writes, whether it is on, what settings it uses, and its work. */
interface PlannedStage {
  /** The stage as the command line and summaries name it, e.g. {@code graph}. */
  String id();

  StageTables tables();

  /** The config key that turns the stage off, when it does (e.g. {@code enrich.enabled = false}); else null. */
  String disabledBy(ListeningPostConfig config);

  /**
   * The settings whose change changes the stage's output, rendered canonically: part of its inputs, so that a
   * changed setting reruns the stage.
   */
  String settings(ListeningPostConfig config);

  /** Files or folders outside the warehouse the stage reads (ingest's sources); none by default. */
  default List<String> reads(ListeningPostConfig config) {
    return List.of();
  }

  /** Files outside the warehouse the stage writes (the report's pages) for the run date; none by default. */
  default List<java.nio.file.Path> files(ListeningPostConfig config, java.time.LocalDate day) {
    return List.of();
  }

  /** What the run records of a failure of the stage: by default the error's root message. */
  default String failureMessage(Throwable e) {
    return StageRunner.rootMessage(e);
  }

  StageResult run(StageContext ctx) throws Exception;
}
