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
 * The development set shares no post with the test set: none is the same after normalising case, whitespace,
 * punctuation and HTML entities, and no pair has a token-set Jaccard similarity of 0.9 or more.
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

  @Test
  void developmentAndTestSetsDoNotOverlap() {
    List<LabelledPosts.Post> dev = LabelledPosts.read(LabelledPosts.DEVELOPMENT_SET);
    List<LabelledPosts.Post> test = LabelledPosts.read(LabelledPosts.LABELLED_SET);
    assertThat(dev).hasSizeGreaterThanOrEqualTo(150);
    assertThat(test).hasSize(228);
    Set<String> testTexts = test.stream().map(p -> normalise(p.text())).collect(Collectors.toSet());
    long identical = dev.stream().filter(p -> testTexts.contains(normalise(p.text()))).count();
    List<Set<String>> testTokens = test.stream().map(p -> tokens(p.text())).toList();
    long nearDuplicates = dev.stream().map(p -> tokens(p.text()))
        .filter(d -> testTokens.stream().anyMatch(t -> jaccard(d, t) >= 0.9)).count();
    double closest = dev.stream().map(p -> tokens(p.text()))
        .mapToDouble(d -> testTokens.stream().mapToDouble(t -> jaccard(d, t)).max().orElse(0)).max().orElse(0);
    System.out.printf(Locale.ROOT, "dev %d posts, test %d: %d identical after normalising, %d with Jaccard >= 0.9, "
        + "closest pair %.2f%n", dev.size(), test.size(), identical, nearDuplicates, closest);
    assertThat(identical).isZero();
    assertThat(nearDuplicates).isZero();
  }
}
