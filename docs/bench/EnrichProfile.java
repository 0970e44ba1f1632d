import edu.stanford.nlp.pipeline.*;
import io.listeningpost.enrich.*;
import io.listeningpost.enrich.sentiment.*;
import java.nio.file.*;
import java.util.*;
/**
 * Where the enrich stage's time goes, one core: Lingua (high-accuracy mode) and CoreNLP with
 * annotators added one at a time, on TweetEval validation tweets and on ~620-character posts made
 * of GoEmotions comments. Usage: see docs/benchmarks.md.
 */
public class EnrichProfile {
  public static void main(String[] a) throws Exception {
    Path ds = Path.of("/work/shared/datasets");
    List<String> tweets = new ArrayList<>();
    SentimentCorpora.tweetEvalValidation(ds).forEach(t -> tweets.add(t.text()));
    List<String> longs = new ArrayList<>();
    for (String l : Files.readAllLines(Path.of("/work/shared/datasets/goemotions-reddit/group/train.tsv"))) longs.add(l.split("\t")[0]);
    // concatenate goemotions comments into ~620 char "posts"
    List<String> posts = new ArrayList<>(); StringBuilder sb = new StringBuilder();
    for (String l : longs) { sb.append(l).append(". "); if (sb.length() > 600) { posts.add(sb.toString()); sb.setLength(0);} if (posts.size() == 300) break; }
    var det = NlpModels.languages(List.of("en","de","fr","es","it","pt","nl","sv","da","pl","tr","ru","ja","zh","ar"), false);
    for (String t : tweets.subList(0, 200)) det.detectLanguageOf(t);
    time("lingua tweets", tweets, t -> det.detectLanguageOf(t));
    time("lingua posts", posts, t -> det.detectLanguageOf(t));
    for (String ann : new String[]{"tokenize,ssplit", "tokenize,ssplit,pos", "tokenize,ssplit,pos,lemma", "tokenize,ssplit,pos,lemma,ner"}) {
      Properties p = new Properties(); p.setProperty("annotators", ann);
      p.setProperty("ner.model", "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz");
      p.setProperty("ner.useSUTime", "false"); p.setProperty("ner.applyNumericClassifiers", "false"); p.setProperty("ner.applyFineGrained", "false"); p.setProperty("ner.statisticalOnly", "true");
      StanfordCoreNLP nlp = new StanfordCoreNLP(p);
      for (String t : tweets.subList(0, 300)) nlp.annotate(new CoreDocument(t));
      time(ann + " tweets", tweets.subList(300, 1300), t -> nlp.annotate(new CoreDocument(t)));
      time(ann + " posts", posts, t -> nlp.annotate(new CoreDocument(t)));
    }
    System.exit(0);
  }
  interface W { void run(String s); }
  static void time(String what, List<String> xs, W w) { long t0 = System.nanoTime(); for (String x : xs) w.run(x); double s = (System.nanoTime()-t0)/1e9; System.out.printf("%-40s %6d texts %7.1f /s%n", what, xs.size(), xs.size()/s); }
}
