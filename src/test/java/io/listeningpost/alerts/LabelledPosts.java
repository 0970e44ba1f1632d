package io.listeningpost.alerts;

import io.listeningpost.alerts.CandidateComplaintDetector.SentenceTone;
import io.listeningpost.core.config.EnrichSettings;
import io.listeningpost.core.config.WatchTerm;
import io.listeningpost.enrich.PostAnalyzer;
import io.listeningpost.enrich.PostNlp;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The labelled alert sets (src/test/resources/alerts): one post a line, with whether it should alert and
 * its kind (complaint, or the hard negative it is), their sentence sentiment, and their precision and recall
 * under the detector. The development and labelled sets are the complaint model's training data.
 */
final class LabelledPosts {
  static final String LABELLED_SET = "/alerts/labelled-posts.tsv";
  static final String DEVELOPMENT_SET = "/alerts/development-posts.tsv";
  /** Written blind by another engineer after the model was final; never trained or tuned on. */
  static final String FRESH_SET = "/alerts/fresh-test-posts.tsv";
  /** Acme's careers, employer-brand and support accounts, as both sets address them. */
  private static final List<String> ACME_ACCOUNTS = List.of("AcmeCareers", "AcmeLife", "AcmeSupport");
  /** The development set watches Acme alone; Globex, Initech and the rest are its other employers. */
  static final List<WatchTerm> DEVELOPMENT_WATCH = List.of(new WatchTerm("Acme", WatchTerm.BRAND, ACME_ACCOUNTS));
  /**
   * The labelled set watches three employers: Acme, Globex and Initech each appear in its complaints and in every
   * hard-negative kind but "other-employer", whose posts name other organisations.
   */
  static final List<WatchTerm> LABELLED_WATCH = List.of(new WatchTerm("Acme", WatchTerm.BRAND, ACME_ACCOUNTS),
      new WatchTerm("Globex", WatchTerm.BRAND, List.of()), new WatchTerm("Initech", WatchTerm.BRAND, List.of()));

  /** The fresh set watches Northwind and Contoso, with their aliases and careers accounts. */
  static final List<WatchTerm> FRESH_WATCH = List.of(
      new WatchTerm("Northwind", WatchTerm.BRAND, List.of("Northwind Labs", "NorthwindJobs", "NorthwindCareers")),
      new WatchTerm("Contoso", WatchTerm.BRAND, List.of("Contoso Group", "ContosoCareers")));

  record Post(String id, String platform, boolean alert, String kind, String text) {}

  /** A post with the watch list of its set and its sentences as the pipeline's sentiment model scores them. */
  record Analysed(Post post, List<WatchTerm> watch, List<SentenceTone> tones) {}

  record Scores(int truePositives, int falsePositives, int falseNegatives, Map<String, int[]> byKind,
      Map<String, Integer> missReasons, List<String> errors) {
    double precision() {
      return truePositives / (double) Math.max(1, truePositives + falsePositives);
    }

    double recall() {
      return truePositives / (double) Math.max(1, truePositives + falseNegatives);
    }

    String report() {
      StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
          "precision %.3f (%d of %d alerts), recall %.3f (%d of %d complaints)%n", precision(), truePositives,
          truePositives + falsePositives, recall(), truePositives, truePositives + falseNegatives));
      byKind.forEach((kind, c) -> sb.append(String.format(Locale.ROOT, "  %-20s %3d posts, %3d alerted%n", kind,
          c[0], c[1])));
      missReasons.forEach((why, n) -> sb.append(String.format(Locale.ROOT, "  missed: %-45s %3d%n", why, n)));
      return sb.toString();
    }
  }

  static List<Post> read(String resource) {
    try (InputStream in = LabelledPosts.class.getResourceAsStream(resource)) {
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      List<Post> out = new ArrayList<>();
      for (int i = 1; i < lines.length; i++) {
        if (lines[i].isBlank()) {
          continue;
        }
        String[] f = lines[i].split("\t", 5);
        out.add(new Post(f[0], f[1], f[2].equals("yes"), f[3], f[4].strip()));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The posts with the pipeline's sentence split and sentence sentiment (PostAnalyzer, the social model). */
  static List<Analysed> analyse(List<Post> posts, List<WatchTerm> watch) {
    PostAnalyzer analyzer = new PostAnalyzer(new EnrichSettings(true, false, 20_000, 60_000, 60, 0, 0.5,
        List.of("en", "de", "fr", "es"), watch));
    List<Analysed> out = new ArrayList<>();
    for (Post p : posts) {
      PostNlp nlp = analyzer.analyze(null, p.text(), "en");
      out.add(new Analysed(p, watch, nlp.sentences().stream()
          .map(s -> new SentenceTone(s.begin(), s.end(), s.score())).toList()));
    }
    return out;
  }

  /** The complaint model's training data: the development set, then the labelled set, each with its watch list. */
  static List<Analysed> trainingPosts() {
    List<Analysed> out = new ArrayList<>(analyse(read(DEVELOPMENT_SET), DEVELOPMENT_WATCH));
    out.addAll(analyse(read(LABELLED_SET), LABELLED_WATCH));
    return out;
  }

  /** Scores every post with the pipeline's sentence split and sentence sentiment, then the shipped detector. */
  static Scores evaluate(List<Post> posts, List<WatchTerm> watch) {
    CandidateComplaintDetector detector = new CandidateComplaintDetector(watch);
    int tp = 0;
    int fp = 0;
    int fn = 0;
    Map<String, int[]> byKind = new TreeMap<>();
    Map<String, Integer> missReasons = new TreeMap<>();
    List<String> errors = new ArrayList<>();
    for (Analysed a : analyse(posts, watch)) {
      Post p = a.post();
      CandidateComplaintDetector.Verdict v = detector.judge(p.text(), a.tones());
      int[] c = byKind.computeIfAbsent(p.kind(), k -> new int[2]);
      c[0]++;
      if (v.alert()) {
        c[1]++;
      }
      if (v.alert() && p.alert()) {
        tp++;
      } else if (v.alert()) {
        fp++;
      } else if (p.alert()) {
        fn++;
        missReasons.merge(v.brand() == null ? "names no watched brand" : "probability below the threshold", 1,
            Integer::sum);
      }
      if (v.alert() != p.alert()) {
        errors.add(String.format(Locale.ROOT, "%s %s p %.3f %s | %s", p.id(), p.alert() ? "MISSED" : "FALSE",
            v.score(), v.cues(), p.text()));
      }
    }
    return new Scores(tp, fp, fn, byKind, missReasons, errors);
  }

  private LabelledPosts() {}
}
