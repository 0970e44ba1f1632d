package io.listeningpost.audiences.topics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Tokens for topic modelling. A token is a run of letters, digits, '-' and '#', lowercased, without
 * leading or trailing '-'; '#' stays so that #hashtags and terms like c# or q# keep their identity. A
 * token needs a letter (bare numbers say nothing about a topic) and 3 characters, or 2 when it carries a
 * '#' (c#, q#, f#). English stop words are dropped. The input is plain text: ingest has stripped HTML.
 */
public final class TopicText {
  /** Titles say what a post is about in a few words, so their tokens count twice against the body's. */
  public static final int TITLE_REPEATS = 2;

  private static final Set<String> STOP_WORDS = loadStopWords();

  private TopicText() {}

  public static List<String> tokens(String title, String text) {
    return tokens(title, text, TITLE_REPEATS);
  }

  /** Tokens of the title {@code titleRepeats} times, then the text's; nulls count as empty. */
  public static List<String> tokens(String title, String text, int titleRepeats) {
    List<String> titleTokens = words(title);
    List<String> out = new ArrayList<>(titleTokens.size() * titleRepeats + 64);
    for (int i = 0; i < titleRepeats; i++) {
      out.addAll(titleTokens);
    }
    out.addAll(words(text));
    return out;
  }

  static boolean isStopWord(String word) {
    return STOP_WORDS.contains(word);
  }

  private static List<String> words(String s) {
    List<String> out = new ArrayList<>();
    if (s == null) {
      return out;
    }
    int n = s.length();
    int i = 0;
    while (i < n) {
      while (i < n && !isTokenChar(s.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && isTokenChar(s.charAt(i))) {
        i++;
      }
      int end = i;
      while (start < end && s.charAt(start) == '-') {
        start++;
      }
      while (end > start && s.charAt(end - 1) == '-') {
        end--;
      }
      if (start < end) {
        String word = s.substring(start, end).toLowerCase(Locale.ROOT);
        if (keeps(word)) {
          out.add(word);
        }
      }
    }
    return out;
  }

  private static boolean isTokenChar(char c) {
    return Character.isLetterOrDigit(c) || c == '-' || c == '#';
  }

  private static boolean keeps(String word) {
    boolean hasLetter = false;
    boolean hasHash = false;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      hasLetter |= Character.isLetter(c);
      hasHash |= c == '#';
    }
    int minLength = hasHash ? 2 : 3;
    return hasLetter && word.length() >= minLength && !STOP_WORDS.contains(word);
  }

  private static Set<String> loadStopWords() {
    String resource = "stopwords-en.txt";
    try (InputStream in = TopicText.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource + " beside " + TopicText.class.getName());
      }
      Set<String> words = new HashSet<>();
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String w = line.strip();
        if (!w.isEmpty() && !w.startsWith("#")) {
          words.add(w);
        }
      }
      return Set.copyOf(words);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
