package io.listeningpost.run;

import io.listeningpost.core.config.ListeningPostConfig;
import io.listeningpost.privacy.ForgetStep;
import io.listeningpost.stage.StageContext;
import io.listeningpost.stage.StageResult;
import io.listeningpost.stage.StageTables;

/**
 * The erasure of one author as the {@code forget} command's one stage. Nothing of the request goes into what
 * the run records: its settings are the same for every author, and a failure's message stays on the console.
 */
final class ForgetStage implements PlannedStage {
  private final ForgetStep.Request request;

  ForgetStage(ForgetStep.Request request) {
    this.request = request;
  }

  @Override
  public String id() {
    return "forget";
  }

  @Override
  public StageTables tables() {
    return ForgetStep.TABLES;
  }

  @Override
  public String disabledBy(ListeningPostConfig config) {
    return null;
  }

  @Override
  public String settings(ListeningPostConfig config) {
    return "{}";
  }

  /**
   * An error's message can quote the author's id (a query plan's literal, a value in an exception), so it
   * goes to the console only, not to {@code _runs} or the kept summary.
   */
  @Override
  public String failureMessage(Throwable e) {
    return e.getClass().getSimpleName() + "; its message is on the console only, as it can name the author. Run "
        + "forget again: tables already clean stay as they are, and the rest is done";
  }

  @Override
  public StageResult run(StageContext ctx) {
    return new ForgetStep(ctx, request).run();
  }
}
