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

  /** The features of one text; binary indicators have value 1. */
  public static Map<String, Double> extract(String text, SentimentLexicon lexicon) {
    return extract(SocialTokenizer.tokenize(text), lexicon);
  }

  public static Map<String, Double> extract(List<Token> tokens, SentimentLexicon lexicon) {
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
      String key = t.type() == Type.HASHTAG ? norm.substring(1) : norm;
      float[] lex = lexicon.get(key);
      if (lex != null) {
        float scale = boost * (t.allCaps() ? 1.5f : 1f) * (t.elongated() ? 1.3f : 1f) * (negated ? NEGATION_FLIP : 1f);
        for (int s = 0; s < SentimentLexicon.SOURCES; s++) {
          double v = lex[s] * scale;
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
      if (NEGATORS.contains(norm) || norm.endsWith("n't")) {
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
