package io.listeningpost.enrich.sentiment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * How many texts of each set also occur in each other set, by the normalised key ({@link TextOverlapKey})
 * and by token-set Jaccard &ge; 0.9 ({@link NearDuplicateIndex}): cell [a][b] counts the texts of a that
 * have a match in b.
 */
public record SetOverlaps(List<String> names, List<Integer> sizes, long[][] byKey, long[][] byJaccard,
    long[][] byEither) {

  public static SetOverlaps measure(Map<String, List<LabelledText>> sets) {
    List<String> names = new ArrayList<>(sets.keySet());
    List<List<LabelledText>> data = names.stream().map(sets::get).toList();
    int n = names.size();
    // Each text is keyed and tokenized once, not once per other set: the sets hold 200,000 texts.
    List<List<String>> keys = data.stream().map(d -> d.parallelStream().map(t -> TextOverlapKey.of(t.text())).toList())
        .toList();
    List<List<Set<String>>> tokens = data.stream()
        .map(d -> d.parallelStream().map(t -> NearDuplicateIndex.tokens(t.text())).toList()).toList();
    List<Set<String>> keySets = keys.stream().<Set<String>>map(HashSet::new).toList();
    List<NearDuplicateIndex> indexes = tokens.stream().map(NearDuplicateIndex::ofTokens).toList();
    long[][] byKey = new long[n][n];
    long[][] byJaccard = new long[n][n];
    long[][] byEither = new long[n][n];
    // Each row of the matrices is written by one task only.
    IntStream.range(0, n).parallel().forEach(a -> {
      for (int b = 0; b < n; b++) {
        if (a == b) {
          continue;
        }
        for (int i = 0; i < keys.get(a).size(); i++) {
          boolean key = keySets.get(b).contains(keys.get(a).get(i));
          boolean near = indexes.get(b).hasNearDuplicateOfTokens(tokens.get(a).get(i));
          byKey[a][b] += key ? 1 : 0;
          byJaccard[a][b] += near ? 1 : 0;
          byEither[a][b] += key || near ? 1 : 0;
        }
      }
    });
    return new SetOverlaps(names, data.stream().map(List::size).toList(), byKey, byJaccard, byEither);
  }

  /** The texts of a with a match in b, by either check. */
  public long either(String a, String b) {
    return byEither[names.indexOf(a)][names.indexOf(b)];
  }

  /** A markdown table: one row per set, one column per other set, cells "key / Jaccard". */
  public String markdown() {
    StringBuilder sb = new StringBuilder("| texts of \\ also in | texts |");
    names.forEach(b -> sb.append(' ').append(b).append(" |"));
    sb.append("\n|---|---|").append("---|".repeat(names.size())).append('\n');
    for (int a = 0; a < names.size(); a++) {
      sb.append("| ").append(names.get(a)).append(String.format(Locale.ROOT, " | %,d |", sizes.get(a)));
      for (int b = 0; b < names.size(); b++) {
        sb.append(a == b ? " - |" : String.format(Locale.ROOT, " %,d / %,d |", byKey[a][b], byJaccard[a][b]));
      }
      sb.append('\n');
    }
    return sb.toString();
  }
}
