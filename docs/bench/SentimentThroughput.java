import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import io.listeningpost.core.config.EnrichSettings;
import io.listeningpost.enrich.PostAnalyzer;
import io.listeningpost.enrich.sentiment.PostSentimentScorer;
import io.listeningpost.enrich.sentiment.SentimentCorpora;
import io.listeningpost.enrich.sentiment.SocialSentimentModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;

/**
 * Sentiment throughput on one core, side by side in one JVM: our social scorer, our whole per-post
 * analysis (language, sentiment, POS, lemmas, NER), and the two stock CoreNLP sentiment pipelines
 * (tokenize,ssplit,pos,parse,sentiment) with the shift-reduce and the PCFG parser. Each stock pipeline
 * is built once and reused for all its texts, as one pipeline per partition would be.
 *
 * Args: datasets folder, warehouse holding se-quantumcomputing and reddit-academia posts, and
 * optionally --ours-only to skip the stock pipelines.
 */
public class SentimentThroughput {
  public static void main(String[] args) throws Exception {
    Path ds = Path.of(args[0]);
    List<String> tweets = new ArrayList<>();
    SentimentCorpora.tweetEvalValidation(ds).forEach(t -> tweets.add(t.text()));
    SentimentCorpora.vaderTweets(ds).forEach(t -> tweets.add(t.text()));
    SparkSession spark = SparkSession.builder().master("local[1]").config("spark.ui.enabled", "false").getOrCreate();
    List<String> forum = spark.read().parquet(args[1] + "/posts")
        .filter("platform in ('stackexchange', 'reddit') and length(text) >= 200")
        .orderBy("post_id").selectExpr("coalesce(concat(title, '\\n\\n', text), text)").as(Encoders.STRING())
        .collectAsList();
    spark.stop();
    double avgChars = forum.stream().mapToInt(String::length).average().orElse(0);
    System.out.printf(Locale.ROOT, "inputs: %,d tweets; %,d forum posts of 200+ characters (mean %.0f characters)%n",
        tweets.size(), forum.size(), avgChars);

    PostSentimentScorer scorer = new PostSentimentScorer(SocialSentimentModel.shipped());
    List<String> langs = List.of("en", "de", "fr", "es", "it", "pt", "nl", "sv", "da", "pl", "tr", "ru", "ja", "zh", "ar");
    PostAnalyzer analyzer = new PostAnalyzer(new EnrichSettings(true, true, 20_000, 60_000, 60, 0, 0.2, langs, List.of()));
    PostAnalyzer light = new PostAnalyzer(new EnrichSettings(true, false, 20_000, 60_000, 60, 0, 0.2, langs, List.of()));
    boolean oursOnly = args.length > 2 && args[2].equals("--ours-only");
    StanfordCoreNLP sr = oursOnly ? null : stock("edu/stanford/nlp/models/srparser/englishSR.ser.gz");
    StanfordCoreNLP pcfg = oursOnly ? null : stock("edu/stanford/nlp/models/lexparser/englishPCFG.ser.gz");
    // Warm-up: JIT and lazy model loading are not what is measured.
    for (int i = 0; i < 2000; i++) {
      scorer.social(tweets.get(i % tweets.size()));
    }
    for (int i = 0; i < 50; i++) {
      analyzer.analyze(null, forum.get(i), "en");
      light.analyze(null, forum.get(i), "en");
      if (!oursOnly) {
        sr.annotate(new Annotation(tweets.get(i)));
      }
    }

    row("social scorer (score-sentiment)", "tweets", tweets, t -> scorer.social(t));
    row("social scorer (score-sentiment)", "forum posts", forum, t -> scorer.social(t));
    row("whole enrich analysis per post", "tweets", tweets.subList(0, 2000), t -> analyzer.analyze(null, t, null));
    row("whole enrich analysis per post", "forum posts", forum.subList(0, Math.min(1000, forum.size())),
        t -> analyzer.analyze(null, t, null));
    row("enrich, enrich.linguistics = false", "tweets", tweets, t -> light.analyze(null, t, null));
    row("enrich, enrich.linguistics = false", "forum posts", forum.subList(0, Math.min(5000, forum.size())),
        t -> light.analyze(null, t, null));
    if (oursOnly) {
      System.exit(0);
    }
    row("stock CoreNLP, shift-reduce", "tweets", tweets.subList(0, 400), t -> sr.annotate(new Annotation(t)));
    row("stock CoreNLP, shift-reduce", "forum posts", forum.subList(0, 60), t -> sr.annotate(new Annotation(t)));
    row("stock CoreNLP, PCFG", "tweets", tweets.subList(0, 60), t -> pcfg.annotate(new Annotation(t)));
    row("stock CoreNLP, PCFG", "forum posts", forum.subList(0, 10), t -> pcfg.annotate(new Annotation(t)));
    System.exit(0);
  }

  static StanfordCoreNLP stock(String parser) {
    Properties p = new Properties();
    p.setProperty("annotators", "tokenize,ssplit,pos,parse,sentiment");
    p.setProperty("parse.model", parser);
    return new StanfordCoreNLP(p);
  }

  interface Work {
    void run(String text);
  }

  static void row(String what, String input, List<String> texts, Work work) {
    long t0 = System.nanoTime();
    for (String t : texts) {
      work.run(t);
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    System.out.printf(Locale.ROOT, "| %s | %s | %,d | %.1f s | %,.1f |%n", what, input, texts.size(), secs,
        texts.size() / secs);
  }
}
