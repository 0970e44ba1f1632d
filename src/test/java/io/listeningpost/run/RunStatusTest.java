package io.listeningpost.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A run's status and exit code from its stages and its quarantine share. */
class RunStatusTest {
  private static StageRun stage(String name, StageStatus status) {
    return new StageRun(name, status, null, null, null, null, 0, Instant.EPOCH, null);
  }

  @Test
  void eachStatusHasItsOwnExitCodeAndSoDoBadUsageAndALockedWarehouse() {
    assertThat(RunStatus.SUCCEEDED.exitCode()).isZero();
    assertThat(RunStatus.FAILED.exitCode()).isEqualTo(1);
    assertThat(RunStatus.PARTIAL.exitCode()).isEqualTo(3);
    assertThat(Set.of(ExitCodes.OK, ExitCodes.FAILED, ExitCodes.USAGE, ExitCodes.PARTIAL, ExitCodes.LOCKED))
        .hasSize(5).contains(2, 4);
  }

  @Test
  void ranSkippedAndDisabledStagesSucceedAFailedOrBlockedOneFails() {
    List<StageRun> fine = List.of(stage("ingest", StageStatus.SUCCEEDED), stage("enrich", StageStatus.DISABLED),
        stage("graph", StageStatus.SKIPPED));
    assertThat(RunStatus.of(fine, OptionalDouble.empty(), 0.05)).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(RunStatus.of(List.of(stage("graph", StageStatus.FAILED)), OptionalDouble.empty(), 0.05))
        .isEqualTo(RunStatus.FAILED);
    assertThat(RunStatus.of(List.of(stage("report", StageStatus.BLOCKED)), OptionalDouble.of(0.5), 0.05))
        .isEqualTo(RunStatus.FAILED);
  }

  @Test
  void aQuarantineShareAboveTheLimitIsPartialAndOneAtTheLimitIsNot() {
    List<StageRun> ran = List.of(stage("ingest", StageStatus.SUCCEEDED));
    assertThat(RunStatus.of(ran, OptionalDouble.of(0.051), 0.05)).isEqualTo(RunStatus.PARTIAL);
    assertThat(RunStatus.of(ran, OptionalDouble.of(0.05), 0.05)).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(RunStatus.of(ran, OptionalDouble.of(0.0), 0.0)).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(RunStatus.of(ran, OptionalDouble.of(1.0), 1.0)).isEqualTo(RunStatus.SUCCEEDED);
  }

  @Test
  void aBackfillIsAsBadAsItsWorstDay() {
    assertThat(RunStatus.SUCCEEDED.worse(RunStatus.PARTIAL)).isEqualTo(RunStatus.PARTIAL);
    assertThat(RunStatus.PARTIAL.worse(RunStatus.SUCCEEDED)).isEqualTo(RunStatus.PARTIAL);
    assertThat(RunStatus.PARTIAL.worse(RunStatus.FAILED)).isEqualTo(RunStatus.FAILED);
    assertThat(RunStatus.FAILED.worse(RunStatus.SUCCEEDED)).isEqualTo(RunStatus.FAILED);
  }
}
