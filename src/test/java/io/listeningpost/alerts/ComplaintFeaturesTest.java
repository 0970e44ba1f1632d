package io.listeningpost.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.listeningpost.alerts.ComplaintFeatures.FeatureSet;
import io.listeningpost.alerts.CandidateComplaintDetector.SentenceTone;
import io.listeningpost.core.config.WatchTerm;
import io.listeningpost.enrich.WatchedTerms;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComplaintFeaturesTest {
  private static final WatchedTerms WATCHED = new WatchedTerms(List.of(
      new WatchTerm("Northwind", WatchTerm.BRAND, List.of("Northwind Labs", "NorthwindJobs")),
      new WatchTerm("Fabrikam", WatchTerm.COMPETITOR, List.of())));

  @Test
  void namesHandlesLinksAndNumbersBecomePlaceholders() {
    List<String> tokens = ComplaintFeatures.tokens(WATCHED, "@NorthwindJobs 3 weeks since my Northwind Labs "
        + "interview, and my friend at Globex heard back from Fabrikam in 2 days. https://x.co/a @sam_k?");
    assertThat(tokens).containsSubsequence("_brand_", "_num_", "weeks", "since", "my", "_brand_", "interview");
    assertThat(tokens).contains("_competitor_", "_org_", "_url_", "_user_", "?");
    assertThat(tokens).noneMatch(t -> t.contains("northwind") || t.contains("globex") || t.contains("fabrikam"));
  }

  @Test
  void theFeatureSetDecidesTheGroups() {
    String text = "Still waiting on Northwind's recruiter. It's been a month!";
    List<SentenceTone> tones = List.of(new SentenceTone(0, 34, -0.5), new SentenceTone(35, text.length(), 0.1));
    ComplaintCues cues = ComplaintCues.of(WATCHED, text, WATCHED.find(text), tones);
    Map<String, Double> words = ComplaintFeatures.extract(new FeatureSet(false, false, false, false), WATCHED, text,
        cues);
    assertThat(words).containsKeys("bias", "w:still", "w:_brand_", "exclamation-mark")
        .doesNotContainKeys("b:still waiting", "cue:unmet", "sentiment:min");
    assertThat(words.keySet()).noneMatch(k -> k.startsWith("c:"));
    Map<String, Double> all = ComplaintFeatures.extract(new FeatureSet(true, true, true, true), WATCHED, text, cues);
    assertThat(all).containsKeys("b:still waiting", "c:wai", "cue:unmet", "cue:rule-score")
        .containsEntry("sentiment:min", -0.5).containsEntry("sentiment:negative-share", 0.5);
  }

  @Test
  void featureSetNamesRoundTrip() {
    for (FeatureSet set : List.of(new FeatureSet(false, false, false, false), new FeatureSet(true, true, true, true),
        new FeatureSet(false, false, true, true))) {
      assertThat(FeatureSet.parse(set.name())).isEqualTo(set);
    }
  }
}
