package io.listeningpost.alerts;

import io.listeningpost.core.config.WatchTerm;
import io.listeningpost.enrich.WatchedTerms;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The features the complaint model reads from one post. Words and bigrams are taken after lower-casing and
 * after replacing the watched brands by {@value #BRAND}, competitors by {@value #COMPETITOR}, other employers
 * named as the place of a job by {@value #ORGANISATION}, links, handles and numbers by their own tokens, so
 * that the model learns how complaints are told and not which employers the training posts named.
 */
final class ComplaintFeatures {
  static final String BRAND = "_brand_";
  static final String COMPETITOR = "_competitor_";
  static final String ORGANISATION = "_org_";
  static final String LINK = "_url_";
  static final String HANDLE = "_user_";
  static final String NUMBER = "_num_";
  static final String BIAS = "bias";

  /** Which groups of features a model uses; it is stored with the model, so that scoring extracts the same. */
  record FeatureSet(boolean bigrams, boolean charNgrams, boolean cues, boolean sentiment) implements Serializable {
    /** "words", then "+bigrams", "+chars", "+cues", "+sentiment" for each group used. */
    String name() {
      return "words" + (bigrams ? "+bigrams" : "") + (charNgrams ? "+chars" : "") + (cues ? "+cues" : "")
          + (sentiment ? "+sentiment" : "");
    }

    static FeatureSet parse(String name) {
      Set<String> parts = Set.of(name.split("\\+"));
      if (!parts.contains("words")) {
        throw new IllegalArgumentException("unknown complaint feature set: " + name);
      }
      return new FeatureSet(parts.contains("bigrams"), parts.contains("chars"), parts.contains("cues"),
          parts.contains("sentiment"));
    }
  }

  private static final Pattern URL = Pattern.compile("https?://\\S+|www\\.\\S+");
  private static final Pattern MENTION = Pattern.compile("@[\\p{L}\\p{N}_]+");
  private static final Pattern TOKEN = Pattern.compile(
      "_(?:brand|competitor|org|url|user)_|\\p{L}+(?:'\\p{L}+)?|\\p{N}+(?:[.,:]\\p{N}+)*|[?!]|[^\\s\\p{L}\\p{N}\\p{P}\\p{M}\\p{Cf}\\x{FE0F}]");
  private static final Set<String> NEGATIONS = Set.of("not", "no", "never", "nothing", "nobody", "none", "nor",
      "without", "cannot", "neither");
  private static final Set<String> FIRST_PERSON = Set.of("i", "me", "my", "mine", "myself", "i'm", "i've", "i'd",
      "i'll");
  private static final int CHAR_MIN = 3;
  private static final int CHAR_MAX = 5;

  /** The features of a post that names a watched brand, from its text and the cues found in it. */
  static Map<String, Double> extract(FeatureSet set, WatchedTerms watched, String text, ComplaintCues cues) {
    Map<String, Double> f = new TreeMap<>();
    f.put(BIAS, 1.0);
    List<String> tokens = tokens(watched, text);
    for (String t : tokens) {
      f.put("w:" + t, 1.0);
    }
    if (set.bigrams()) {
      for (int i = 1; i < tokens.size(); i++) {
        f.put("b:" + tokens.get(i - 1) + " " + tokens.get(i), 1.0);
      }
    }
    if (set.charNgrams()) {
      for (String t : tokens) {
        if (t.startsWith("_") || t.length() < 2) {
          continue;
        }
        String padded = " " + t + " ";
        for (int n = CHAR_MIN; n <= CHAR_MAX; n++) {
          for (int i = 0; i + n <= padded.length(); i++) {
            f.put("c:" + padded.substring(i, i + n), 1.0);
          }
        }
      }
    }
    long negations = tokens.stream().filter(t -> NEGATIONS.contains(t) || t.endsWith("n't")).count();
    long firstPerson = tokens.stream().filter(FIRST_PERSON::contains).count();
    f.put("negation", Math.min(negations, 3) / 3.0);
    f.put("first-person", Math.min(firstPerson, 3) / 3.0);
    f.put("question-mark", text.indexOf('?') >= 0 ? 1.0 : 0.0);
    f.put("exclamation-mark", text.indexOf('!') >= 0 ? 1.0 : 0.0);
    if (set.cues()) {
      f.put("cue:unmet", Math.min(cues.unmet().size(), 3) / 3.0);
      f.put("cue:judgement", Math.min(cues.judgement().size(), 3) / 3.0);
      f.put("cue:praise", Math.min(cues.positive().size(), 3) / 3.0);
      f.put("cue:irony", Math.min(cues.irony().size(), 2) / 2.0);
      f.put("cue:contrast", cues.contrast() ? 1.0 : 0.0);
      f.put("cue:elsewhere", cues.elsewhere() ? 1.0 : 0.0);
      f.put("cue:question-without-complaint", cues.questionWithoutComplaintCue() ? 1.0 : 0.0);
      f.put("cue:candidate-strong", Math.min(cues.strong().size(), 3) / 3.0);
      f.put("cue:candidate-weak", Math.min(cues.weak().size(), 3) / 3.0);
      f.put("cue:candidate-vocabulary", cues.candidateVocabulary() ? 1.0 : 0.0);
      f.put("cue:rule-score", Math.max(-2, Math.min(2, cues.ruleScore() / 4)));
      f.put("cue:rule-alert", cues.ruleScore() >= 2.0 ? 1.0 : 0.0);
    }
    if (set.sentiment()) {
      f.put("sentiment:min", cues.minTone());
      f.put("sentiment:mean", cues.meanTone());
      f.put("sentiment:max", cues.maxTone());
      f.put("sentiment:negative-share", cues.negativeShare());
    }
    f.values().removeIf(v -> v == 0.0);
    return f;
  }

  /** The lower-cased tokens of {@code text}, names replaced by their placeholders. */
  static List<String> tokens(WatchedTerms watched, String text) {
    String masked = watched.replaceAll(text,
        m -> " " + (WatchTerm.COMPETITOR.equals(m.kind()) ? COMPETITOR : BRAND) + " ");
    for (String other : ComplaintCues.otherEmployers(watched, text)) {
      masked = masked.replaceAll("(?<![\\p{L}\\p{N}_])" + Pattern.quote(other) + "(?![\\p{L}\\p{N}_])",
          " " + ORGANISATION + " ");
    }
    masked = URL.matcher(masked).replaceAll(" " + LINK + " ");
    masked = MENTION.matcher(masked).replaceAll(" " + HANDLE + " ");
    String lower = masked.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace('\u2018', '\'');
    List<String> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(lower);
    while (m.find()) {
      String t = m.group();
      out.add(Character.isDigit(t.codePointAt(0)) ? NUMBER : t);
    }
    return out;
  }

  private ComplaintFeatures() {}
}
