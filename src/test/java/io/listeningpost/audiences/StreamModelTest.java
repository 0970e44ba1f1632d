package io.listeningpost.audiences;

import static org.assertj.core.api.Assertions.assertThat;

import edu.stanford.nlp.util.ArgumentParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StreamModelTest {
  private static final StreamVocabulary WORDS = new StreamVocabulary(List.of("interview", "hiring"),
      List.of("discount", "pricing"));

  /** Interviews and hiring around panels and recruiters; discounts around plans; other posts about weather. */
  private static List<StreamModelTrainer.Example> examples() {
    List<StreamModelTrainer.Example> out = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      out.add(new StreamModelTrainer.Example("interview with a panel of recruiters, round " + word(i),
          StreamVocabulary.RECRUITMENT));
      out.add(new StreamModelTrainer.Example("we are hiring, the recruiters and panel await " + word(i),
          StreamVocabulary.RECRUITMENT));
      out.add(new StreamModelTrainer.Example("discount on the premium plan subscription " + word(i),
          StreamVocabulary.MARKETING));
      out.add(new StreamModelTrainer.Example("sunny weather at the beach today " + word(i), StreamVocabulary.OTHER));
    }
    return out;
  }

  private static String word(int i) {
    return "word" + (char) ('a' + i % 26) + (char) ('a' + i / 26);
  }

  @Test
  void theModelClassesAPostByTheWordsAroundTheStreamWords() {
    StreamModel model = StreamModelTrainer.fit(examples(), WORDS.termTokens(), StreamModelTrainer.SIGMA);

    assertThat(model.predict("A panel of recruiters asked me three questions").stream())
        .isEqualTo(StreamVocabulary.RECRUITMENT);
    assertThat(model.predict("Is the premium plan subscription worth it?").stream())
        .isEqualTo(StreamVocabulary.MARKETING);
    assertThat(model.predict("Beach weather, finally").stream()).isEqualTo(StreamVocabulary.OTHER);
    double[] p = model.probabilities("A panel of recruiters");
    assertThat(p[0] + p[1] + p[2]).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void theStreamWordsThatLabelledTheExamplesNeverEnterTheVocabulary() {
    StreamModel model = StreamModelTrainer.fit(examples(), WORDS.termTokens(), StreamModelTrainer.SIGMA);
    StreamModel withWords = StreamModelTrainer.fit(examples(), Set.of(), StreamModelTrainer.SIGMA);

    // "interview" alone says nothing to the model: it was only ever the label's source.
    assertThat(model.probabilities("interview")).containsExactly(model.probabilities("zzz unknown"));
    assertThat(withWords.predict("interview").stream()).isEqualTo(StreamVocabulary.RECRUITMENT);
    // interview, hiring and discount; no example says "pricing".
    assertThat(withWords.vocabularySize() - model.vocabularySize()).isEqualTo(3);
  }

  @Test
  void theSameExamplesGiveTheSameModel() {
    StreamModel a = StreamModelTrainer.fit(examples(), WORDS.termTokens(), StreamModelTrainer.SIGMA);
    StreamModel b = StreamModelTrainer.fit(examples(), WORDS.termTokens(), StreamModelTrainer.SIGMA);
    for (String text : List.of("panel today", "plan subscription beach", "recruiters at the beach")) {
      assertThat(a.probabilities(text)).containsExactly(b.probabilities(text));
    }
  }

  @Test
  void theWeightsDoNotDependOnTheCoresCoreNlpWouldUse() {
    int cores = ArgumentParser.threads;
    try {
      ArgumentParser.threads = 1;
      StreamModel one = StreamModelTrainer.fit(examples(), WORDS.termTokens(), StreamModelTrainer.SIGMA);
      ArgumentParser.threads = 3;
      StreamModel three = StreamModelTrainer.fit(examples(), WORDS.termTokens(), StreamModelTrainer.SIGMA);
      for (String text : List.of("panel today", "plan subscription beach", "recruiters at the beach")) {
        assertThat(three.probabilities(text)).containsExactly(one.probabilities(text));
      }
    } finally {
      ArgumentParser.threads = cores;
    }
  }

  @Test
  void wordsDecideFirstThenTheModelWhenSureElseOther() {
    StreamModel model = StreamModelTrainer.fit(examples(), WORDS.termTokens(), StreamModelTrainer.SIGMA);

    assertThat(StreamClassifier.decide(WORDS.wordsOf("hiring now"), model, "hiring now"))
        .isEqualTo(new StreamClassifier.Decision(StreamVocabulary.RECRUITMENT, "words", null));
    StreamClassifier.Decision byModel = StreamClassifier.decide(WORDS.wordsOf("panel of recruiters"), model, "panel of recruiters");
    assertThat(byModel.stream()).isEqualTo(StreamVocabulary.RECRUITMENT);
    assertThat(byModel.source()).isEqualTo("model");
    assertThat(byModel.probability()).isGreaterThanOrEqualTo(StreamClassifier.MIN_MODEL_PROBABILITY);
    StreamClassifier.Decision unsure = StreamClassifier.decide(WORDS.wordsOf("nothing known here"), model, "nothing known here");
    assertThat(unsure.stream()).isEqualTo(StreamVocabulary.OTHER);
    assertThat(unsure.source()).isEqualTo("none");
    assertThat(unsure.probability()).isLessThan(StreamClassifier.MIN_MODEL_PROBABILITY);
    assertThat(StreamClassifier.decide(StreamVocabulary.NEITHER, null, "panel of recruiters"))
        .isEqualTo(new StreamClassifier.Decision(StreamVocabulary.OTHER, "none", null));
  }
}
