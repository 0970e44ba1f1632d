package io.listeningpost.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.listeningpost.storage.Tables;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order of a run's stages comes from the tables they declare, not from the order they are listed in. */
class StagePlanTest {

  @Test
  void theNightlyRunsEachStageAfterTheStagesWhoseTablesItReads() {
    StagePlan plan = StagePlan.of(List.of(PipelineStage.values()));

    assertThat(plan.order()).extracting(PlannedStage::id)
        .containsExactly("ingest", "enrich", "graph", "audiences", "alerts", "report");
    assertThat(plan.dependencies("ingest")).isEmpty();
    assertThat(plan.dependencies("enrich")).containsExactly("ingest");
    assertThat(plan.dependencies("graph")).containsExactlyInAnyOrder("ingest", "enrich");
    assertThat(plan.dependencies("audiences")).containsExactlyInAnyOrder("ingest", "enrich", "graph");
    assertThat(plan.dependencies("alerts")).containsExactlyInAnyOrder("ingest", "enrich", "graph");
    assertThat(plan.dependencies("report"))
        .containsExactlyInAnyOrder("ingest", "enrich", "graph", "audiences", "alerts");
  }

  @Test
  void stagesListedOutOfOrderAreStillRunAfterWhatTheyRead() {
    StagePlan plan = StagePlan.of(List.of(PipelineStage.REPORT, PipelineStage.ALERTS, PipelineStage.GRAPH,
        PipelineStage.INGEST));

    assertThat(plan.order()).extracting(PlannedStage::id).containsExactly("ingest", "graph", "alerts", "report");
  }

  @Test
  void aStageThatReadsOnlyWhatItWritesDependsOnNoOtherAndStagesNothingOrdersKeepTheirListedOrder() {
    FakeStage b = FakeStage.of("b", List.of("x"), List.of("y"));
    FakeStage a = FakeStage.of("a", List.of("z"), List.of("x"));
    FakeStage self = FakeStage.of("self", List.of("s"), List.of("s"));
    FakeStage loner = FakeStage.of("loner", List.of("q"), List.of("r"));

    StagePlan plan = StagePlan.of(List.of(loner, b, self, a));

    assertThat(plan.order()).extracting(PlannedStage::id).containsExactly("loner", "self", "a", "b");
    assertThat(plan.dependencies("self")).isEmpty();
    assertThat(plan.dependencies("b")).containsExactly("a");
  }

  @Test
  void stagesThatReadEachOthersTablesAreRefused() {
    FakeStage a = FakeStage.of("a", List.of("y"), List.of("x"));
    FakeStage b = FakeStage.of("b", List.of("x"), List.of("y"));

    assertThatThrownBy(() -> StagePlan.of(List.of(a, b))).hasMessageContaining("[a, b] read each other's tables");
  }

  @Test
  void everyDeclaredTableIsAWarehouseTable() {
    for (PipelineStage s : PipelineStage.values()) {
      s.tables().reads().forEach(t -> assertThat(Tables.schemaOf(t)).as(s + " reads " + t).isNotNull());
      s.tables().writes().forEach(t -> assertThat(Tables.schemaOf(t)).as(s + " writes " + t).isNotNull());
      if (s.tables().byRunDate()) {
        s.tables().writes().forEach(t -> assertThat(Tables.isPartitioned(t)).as(s + " writes " + t + " by date")
            .isTrue());
      }
    }
  }
}
