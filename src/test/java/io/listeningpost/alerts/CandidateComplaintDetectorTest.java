package io.listeningpost.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.listeningpost.alerts.CandidateComplaintDetector.SentenceTone;
import io.listeningpost.alerts.CandidateComplaintDetector.Verdict;
import io.listeningpost.core.config.WatchTerm;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CandidateComplaintDetectorTest {
  private static final List<WatchTerm> WATCH = List.of(new WatchTerm("Northwind", WatchTerm.BRAND,
      List.of("NorthwindJobs")), new WatchTerm("Fabrikam", WatchTerm.COMPETITOR, List.of()));
  private final CandidateComplaintDetector detector = new CandidateComplaintDetector(WATCH);

  /** One tone per sentence (split at ". "), all with {@code score}. */
  private static List<SentenceTone> tones(String text, double score) {
    List<SentenceTone> out = new ArrayList<>();
    int begin = 0;
    for (int i = text.indexOf(". "); i >= 0; i = text.indexOf(". ", i + 1)) {
      out.add(new SentenceTone(begin, i + 1, score));
      begin = i + 2;
    }
    out.add(new SentenceTone(begin, text.length(), score));
    return out;
  }

  @Test
  void aFlatlyToldComplaintAlertsEvenWhenItsSentencesReadPositive() {
    String text = "Northwind promised me a call after my second interview. It's been five weeks. Still waiting, "
        + "thanks for nothing.";
    Verdict v = detector.judge(text, tones(text, 0.3));
    assertThat(v.alert()).isTrue();
    assertThat(v.brand()).isEqualTo("Northwind");
    assertThat(v.cues()).anyMatch(c -> c.startsWith("unmet: "));
    assertThat(text).contains(v.excerpt());
  }

  @Test
  void aComplaintAddressedToTheCareersHandleAlerts() {
    String text = "@NorthwindJobs my offer was rescinded the day before I started. No explanation.";
    assertThat(detector.judge(text, tones(text, -0.5)).alert()).isTrue();
  }

  @Test
  void aHappyCandidateDoesNotAlert() {
    String text = "Interviewed at Northwind today: friendly panel, and they got back to me within two days.";
    assertThat(detector.judge(text, tones(text, 0.8)).alert()).isFalse();
  }

  @Test
  void aProductComplaintAboutTheBrandDoesNotAlert() {
    String text = "The Northwind application crashes every time I open it. Still waiting for support, awful.";
    assertThat(detector.judge(text, tones(text, -0.8)).alert()).isFalse();
  }

  @Test
  void theVerdictIsTheShippedModelsProbabilityAgainstItsThreshold() {
    String text = "Northwind rescinded my offer after I resigned. Unprofessional and dishonest.";
    Verdict v = detector.judge(text, tones(text, -0.6));
    assertThat(v.score()).isBetween(0.0, 1.0);
    assertThat(v.alert()).isEqualTo(v.score() >= detector.threshold());
    assertThat(detector.threshold()).isEqualTo(ComplaintModel.shipped().threshold());
  }

  @Test
  void aCandidateComplaintThatNamesNoWatchedBrandDoesNotAlert() {
    String text = "I was ghosted after my final interview. Still waiting for feedback, it's been a month.";
    Verdict v = detector.judge(text, tones(text, -0.7));
    assertThat(v.alert()).isFalse();
    assertThat(v.brand()).isNull();
  }

  @Test
  void playfulIronyAboutAGoodProcessDoesNotAlert() {
    String text = "How dare Northwind send me useful interview feedback within a day. The horror 😂";
    assertThat(detector.judge(text, tones(text, -0.2)).alert()).isFalse();
  }

  @Test
  void noSentencesCountAsOneNeutralSentence() {
    String text = "Northwind rescinded my offer after I resigned. Unprofessional and dishonest.";
    assertThat(detector.judge(text, List.of()).alert()).isTrue();
  }
}
