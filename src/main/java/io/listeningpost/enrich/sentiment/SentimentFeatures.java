package io.listeningpost.enrich.sentiment;

import io.listeningpost.enrich.sentiment.SocialTokenizer.Token;
import io.listeningpost.enrich.sentiment.SocialTokenizer.Type;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns social text into the sparse features of the sentiment classifier: word and bigram
 * indicators with negation scope, and real-valued lexicon and style signals (emoji, emoticons,
 * hashtags, elongation, capitals, intensifiers, "but" clauses).
 */
public final class SentimentFeatures {
  static final Set<String> NEGATORS = Set.of("not", "no", "never", "nor", "neither", "nobody", "nothing", "none",
      "nowhere", "without", "cannot", "cant", "dont", "doesnt", "didnt", "isnt", "wasnt", "arent", "werent",
      "wont", "wouldnt", "shouldnt", "couldnt", "havent", "hasnt", "hadnt", "aint", "lack", "lacks", "hardly");
  static final Set<String> INTENSIFIERS = Set.of("very", "really", "so", "extremely", "absolutely", "totally",
      "completely", "incredibly", "super", "too", "most", "highly", "truly", "utterly", "deeply", "such",
      "fucking", "freaking", "damn", "quite", "especially", "exceptionally", "insanely", "seriously");
  static final Set<String> DAMPENERS = Set.of("somewhat", "slightly", "kinda", "kind", "sort", "sorta",
      "barely", "little", "bit", "marginally", "partly", "occasionally");
  /** VADER's measured factor for a negated sentiment word. */
  private static final float NEGATION_FLIP = -0.74f;

  private SentimentFeatures() {}

  static boolean isNegator(String norm) {
    return NEGATORS.contains(norm) || norm.endsWith("n't");
  }

  /** The features of one text; binary indicators have value 1. */
  public static Map<String, Double> extract(String text, SentimentLexicon lexicon, boolean charNgrams) {
    return extract(SocialTokenizer.tokenize(text), lexicon, charNgrams);
  }

  /**
   * @param charNgrams also character 3- to 5-grams of each word (with ^ and $ marking its ends), which
   *     carry misspellings, elongations and word forms the training set did not have
   */
  public static Map<String, Double> extract(List<Token> tokens, SentimentLexicon lexicon, boolean charNgrams) {
    Map<String, Double> f = new HashMap<>(tokens.size() * 4 + 16);
    double[] pos = new double[SentimentLexicon.SOURCES];
    double[] neg = new double[SentimentLexicon.SOURCES];
    double[] afterBut = new double[SentimentLexicon.SOURCES];
    double[] last = new double[SentimentLexicon.SOURCES];
    boolean negated = false;
    float boost = 1f;
    boolean butSeen = false;
    int caps = 0;
    int elongated = 0;
    int words = 0;
    String prev = "<s>";
    for (Token t : tokens) {
      String norm = t.norm();
      if (t.type() == Type.PUNCT) {
        if (!norm.equals("\"") && !norm.equals("-")) {
          negated = false;
        }
        if (norm.equals("!!") || norm.equals("?!") || norm.equals("??") || norm.equals("!") || norm.equals("?")) {
          f.merge("p:" + norm, 1.0, Double::sum);
        }
        prev = norm;
        continue;
      }
      if (t.type() == Type.WORD) {
        words++;
      }
      if (t.allCaps()) {
        caps++;
      }
      if (t.elongated()) {
        elongated++;
      }
      String unit = (negated ? "n:" : "w:") + norm;
      f.put(unit, 1.0);
      f.put("b:" + prev + "_" + norm, 1.0);
      if (charNgrams && t.type() == Type.WORD) {
        String w = "^" + norm + "$";
        for (int n = 3; n <= 5; n++) {
          for (int i = 0; i + n <= w.length(); i++) {
            f.put("c:" + w.substring(i, i + n), 1.0);
          }
        }
      }
      String key = t.type() == Type.HASHTAG ? norm.substring(1) : norm;
      float[] lex = lexicon.get(key);
      // The distant lexicon learnt negated words on their own ("n:good"); the others are flipped.
      float[] negatedLex = negated ? lexicon.get("n:" + key) : null;
      if (lex != null || negatedLex != null) {
        float emphasis = boost * (t.allCaps() ? 1.5f : 1f) * (t.elongated() ? 1.3f : 1f);
        for (int s = 0; s < SentimentLexicon.SOURCES; s++) {
          double v;
          if (s == SentimentLexicon.DISTANT && negated) {
            v = negatedLex == null ? 0 : negatedLex[s] * emphasis;
          } else {
            v = lex == null ? 0 : lex[s] * emphasis * (negated ? NEGATION_FLIP : 1f);
          }
          if (v > 0) {
            pos[s] += v;
          } else {
            neg[s] -= v;
          }
          if (butSeen) {
            afterBut[s] += v;
          }
          if (v != 0) {
            last[s] = v;
          }
        }
      }
      boost = INTENSIFIERS.contains(norm) ? 1.4f : DAMPENERS.contains(norm) ? 0.6f : 1f;
      if (isNegator(norm)) {
        negated = true;
      }
      if (norm.equals("but") || norm.equals("however") || norm.equals("though")) {
        butSeen = true;
        java.util.Arrays.fill(afterBut, 0);
      }
      prev = norm;
    }
    f.put("b:" + prev + "_</s>", 1.0);
    for (int s = 0; s < SentimentLexicon.SOURCES; s++) {
      String n = SentimentLexicon.NAMES[s];
      if (pos[s] > 0) {
        f.put("lex:" + n + ":pos", Math.log1p(pos[s]));
      }
      if (neg[s] > 0) {
        f.put("lex:" + n + ":neg", Math.log1p(neg[s]));
      }
      double net = pos[s] - neg[s];
      if (net != 0) {
        f.put("lex:" + n + ":net", Math.signum(net) * Math.log1p(Math.abs(net)));
      }
      if (butSeen && afterBut[s] != 0) {
        f.put("lex:" + n + ":after-but", Math.signum(afterBut[s]) * Math.log1p(Math.abs(afterBut[s])));
      }
      if (last[s] != 0) {
        f.put("lex:" + n + ":last", Math.signum(last[s]) * Math.log1p(Math.abs(last[s])));
      }
    }
    if (caps > 0) {
      f.put("style:caps", Math.log1p(caps));
    }
    if (elongated > 0) {
      f.put("style:elongated", Math.log1p(elongated));
    }
    f.put("style:length", Math.log1p(words) / 4.0);
    f.put("bias", 1.0);
    return f;
  }
}
