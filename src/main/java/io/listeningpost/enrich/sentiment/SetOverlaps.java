package io.listeningpost.enrich.sentiment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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
    List<Set<String>> keys = new ArrayList<>();
    List<NearDuplicateIndex> indexes = new ArrayList<>();
    for (List<LabelledText> d : data) {
      Set<String> k = new HashSet<>();
      d.forEach(t -> k.add(TextOverlapKey.of(t.text())));
      keys.add(k);
      indexes.add(new NearDuplicateIndex(d.stream().map(LabelledText::text).toList()));
    }
    long[][] byKey = new long[n][n];
    long[][] byJaccard = new long[n][n];
    long[][] byEither = new long[n][n];
    for (int a = 0; a < n; a++) {
      for (int b = 0; b < n; b++) {
        if (a == b) {
          continue;
        }
        for (LabelledText t : data.get(a)) {
          boolean key = keys.get(b).contains(TextOverlapKey.of(t.text()));
          boolean near = indexes.get(b).hasNearDuplicate(t.text());
          byKey[a][b] += key ? 1 : 0;
          byJaccard[a][b] += near ? 1 : 0;
          byEither[a][b] += key || near ? 1 : 0;
        }
      }
    }
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
