package io.listeningpost.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.listeningpost.enrich.sentiment.LabelledText;
import io.listeningpost.enrich.sentiment.SentimentCorpora;
import io.listeningpost.enrich.sentiment.SentimentSettings;
import io.listeningpost.enrich.sentiment.SentimentTrainingRun;
import io.listeningpost.enrich.sentiment.SocialSentimentModel;
import io.listeningpost.testing.SharedData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** train-sentiment rebuilds the shipped model from ../shared: same data, same model. */
@Tag("nlp")
class SentimentTrainingTest {
  @Test
  void retrainingFromTheSharedDataGivesTheShippedModel() throws Exception {
    SocialSentimentModel rebuilt = SentimentTrainingRun.train(SharedData.dataset(""), SentimentSettings.CHOSEN).shipped();
    // Through the file format, as train-sentiment writes it.
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    rebuilt.write(bytes);
    SocialSentimentModel reread = SocialSentimentModel.read(new ByteArrayInputStream(bytes.toByteArray()));
    SocialSentimentModel shipped = SocialSentimentModel.shipped();
    assertThat(reread.meta()).isEqualTo(shipped.meta());
    assertThat(reread.featureCount()).isEqualTo(shipped.featureCount());
    List<LabelledText> reddit = SentimentCorpora.goEmotions(SharedData.dataset(""), "dev");
    for (LabelledText t : reddit.subList(0, 500)) {
      double[] a = reread.probabilities(t.text());
      double[] b = shipped.probabilities(t.text());
      for (int c = 0; c < 3; c++) {
        assertThat(a[c]).as("P(%s | %s)", SocialSentimentModel.LABELS[c], t.text()).isCloseTo(b[c], within(1e-4));
      }
    }
  }
}
