package io.listeningpost.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.listeningpost.report.ReportFacts.Volume;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class StrategyAnswersTest {
  private static Map<StrategyQuestion, List<StrategyAnswer>> byQuestion(ReportFacts facts) {
    return StrategyAnswers.of(facts).stream().collect(Collectors.groupingBy(StrategyAnswer::question));
  }

  @Test
  void everyQuestionIsAnsweredWithRanksFromOneAndConfidenceInRange() {
    Map<StrategyQuestion, List<StrategyAnswer>> answers = byQuestion(ReportFixtures.plain());
    assertThat(answers.keySet()).containsExactlyInAnyOrder(StrategyQuestion.values());
    answers.values().forEach(rows -> {
      assertThat(rows).extracting(StrategyAnswer::rank)
          .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, rows.size()).boxed().toList());
      assertThat(rows).hasSizeLessThanOrEqualTo(StrategyAnswers.MAX_PER_QUESTION);
      rows.forEach(r -> assertThat(r.confidence()).isBetween(0.0, 1.0));
    });
  }

  @Test
  void targetAudiencesComeBestMatchFirstWithTheirEvidence() {
    List<StrategyAnswer> rows = byQuestion(ReportFixtures.plain()).get(StrategyQuestion.TARGET_AUDIENCES);
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).answer()).startsWith("“job seekers”: 22 authors in 1 segment (80 posts");
    assertThat(rows.get(0).evidence()).contains("segments=1;", "best_target_score=0.81");
    assertThat(rows.get(1).answer()).startsWith("“software engineers”");
  }

  @Test
  void valueAddedPutsWelcomeTopicsFirstThenGapsThenTopicsWithComplaints() {
    List<StrategyAnswer> rows = byQuestion(ReportFixtures.plain()).get(StrategyQuestion.VALUE_ADDED);
    assertThat(rows).extracting(StrategyAnswer::answer).satisfiesExactly(
        a -> assertThat(a).startsWith("“remote work · hybrid · office”").contains("welcome"),
        a -> assertThat(a).startsWith("“on-call · runbooks · incident”").contains("welcome"),
        a -> assertThat(a).startsWith("“graduate programme · mentoring”").contains("absent"),
        a -> assertThat(a).startsWith("“interview feedback · ghosted · recruiter”")
            .contains("1 complaint about our brand raised a candidate-experience alert"));
  }

  @Test
  void trustGoesToNonNegativeTrustedRolesAndToPostsWithPositiveReplies() {
    List<StrategyAnswer> rows = byQuestion(ReportFixtures.plain()).get(StrategyQuestion.EARN_TRUST);
    assertThat(rows).extracting(StrategyAnswer::answer).noneMatch(a -> a.contains("critic"));
    assertThat(rows.get(rows.size() - 1).evidencePosts()).containsExactly("p3");
  }

  @Test
  void withoutFactsEachQuestionSaysWhatIsMissingWithNoConfidence() {
    ReportFacts empty = new ReportFacts(ReportFixtures.DAY, ReportFixtures.DAY.minusDays(27),
        new Volume(0, 0, List.of()), List.of(), Map.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
        List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), Set.of("topics"));
    List<StrategyAnswer> rows = StrategyAnswers.of(empty);
    assertThat(rows).hasSize(StrategyQuestion.values().length);
    assertThat(rows).allSatisfy(r -> {
      assertThat(r.confidence()).isZero();
      assertThat(r.answer()).startsWith("No ");
    });
    assertThat(Headlines.of(empty)).singleElement().asString().startsWith("Nothing stands out");
  }

  @Test
  void confidenceGrowsWithEvidenceAndNeverExceedsTheSignal() {
    assertThat(Confidence.of(1, 1)).isEqualTo(0.095);
    assertThat(Confidence.of(1, 10)).isEqualTo(0.632);
    assertThat(Confidence.of(0.5, 1000)).isEqualTo(0.5);
    assertThat(Confidence.of(Double.NaN, 10)).isZero();
    assertThat(Confidence.of(2, -3)).isZero();
  }

  @Test
  void questionIdsAreStable() {
    assertThat(Arrays.stream(StrategyQuestion.values()).map(StrategyQuestion::id)).containsExactly(
        "target_audiences", "presence", "interests", "enrich_communities", "earn_trust", "value_added");
  }
}
