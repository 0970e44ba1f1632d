package io.listeningpost.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.listeningpost.graph.InfluenceEvaluation.Figures;
import io.listeningpost.graph.InfluenceEvaluation.Site;
import io.listeningpost.graph.InfluenceEvaluation.Target;
import io.listeningpost.testing.LocalSpark;
import io.listeningpost.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A check reputation cannot leak into: authors are ranked on the first half of a dump, cut so that it
 * holds nothing from the second half, and the ranking is measured against the engagement their new
 * posts receive in the second half. Writes its figures to
 * target/influence-evaluation/future-engagement.md (docs/influence.md quotes them).
 */
@Tag("spark")
class InfluenceFutureEngagementTest {
  @RegisterExtension
  static final LocalSpark SPARK = new LocalSpark();

  private static final Pattern ATTR = Pattern.compile(" (\\w+)=\"([^\"]*)\"");
  private static final Pattern SCORE = Pattern.compile(" Score=\"-?\\d+\"");

  @Test
  void firstHalfRankingIsMeasuredAgainstSecondHalfEngagement(@TempDir Path dir) throws Exception {
    StringBuilder report = new StringBuilder();
    // The half of the dump's time range (SOURCE.md). se-conlang-meta is left out: 4 of its 59
    // first-half authors wrote in its second half, too few for a top 20.
    Map<String, Map<String, Figures>> quantum = measure(dir, report, "se-quantumcomputing", LocalDate.of(2018, 6, 7),
        90);
    Path out = Files.createDirectories(Path.of("target", "influence-evaluation")).resolve("future-engagement.md");
    Files.writeString(out, report);
    System.out.println(report);

    for (Map.Entry<String, Map<String, Figures>> signal : quantum.entrySet()) {
      Map<String, Figures> f = signal.getValue();
      Figures combined = f.get("influence_score");
      String what = signal.getKey();
      // The plain measures the issue names, and the weighting it replaced, do no better on either figure.
      for (String plain : List.of("pagerank", "score_sum", "previous weights")) {
        assertThat(combined.p20()).as("%s: precision@20 against %s", what, plain)
            .isGreaterThanOrEqualTo(f.get(plain).p20());
        assertThat(combined.spearman()).as("%s: Spearman against %s", what, plain)
            .isGreaterThan(f.get(plain).spearman());
      }
      // Within one author (0.05) of the best single measure's top 20. Spearman is not compared with the
      // best single measure because it does not hold: posts written alone is higher on both signals.
      double bestSingle = Arrays.stream(InfluenceEvaluation.MEASURES).mapToDouble(m -> f.get(m).p20()).max()
          .orElseThrow();
      assertThat(combined.p20()).as("%s: precision@20 against the best single measure", what)
          .isGreaterThanOrEqualTo(bestSingle - 0.05 - 1e-9);
    }
  }

  /**
   * Ranks the authors of a copy of the dump cut at {@code mid}, and measures each ranking against
   * both signals of the second half; returns the figures by signal, then by ranking.
   */
  private static Map<String, Map<String, Figures>> measure(Path dir, StringBuilder report, String name,
      LocalDate mid, int windowDays) throws Exception {
    Path full = SharedData.dataset(name);
    Path cut = Files.createDirectories(dir.resolve("dumps").resolve(name));
    String midTime = mid + "T00:00:00";
    cutDump(full, cut, midTime);
    Path work = Files.createDirectories(dir.resolve(name));
    Site site = Site.of(name, InfluenceEvaluation.influencers(SPARK.spark(), work, cut, mid.minusDays(1),
        windowDays));
    Map<String, Map<String, Double>> future = futureEngagement(full, name, midTime);
    Map<String, Map<String, Figures>> bySignal = new LinkedHashMap<>();
    for (Map.Entry<String, Map<String, Double>> signal : future.entrySet()) {
      List<String> ids = site.rankedIds();
      double[] truth = new double[ids.size()];
      for (int i = 0; i < truth.length; i++) {
        truth[i] = signal.getValue().getOrDefault(ids.get(i), 0.0);
      }
      Target t = Target.of(site, truth);
      Map<String, Figures> f = new LinkedHashMap<>();
      f.put("influence_score", t.figures(site.score()));
      f.put("previous weights", t.figures(site.combined(InfluenceEvaluation.PREVIOUS_COMPONENTS,
          InfluenceEvaluation.PREVIOUS_WEIGHTS)));
      for (String m : InfluenceEvaluation.MEASURES) {
        f.put(m, t.figures(site.measures().get(m)));
      }
      report.append(String.format(Locale.ROOT, "### %s, ranked on ..%s, measured on %s..: %s of new posts%n%n"
          + "%d ranked authors, %d of them with a non-zero signal; chance precision@20 %.2f.%n%n", name,
          mid.minusDays(1), mid, signal.getKey(), ids.size(), t.positives(), 20.0 / ids.size()));
      report.append("| ranking | precision@20 | precision@50 | Spearman |\n|---|---|---|---|\n");
      f.forEach((k, v) -> report.append("| ").append(k).append(" | ").append(v.row()).append(" |\n"));
      report.append('\n');
      bySignal.put(signal.getKey(), f);
    }
    return bySignal;
  }

  /**
   * Copies the dump as it stood at {@code midTime}: posts and comments created before it, post scores
   * recounted from the up- and down-votes cast before it (Votes.xml dates every vote), and comment
   * scores zeroed because comment votes carry no date. Users.xml is copied whole: the graph stage
   * reads only names and first-seen dates from it.
   */
  static void cutDump(Path full, Path cut, String midTime) throws Exception {
    Map<String, Long> votes = new HashMap<>();
    for (String line : Files.readAllLines(full.resolve("Votes.xml"))) {
      Map<String, String> a = attributes(line);
      String type = a.get("VoteTypeId");
      if (a.containsKey("PostId") && before(a, midTime) && ("2".equals(type) || "3".equals(type))) {
        votes.merge(a.get("PostId"), "2".equals(type) ? 1L : -1L, Long::sum);
      }
    }
    List<String> posts = new ArrayList<>();
    for (String line : Files.readAllLines(full.resolve("Posts.xml"))) {
      Map<String, String> a = attributes(line);
      if (!a.containsKey("Id")) {
        posts.add(line);
      } else if (before(a, midTime)) {
        posts.add(SCORE.matcher(line).replaceFirst(" Score=\"" + votes.getOrDefault(a.get("Id"), 0L) + "\""));
      }
    }
    Files.write(cut.resolve("Posts.xml"), posts);
    List<String> comments = new ArrayList<>();
    for (String line : Files.readAllLines(full.resolve("Comments.xml"))) {
      Map<String, String> a = attributes(line);
      if (!a.containsKey("Id")) {
        comments.add(line);
      } else if (before(a, midTime)) {
        comments.add(SCORE.matcher(line).replaceFirst(" Score=\"0\""));
      }
    }
    Files.write(cut.resolve("Comments.xml"), comments);
    Files.copy(full.resolve("Users.xml"), cut.resolve("Users.xml"));
  }

  /**
   * Per author (qualified as the ingest qualifies ids), two signals over the questions and answers
   * they create from {@code midTime} on: the distinct other users who answer or comment on them, and
   * the sum of their scores at the end of the dump (votes cast on posts that did not exist before).
   */
  static Map<String, Map<String, Double>> futureEngagement(Path full, String site, String midTime)
      throws Exception {
    Map<String, String> owner = new HashMap<>();
    Map<String, Double> score = new HashMap<>();
    List<Map<String, String>> answers = new ArrayList<>();
    for (String line : Files.readAllLines(full.resolve("Posts.xml"))) {
      Map<String, String> a = attributes(line);
      String type = a.get("PostTypeId");
      if (a.get("OwnerUserId") == null || !("1".equals(type) || "2".equals(type))) {
        continue;
      }
      if (!before(a, midTime)) {
        owner.put(a.get("Id"), a.get("OwnerUserId"));
        score.merge(site + ":" + a.get("OwnerUserId"), Double.parseDouble(a.get("Score")), Double::sum);
      }
      if ("2".equals(type)) {
        answers.add(a);
      }
    }
    Map<String, Set<String>> responders = new HashMap<>();
    for (Map<String, String> a : answers) {
      respond(owner.get(a.get("ParentId")), a.get("OwnerUserId"), site, responders);
    }
    for (String line : Files.readAllLines(full.resolve("Comments.xml"))) {
      Map<String, String> a = attributes(line);
      respond(owner.get(a.get("PostId")), a.get("UserId"), site, responders);
    }
    Map<String, Double> distinct = new HashMap<>();
    responders.forEach((k, v) -> distinct.put(k, (double) v.size()));
    Map<String, Map<String, Double>> out = new LinkedHashMap<>();
    out.put("distinct responders", distinct);
    out.put("score", score);
    return out;
  }

  private static void respond(String postOwner, String user, String site, Map<String, Set<String>> responders) {
    if (postOwner != null && user != null && !user.equals(postOwner)) {
      responders.computeIfAbsent(site + ":" + postOwner, k -> new HashSet<>()).add(user);
    }
  }

  private static boolean before(Map<String, String> row, String time) {
    return row.get("CreationDate").compareTo(time) < 0;
  }

  private static Map<String, String> attributes(String line) {
    Map<String, String> out = new HashMap<>();
    Matcher m = ATTR.matcher(line);
    while (m.find()) {
      out.put(m.group(1), m.group(2));
    }
    return out;
  }
}
