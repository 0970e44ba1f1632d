package io.listeningpost.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.listeningpost.enrich.sentiment.LabelledText;
import io.listeningpost.enrich.sentiment.NearDuplicateIndex;
import io.listeningpost.enrich.sentiment.SentimentCorpora;
import io.listeningpost.enrich.sentiment.SetOverlaps;
import io.listeningpost.enrich.sentiment.TextOverlapKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The two overlap checks between sentiment sets: the normalised key and token-set Jaccard. */
class TextOverlapTest {

  @Test
  void keyMeetsAcrossEntityEscapeHandleLinkCaseAndWhitespaceDifferences() {
    // 2013 files: a bare "&" and a literal \u2019; 2014-2016 files: "&amp;"; TweetEval: @user.
    String y2013 = "@AcmeJobs Tom & Jerry don\\u2019t   start till Monday http://t.co/abc";
    String y2016 = "@acmejobs tom &amp; jerry don’t start till monday https://t.co/XYZ";
    String tweetEval = "@user Tom &amp;amp; Jerry don't start till Monday http://bit.ly/q";
    assertThat(TextOverlapKey.of(y2013)).isEqualTo(TextOverlapKey.of(y2016)).isEqualTo(TextOverlapKey.of(tweetEval))
        .isEqualTo("@user tom jerry don t start till monday @url");
    assertThat(TextOverlapKey.of("Tom &lt;3 Jerry")).isEqualTo(TextOverlapKey.of("tom <3 jerry"));
    assertThat(TextOverlapKey.of("great day")).isNotEqualTo(TextOverlapKey.of("great days"));
  }

  @Test
  void decodeUndoesEscapesAndEntitiesOnly() {
    assertThat(TextOverlapKey.decode("a \\u002c b &amp; c &gt; d &quot;e&quot;")).isEqualTo("a , b & c > d \"e\"");
    assertThat(TextOverlapKey.decode("AT&T & co")).isEqualTo("AT&T & co");
  }

  @Test
  void nearDuplicatesAreFoundAtJaccardPointNineAndNotBelow() {
    String ten = "one two three four five six seven eight nine ten";
    NearDuplicateIndex index = NearDuplicateIndex.of(List.of(ten, "something else entirely"));
    assertThat(index.hasNearDuplicate(ten)).isTrue();
    // One token added: 10/11 = 0.909.
    assertThat(index.hasNearDuplicate("RT " + ten)).isTrue();
    // One token replaced: 9/11 = 0.818.
    assertThat(index.hasNearDuplicate(ten.replace("ten", "eleven"))).isFalse();
    // Handles and links are placeholders, so a different handle or link is no difference.
    NearDuplicateIndex tweets = NearDuplicateIndex.of(List.of("@bob loving the new office http://t.co/1"));
    assertThat(tweets.hasNearDuplicate("@alice Loving the new office https://t.co/2 !!")).isTrue();
    assertThat(tweets.hasNearDuplicate("")).isFalse();
  }

  /** The prefix filter must find exactly what comparing every pair finds. */
  @Test
  void prefixFilteredIndexAgreesWithComparingEveryPair() {
    Random random = new Random(7);
    List<String> refs = randomTexts(random, 400);
    NearDuplicateIndex index = NearDuplicateIndex.of(refs);
    List<Set<String>> refTokens = refs.stream().map(NearDuplicateIndex::tokens).toList();
    int found = 0;
    for (int i = 0; i < 2_000; i++) {
      String q = i % 2 == 0 ? mutate(refs.get(random.nextInt(refs.size())), random) : randomText(random);
      Set<String> qTokens = NearDuplicateIndex.tokens(q);
      boolean brute = refTokens.stream().anyMatch(r -> jaccard(r, qTokens) >= NearDuplicateIndex.THRESHOLD - 1e-9);
      assertThat(index.hasNearDuplicate(q)).as("%s", q).isEqualTo(brute);
      found += brute ? 1 : 0;
    }
    // Both outcomes occur, so the comparison above tests something.
    assertThat(found).isBetween(100, 1_900);
  }

  @Test
  void setOverlapsCountEachTextOfARowOnceAgainstEveryOtherSet() {
    Random random = new Random(11);
    List<String> base = randomTexts(random, 150);
    Map<String, List<LabelledText>> sets = new LinkedHashMap<>();
    for (String name : List.of("a", "b", "c")) {
      List<LabelledText> texts = new ArrayList<>();
      for (int i = 0; i < 300; i++) {
        String t = random.nextInt(3) == 0 ? mutate(base.get(random.nextInt(base.size())), random)
            : random.nextInt(4) == 0 ? base.get(random.nextInt(base.size())).toUpperCase() : randomText(random);
        texts.add(new LabelledText(name + i, t, random.nextInt(3)));
      }
      sets.put(name, texts);
    }
    SetOverlaps overlaps = SetOverlaps.measure(sets);
    List<String> names = List.copyOf(sets.keySet());
    for (int a = 0; a < 3; a++) {
      for (int b = 0; b < 3; b++) {
        if (a == b) {
          continue;
        }
        List<LabelledText> other = sets.get(names.get(b));
        long key = 0;
        long near = 0;
        long either = 0;
        for (LabelledText t : sets.get(names.get(a))) {
          boolean k = other.stream().anyMatch(o -> TextOverlapKey.of(o.text()).equals(TextOverlapKey.of(t.text())));
          Set<String> tokens = NearDuplicateIndex.tokens(t.text());
          boolean n = other.stream()
              .anyMatch(o -> jaccard(NearDuplicateIndex.tokens(o.text()), tokens) >= NearDuplicateIndex.THRESHOLD - 1e-9);
          key += k ? 1 : 0;
          near += n ? 1 : 0;
          either += k || n ? 1 : 0;
        }
        assertThat(overlaps.byKey()[a][b]).as("%s in %s by key", names.get(a), names.get(b)).isEqualTo(key);
        assertThat(overlaps.byJaccard()[a][b]).as("%s in %s by Jaccard", names.get(a), names.get(b)).isEqualTo(near);
        assertThat(overlaps.either(names.get(a), names.get(b))).isEqualTo(either).isPositive();
      }
    }
  }

  @Test
  void withoutKeepsThePoolsOrderAndDropsExactlyTheTextsEitherCheckFinds() {
    Random random = new Random(5);
    List<String> held = randomTexts(random, 200);
    List<LabelledText> pool = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      String t = random.nextInt(4) == 0 ? mutate(held.get(random.nextInt(held.size())), random) : randomText(random);
      pool.add(new LabelledText("p" + i, t, random.nextInt(3)));
    }
    List<LabelledText> heldOut = held.stream().map(t -> new LabelledText("h", t, 1)).toList();
    NearDuplicateIndex index = NearDuplicateIndex.of(held);
    Set<String> keys = new HashSet<>(held.stream().map(TextOverlapKey::of).toList());
    List<LabelledText> expected = pool.stream()
        .filter(t -> !keys.contains(TextOverlapKey.of(t.text())) && !index.hasNearDuplicate(t.text())).toList();

    List<LabelledText> kept = SentimentCorpora.without(pool, heldOut);

    assertThat(kept).containsExactlyElementsOf(expected).hasSizeBetween(1_000, 2_990);
  }

  private static List<String> randomTexts(Random random, int count) {
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      texts.add(randomText(random));
    }
    return texts;
  }

  private static String randomText(Random random) {
    StringBuilder sb = new StringBuilder();
    int n = 1 + random.nextInt(25);
    for (int i = 0; i < n; i++) {
      sb.append('w').append(random.nextInt(60)).append(' ');
    }
    return sb.toString();
  }

  /** Drops, adds or replaces at most two tokens. */
  private static String mutate(String text, Random random) {
    List<String> words = new ArrayList<>(List.of(text.trim().split(" ")));
    for (int k = random.nextInt(3); k > 0; k--) {
      switch (random.nextInt(3)) {
        case 0 -> words.remove(random.nextInt(words.size()));
        case 1 -> words.add("x" + random.nextInt(5));
        default -> words.set(random.nextInt(words.size()), "y" + random.nextInt(5));
      }
      if (words.isEmpty()) {
        words.add("z");
      }
    }
    return String.join(" ", words);
  }

  private static double jaccard(Set<String> a, Set<String> b) {
    Set<String> common = new HashSet<>(a);
    common.retainAll(b);
    return common.size() / (double) (a.size() + b.size() - common.size());
  }
}
