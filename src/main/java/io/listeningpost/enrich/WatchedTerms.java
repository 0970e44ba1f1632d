package io.listeningpost.enrich;

import io.listeningpost.core.config.WatchTerm;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Employer brand names, their aliases and competitors from the config, matched in post text in any
 * case and as #hashtag or @handle, with or without spaces ("Acme Corp", "#AcmeCorp", "@acme_corp").
 */
public final class WatchedTerms implements Serializable {
  private static final long serialVersionUID = 1L;

  /** A match: the canonical term, its kind, and the text as written. */
  public record Match(String term, String kind, String matched) {}

  private final List<WatchTerm> terms;
  private transient Pattern pattern;
  private transient Map<String, WatchTerm> byKey;

  public WatchedTerms(List<WatchTerm> terms) {
    this.terms = List.copyOf(terms);
  }

  /** Every distinct watched term found in {@code text}, in order of first appearance. */
  public List<Match> find(String text) {
    if (terms.isEmpty() || text == null || text.isEmpty()) {
      return List.of();
    }
    compile();
    Map<String, Match> found = new LinkedHashMap<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      WatchTerm t = byKey.get(key(m.group(1)));
      if (t != null) {
        found.putIfAbsent(t.name(), new Match(t.name(), t.kind(), m.group()));
      }
    }
    return new ArrayList<>(found.values());
  }

  /**
   * {@code text} with every occurrence of a watched term replaced by {@code replacement} of its match, for
   * models that must not learn the names themselves.
   */
  public String replaceAll(String text, Function<Match, String> replacement) {
    if (terms.isEmpty() || text == null || text.isEmpty()) {
      return text;
    }
    compile();
    Matcher m = pattern.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (m.find()) {
      WatchTerm t = byKey.get(key(m.group(1)));
      String by = t == null ? m.group() : replacement.apply(new Match(t.name(), t.kind(), m.group()));
      m.appendReplacement(out, Matcher.quoteReplacement(by));
    }
    m.appendTail(out);
    return out.toString();
  }

  private void compile() {
    if (pattern != null) {
      return;
    }
    Map<String, WatchTerm> keys = new LinkedHashMap<>();
    Set<String> alternatives = new LinkedHashSet<>();
    for (WatchTerm t : terms) {
      List<String> names = new ArrayList<>(t.aliases());
      names.add(0, t.name());
      for (String n : names) {
        keys.putIfAbsent(key(n), t);
        // Words may be joined by a space, nothing, "_", "-" or "." (hashtags and handles drop spaces).
        String[] words = n.trim().split("\\s+");
        List<String> quoted = new ArrayList<>();
        for (String w : words) {
          quoted.add(Pattern.quote(w));
        }
        alternatives.add(String.join("[\\s_.\\-]?", quoted));
      }
    }
    List<String> sorted = new ArrayList<>(alternatives);
    sorted.sort((a, b) -> b.length() - a.length());
    byKey = keys;
    pattern = Pattern.compile("(?<![\\p{L}\\p{N}_])[#@]?(" + String.join("|", sorted) + ")(?![\\p{L}\\p{N}_])",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  private static String key(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[\\s_.\\-]", "");
  }
}
