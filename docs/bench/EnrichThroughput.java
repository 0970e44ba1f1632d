import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import io.listeningpost.core.config.EnrichSettings;
import io.listeningpost.enrich.CoreNlpLinguistics;
import io.listeningpost.enrich.LinguisticsAgreement;
import io.listeningpost.enrich.NlpModels;
import io.listeningpost.enrich.PostAnalyzer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The enrich stage's CoreNLP analysis against the stock pipeline it speeds up, side by side in one JVM
 * and one thread, then the agreement of their lemmas and entities. Rows, each in two rounds:
 * stock CoreNLP tokenize,ssplit,pos,lemma,ner (the enrich stage's former settings); our
 * CoreNlpLinguistics (the same, beam-searched tagger, NER on sentences that can hold a name); our whole
 * per-post analysis (language, sentiment of post and sentences, lemmas, phrases, entities, question).
 * Time is the thread's CPU time (the machine is shared) and wall time.
 *
 * Args: datasets folder, forum posts to time (default 800), and --no-agreement to skip the agreement.
 * Classpath: target/classes, target/local-classpath.txt and target/runtime-classpath.txt (Lingua needs Kotlin).
 */
public class EnrichThroughput {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  public static void main(String[] args) throws Exception {
    Path ds = Path.of(args[0]);
    int forumCount = args.length > 1 ? Integer.parseInt(args[1]) : 800;
    List<String> tweets = new ArrayList<>(Files.readAllLines(
        ds.resolve("tweeteval-sentiment/datasets/sentiment/val_text.txt"), StandardCharsets.UTF_8));
    for (String line : Files.readAllLines(ds.resolve("vader-groundtruth/tweets_GroundTruth.txt"), StandardCharsets.UTF_8)) {
      String[] f = line.split("\t", 3);
      if (f.length == 3) {
        tweets.add(f[2].replace("&amp;", "&"));
      }
    }
    // Forum posts of 200 to 1,000 characters, about 600 on average, as the throughput target states.
    List<String> forum = LinguisticsAgreement.sample(ds, 0, 1_600).forumPosts().stream()
        .filter(t -> t.length() <= 1_000).limit(forumCount).toList();
    System.out.printf(Locale.ROOT, "inputs: %,d tweets (mean %.0f characters); %,d forum posts (mean %.0f characters)%n",
        tweets.size(), mean(tweets), forum.size(), mean(forum));

    StanfordCoreNLP stock = new StanfordCoreNLP(CoreNlpLinguistics.stockProperties());
    CoreNlpLinguistics ours = NlpModels.linguistics(true);
    List<String> langs = List.of("en", "de", "fr", "es", "it", "pt", "nl", "sv", "da", "pl", "tr", "ru", "ja", "zh", "ar");
    PostAnalyzer whole = new PostAnalyzer(new EnrichSettings(true, true, 20_000, 10_000, 60, 0, 0.5, langs, List.of()));
    // Warm-up: JIT and lazy model loading are not what is measured.
    for (String t : tweets.subList(0, 300)) {
      stock.annotate(new CoreDocument(t));
      ours.analyse(t);
      whole.analyze(null, t, null);
    }
    System.out.println("| round | what | input | texts | CPU s | posts per CPU s | wall s | posts/s wall |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    for (int round = 1; round <= 2; round++) {
      for (String input : new String[] {"tweets", "forum posts"}) {
        List<String> texts = input.equals("tweets") ? tweets : forum;
        row(round, "stock CoreNLP tokenize,ssplit,pos,lemma,ner", input, texts, t -> stock.annotate(new CoreDocument(t)));
        row(round, "CoreNlpLinguistics (enrich's CoreNLP steps)", input, texts, t -> ours.analyse(t));
        row(round, "whole enrich analysis per post (PostAnalyzer)", input, texts, t -> whole.analyze(null, t, null));
      }
    }
    if (!(args.length > 2 && args[2].equals("--no-agreement"))) {
      LinguisticsAgreement.Sample sample = LinguisticsAgreement.sample(ds, 2_000, 600);
      System.out.println(LinguisticsAgreement.measure("tweets", sample.tweets(), ours, stock));
      System.out.println(LinguisticsAgreement.measure("forum posts", sample.forumPosts(), ours, stock));
    }
    System.exit(0);
  }

  private static double mean(List<String> texts) {
    return texts.stream().mapToInt(String::length).average().orElse(0);
  }

  private static void row(int round, String what, String input, List<String> texts, Consumer<String> work) {
    long cpu0 = THREADS.getCurrentThreadCpuTime();
    long wall0 = System.nanoTime();
    for (String t : texts) {
      work.accept(t);
    }
    double cpu = (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e9;
    double wall = (System.nanoTime() - wall0) / 1e9;
    System.out.printf(Locale.ROOT, "| %d | %s | %s | %,d | %.1f | %,.1f | %.1f | %,.1f |%n", round, what, input,
        texts.size(), cpu, texts.size() / cpu, wall, texts.size() / wall);
  }
}
