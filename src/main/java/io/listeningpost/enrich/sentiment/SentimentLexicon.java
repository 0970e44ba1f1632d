package io.listeningpost.enrich.sentiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Prior polarity of words, emoticons and emoji from four public lexicons: VADER (valence -4..4),
 * AFINN-165 (-5..5), Bing Liu's opinion lexicon (-1 or 1) and the Emoji Sentiment Ranking
 * ((positive - negative) / occurrences). Each source keeps its own scale; the classifier learns how
 * much to trust each.
 */
public final class SentimentLexicon {
  public static final int VADER = 0;
  public static final int AFINN = 1;
  public static final int BING = 2;
  public static final int EMOJI = 3;
  /** Learnt from the Sentiment140 sample by {@link DistantLexicon}: distant supervision from emoticons. */
  public static final int DISTANT = 4;
  public static final int SOURCES = 5;
  static final String[] NAMES = {"vader", "afinn", "bing", "emoji", "s140"};

  /** Emoji seen fewer times than this in the ranking's corpus are too noisy to use. */
  private static final int MIN_EMOJI_OCCURRENCES = 5;

  private final Map<String, float[]> entries;

  SentimentLexicon(Map<String, float[]> entries) {
    this.entries = entries;
  }

  /** The scores of a normalised token, one per source (0 where a source has no entry), or null. */
  public float[] get(String norm) {
    return entries.get(norm);
  }

  Map<String, float[]> entries() {
    return entries;
  }

  public int size() {
    return entries.size();
  }

  /** This lexicon with {@code scores} as its {@link #DISTANT} source. */
  public SentimentLexicon withDistant(Map<String, Float> scores) {
    Map<String, float[]> map = new HashMap<>();
    entries.forEach((k, v) -> map.put(k, v.clone()));
    scores.forEach((term, score) -> map.computeIfAbsent(term, k -> new float[SOURCES])[DISTANT] = score);
    return new SentimentLexicon(map);
  }

  /** Reads the four lexicons from their folders under {@code datasets} (../shared/datasets). */
  public static SentimentLexicon load(Path datasets) throws IOException {
    Map<String, float[]> map = new HashMap<>();
    try (BufferedReader r = Files.newBufferedReader(datasets.resolve("vader-lexicon/vader_lexicon.txt"),
        StandardCharsets.UTF_8)) {
      for (String line; (line = r.readLine()) != null; ) {
        String[] f = line.split("\t");
        if (f.length >= 2) {
          put(map, f[0].toLowerCase(Locale.ROOT), VADER, Float.parseFloat(f[1]));
        }
      }
    }
    for (String file : new String[] {"afinn/AFINN-en-165.txt", "afinn/AFINN-emoticon-8.txt"}) {
      try (BufferedReader r = Files.newBufferedReader(datasets.resolve(file), StandardCharsets.UTF_8)) {
        for (String line; (line = r.readLine()) != null; ) {
          String[] f = line.split("\t");
          if (f.length == 2 && !f[0].contains(" ")) {
            put(map, f[0].toLowerCase(Locale.ROOT), AFINN, Float.parseFloat(f[1].trim()));
          }
        }
      }
    }
    readBing(map, datasets.resolve("bing-liu-opinion-lexicon/positive-words.txt"), 1f);
    readBing(map, datasets.resolve("bing-liu-opinion-lexicon/negative-words.txt"), -1f);
    try (BufferedReader r = Files.newBufferedReader(
        datasets.resolve("emoji-sentiment-ranking/Emoji_Sentiment_Data_v1.0.csv"), StandardCharsets.UTF_8)) {
      r.readLine();
      for (String line; (line = r.readLine()) != null; ) {
        String[] f = line.split(",");
        if (f.length < 7) {
          continue;
        }
        int occurrences = Integer.parseInt(f[2]);
        if (occurrences >= MIN_EMOJI_OCCURRENCES) {
          float score = (Integer.parseInt(f[6]) - Integer.parseInt(f[4])) / (float) occurrences;
          put(map, new String(Character.toChars(Integer.decode(f[1]))), EMOJI, score);
        }
      }
    }
    return new SentimentLexicon(map);
  }

  private static void readBing(Map<String, float[]> map, Path file, float polarity) throws IOException {
    // The lists are Latin-1 with a comment header starting with ';'.
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
      for (String line; (line = r.readLine()) != null; ) {
        String w = line.trim();
        if (!w.isEmpty() && !w.startsWith(";")) {
          put(map, w.toLowerCase(Locale.ROOT), BING, polarity);
        }
      }
    }
  }

  private static void put(Map<String, float[]> map, String term, int source, float value) {
    map.computeIfAbsent(term, k -> new float[SOURCES])[source] = value;
    // Elongated spellings are squeezed before lookup, so index the squeezed form too ("cooool" → "cool").
    String squeezed = SocialTokenizer.squeeze(term);
    if (!squeezed.equals(term)) {
      map.computeIfAbsent(squeezed, k -> new float[SOURCES])[source] = value;
    }
  }
}
