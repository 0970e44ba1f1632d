package io.listeningpost.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The labelled sets share no post: none is the same after normalising case, whitespace, punctuation and HTML
 * entities, and no pair has a token-set Jaccard similarity of 0.9 or more. The fresh held-out set is checked
 * against both training sets.
 */
class LabelledSetOverlapTest {
  static String normalise(String text) {
    String s = text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
        .replace("&#39;", "'").replace("&apos;", "'").replace("&nbsp;", " ").replaceAll("&#(\\d+);", " ");
    return s.toLowerCase(Locale.ROOT).replaceAll("[\\p{P}\\p{S}]+", " ").replaceAll("\\s+", " ").strip();
  }

  static double jaccard(Set<String> a, Set<String> b) {
    Set<String> both = new HashSet<>(a);
    both.retainAll(b);
    return both.size() / (double) (a.size() + b.size() - both.size());
  }

  private static Set<String> tokens(String text) {
    return Arrays.stream(normalise(text).split(" ")).filter(t -> !t.isEmpty()).collect(Collectors.toSet());
  }

  /** Identical posts, near-duplicates (Jaccard >= 0.9) and the closest pair's similarity between two sets. */
  record Overlap(long identical, long nearDuplicates, double closest) {}

  static Overlap overlap(List<LabelledPosts.Post> a, List<LabelledPosts.Post> b) {
    Set<String> bTexts = b.stream().map(p -> normalise(p.text())).collect(Collectors.toSet());
    long identical = a.stream().filter(p -> bTexts.contains(normalise(p.text()))).count();
    List<Set<String>> bTokens = b.stream().map(p -> tokens(p.text())).toList();
    long nearDuplicates = a.stream().map(p -> tokens(p.text()))
        .filter(d -> bTokens.stream().anyMatch(t -> jaccard(d, t) >= 0.9)).count();
    double closest = a.stream().map(p -> tokens(p.text()))
        .mapToDouble(d -> bTokens.stream().mapToDouble(t -> jaccard(d, t)).max().orElse(0)).max().orElse(0);
    return new Overlap(identical, nearDuplicates, closest);
  }

  @Test
  void developmentAndLabelledSetsDoNotOverlap() {
    List<LabelledPosts.Post> dev = LabelledPosts.read(LabelledPosts.DEVELOPMENT_SET);
    List<LabelledPosts.Post> labelled = LabelledPosts.read(LabelledPosts.LABELLED_SET);
    assertThat(dev).hasSize(185);
    assertThat(labelled).hasSize(228);
    assertNoOverlap("development", dev, "labelled", labelled);
  }

  /** The fresh held-out set shares no post with either training set. */
  @Test
  void freshSetDoesNotOverlapTheTrainingSets() {
    List<LabelledPosts.Post> fresh = LabelledPosts.read(LabelledPosts.FRESH_SET);
    assertThat(fresh).hasSize(247);
    assertNoOverlap("fresh", fresh, "development", LabelledPosts.read(LabelledPosts.DEVELOPMENT_SET));
    assertNoOverlap("fresh", fresh, "labelled", LabelledPosts.read(LabelledPosts.LABELLED_SET));
  }

  private static void assertNoOverlap(String aName, List<LabelledPosts.Post> a, String bName,
      List<LabelledPosts.Post> b) {
    Overlap o = overlap(a, b);
    System.out.printf(Locale.ROOT, "%s %d posts, %s %d: %d identical after normalising, %d with Jaccard >= 0.9, "
        + "closest pair %.2f%n", aName, a.size(), bName, b.size(), o.identical(), o.nearDuplicates(), o.closest());
    assertThat(o.identical()).isZero();
    assertThat(o.nearDuplicates()).isZero();
  }
}
