package io.listeningpost.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.tagger.maxent.MaxentTagger;
import io.listeningpost.core.config.EnrichSettings;
import io.listeningpost.testing.SharedData;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The fast CoreNLP analysis against the stock pipeline it replaces, on real tweets and forum posts from
 * ../shared: lemmas and entities must keep agreeing (definitions in {@link LinguisticsAgreement}).
 */
@Tag("nlp")
class CoreNlpLinguisticsTest {
  private static LinguisticsAgreement.Sample sample;
  private static StanfordCoreNLP stock;
  private static StanfordCoreNLP splitter;
  private static MaxentTagger tagger;

  @BeforeAll
  static void load() throws Exception {
    sample = LinguisticsAgreement.sample(SharedData.dataset(""), 1_500, 500);
    stock = new StanfordCoreNLP(CoreNlpLinguistics.stockProperties());
    splitter = new StanfordCoreNLP(CoreNlpLinguistics.splitterProperties());
    tagger = new MaxentTagger(CoreNlpLinguistics.TAGGER_MODEL);
  }

  @Test
  void lemmasAndEntitiesAgreeWithTheStockPipelineOnTweetsAndForumPosts() {
    CoreNlpLinguistics fast = NlpModels.linguistics(true);
    LinguisticsAgreement.Agreement tweets = LinguisticsAgreement.measure("tweets", sample.tweets(), fast, stock);
    LinguisticsAgreement.Agreement forum = LinguisticsAgreement.measure("forum posts", sample.forumPosts(), fast, stock);
    System.out.println(tweets + "\n" + forum);
    assertThat(tweets.posts() + forum.posts()).isGreaterThanOrEqualTo(2_000);
    assertThat(tweets.stockLemmas()).isGreaterThan(10_000);
    assertThat(forum.stockEntities()).isGreaterThan(300);
    assertThat(tweets.lemmaF1()).as("tweet lemma F1").isGreaterThanOrEqualTo(0.98);
    assertThat(forum.lemmaF1()).as("forum lemma F1").isGreaterThanOrEqualTo(0.98);
    assertThat(tweets.entityF1()).as("tweet entity F1").isGreaterThanOrEqualTo(0.95);
    assertThat(forum.entityF1()).as("forum entity F1").isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void withAnUnboundedBeamAndNerOnEverySentenceTheResultsAreTheStockPipelinesExactly() {
    CoreNlpLinguistics exact = new CoreNlpLinguistics(splitter, tagger, Integer.MAX_VALUE, true);
    List<String> texts = new ArrayList<>(sample.tweets().subList(0, 300));
    texts.addAll(sample.forumPosts().subList(0, 40));
    LinguisticsAgreement.Agreement a = LinguisticsAgreement.measure("mixed", texts, exact, stock);
    // Two equally scored tag sequences may be ordered differently: 2 of 146,305 forum tokens in the full sample.
    assertThat(a.tagShare()).isGreaterThanOrEqualTo(0.9999);
    assertThat(a.tokenLemmaShare()).isEqualTo(1.0);
    assertThat(a.lemmaF1()).isEqualTo(1.0);
    assertThat(a.phraseF1()).isEqualTo(1.0);
    assertThat(a.entityF1()).isEqualTo(1.0);
  }

  @Test
  void aTextGetsTheSameAnalysisAloneAfterOthersAndOnAnotherThread() throws Exception {
    CoreNlpLinguistics fast = NlpModels.linguistics(true);
    List<String> texts = new ArrayList<>(sample.tweets().subList(0, 60));
    texts.addAll(sample.forumPosts().subList(0, 10));
    List<String> alone = new ArrayList<>();
    for (String t : texts) {
      alone.add(render(new CoreNlpLinguistics(splitter, tagger, CoreNlpLinguistics.POS_BEAM, false)
          .analyse(t, Deadline.none())));
    }
    List<String> inOrder = new ArrayList<>();
    for (String t : texts) {
      inOrder.add(render(fast.analyse(t, Deadline.none())));
    }
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<String>> reversed = new ArrayList<>();
      for (int i = texts.size() - 1; i >= 0; i--) {
        String t = texts.get(i);
        reversed.add(pool.submit(() -> render(fast.analyse(t, Deadline.none()))));
      }
      for (int i = 0; i < texts.size(); i++) {
        assertThat(reversed.get(texts.size() - 1 - i).get()).isEqualTo(inOrder.get(i)).isEqualTo(alone.get(i));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void nerRunsOnSentencesThatCanHoldANameOnly() {
    assertThat(CoreNlpLinguistics.mayNameSomething(tagged("i love my new job at the bank"))).isFalse();
    assertThat(CoreNlpLinguistics.mayNameSomething(tagged("Today I start my new job"))).isFalse();
    assertThat(CoreNlpLinguistics.mayNameSomething(tagged("i start at Google on monday"))).isTrue();
    assertThat(CoreNlpLinguistics.mayNameSomething(tagged("Obama visited the office"))).isTrue();
  }

  @Test
  void aPassedDeadlineStopsTheAnalysisAndTheCacheKeyNamesTheAnalysis() {
    Deadline passed = Deadline.in(0);
    String longText = "The recruiter at Acme was helpful and kind. ".repeat(200);
    assertThatThrownBy(() -> NlpModels.linguistics(true).analyse(longText, passed)).isInstanceOf(Deadline.Exceeded.class);
    EnrichSettings s = new EnrichSettings(true, true, 20_000, 10_000, 60, 0, 0.5, List.of("en"), List.of());
    assertThat(EnrichStep.analysisVersion(s)).contains(CoreNlpLinguistics.VERSION);
  }

  private static List<CoreLabel> tagged(String text) {
    return NlpModels.linguistics(true).analyse(text, Deadline.none()).sentences().get(0);
  }

  private static String render(CoreNlpLinguistics.Result r) {
    StringBuilder b = new StringBuilder();
    for (List<CoreLabel> s : r.sentences()) {
      for (CoreLabel t : s) {
        b.append(t.word()).append('/').append(t.tag()).append('/').append(t.lemma()).append(' ');
      }
      b.append('\n');
    }
    return b.append(r.mentions()).toString();
  }
}
