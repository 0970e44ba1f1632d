package io.listeningpost.run;

import io.listeningpost.core.config.ListeningPostConfig;
import io.listeningpost.privacy.RetentionStep;
import io.listeningpost.stage.StageContext;
import io.listeningpost.stage.StageResult;
import io.listeningpost.stage.StageTables;

/**
 * Retention as a planned stage: the last of the nightly (it reads what every stage writes) and the whole of
 * {@code retain}; off while {@code retention.days} is 0.
 */
final class RetentionStage implements PlannedStage {
  static final RetentionStage INSTANCE = new RetentionStage();

  private RetentionStage() {}

  @Override
  public String id() {
    return "retain";
  }

  @Override
  public StageTables tables() {
    return RetentionStep.TABLES;
  }

  @Override
  public String disabledBy(ListeningPostConfig config) {
    return config.retentionDays() > 0 ? null : "retention.days = 0";
  }

  @Override
  public String settings(ListeningPostConfig config) {
    return "{\"retention-days\":" + config.retentionDays() + ",\"reports\":\"" + config.reports() + "\"}";
  }

  @Override
  public StageResult run(StageContext ctx) {
    return new RetentionStep(ctx).run();
  }
}
