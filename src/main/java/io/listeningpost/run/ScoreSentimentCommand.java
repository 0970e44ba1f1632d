package io.listeningpost.run;

import io.listeningpost.enrich.sentiment.PostSentimentScorer;
import io.listeningpost.enrich.sentiment.SocialSentimentModel;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "score-sentiment", mixinStandardHelpOptions = true,
    description = {"Score one text per line with the social sentiment model: exactly one label<TAB>score line out",
        "per line in, in order. Empty lines, and lines with no words (symbols, binary), get neutral<TAB>0.",
        "Lines longer than --max-chars are scored on their first --max-chars characters."})
final class ScoreSentimentCommand implements Callable<Integer> {
  @Option(names = "--in", required = true, paramLabel = "FILE", description = "UTF-8 text, one text per line; - for stdin.")
  String in;

  @Option(names = "--out", paramLabel = "FILE", description = "Output file (default: stdout).")
  Path out;

  @Option(names = "--max-chars", defaultValue = "20000", description = "Characters of a line that are scored (default: ${DEFAULT-VALUE}).")
  int maxChars;

  @Override
  public Integer call() throws IOException {
    if (!"-".equals(in) && !Files.isRegularFile(Path.of(in))) {
      System.err.println("--in " + in + ": no such file");
      return 2;
    }
    PostSentimentScorer scorer = new PostSentimentScorer(SocialSentimentModel.shipped());
    long lines = 0;
    long unscored = 0;
    long cut = 0;
    long started = System.nanoTime();
    try (InputStream is = "-".equals(in) ? System.in : Files.newInputStream(Path.of(in));
         Reader r = new InputStreamReader(is, StandardCharsets.UTF_8.newDecoder()
             .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
         OutputStream os = out == null ? System.out : Files.newOutputStream(out);
         Writer w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16)) {
      BoundedLines reader = new BoundedLines(r, maxChars);
      for (String line; (line = reader.next()) != null; ) {
        lines++;
        cut += reader.lastWasCut() ? 1 : 0;
        String text = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        if (text.isBlank() || !hasWords(text)) {
          unscored++;
          w.write("neutral\t0\n");
          continue;
        }
        PostSentimentScorer.Sentiment s = scorer.social(text);
        w.write(s.label() + "\t" + String.format(Locale.ROOT, "%.4f", s.score()) + "\n");
      }
    }
    double secs = (System.nanoTime() - started) / 1e9;
    System.err.printf("score-sentiment: %,d lines scored in %.1f s (%,.0f lines/s); %,d empty or without words "
        + "(neutral 0); %,d cut to %,d characters; model %s%n", lines, secs, lines / Math.max(secs, 1e-9), unscored,
        cut, maxChars, SocialSentimentModel.shipped().version());
    return 0;
  }

  private static boolean hasWords(String s) {
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.OTHER_SYMBOL) {
        return true;
      }
      i += Character.charCount(cp);
    }
    return false;
  }

  /** Lines of at most {@code max} characters; the rest of a longer line is skipped, never buffered. */
  static final class BoundedLines {
    private final Reader reader;
    private final int max;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int len;
    private boolean cut;

    BoundedLines(Reader reader, int max) {
      this.reader = reader;
      this.max = max;
    }

    boolean lastWasCut() {
      return cut;
    }

    String next() throws IOException {
      StringBuilder sb = new StringBuilder();
      cut = false;
      boolean any = false;
      while (true) {
        if (pos == len) {
          len = reader.read(buf, 0, buf.length);
          pos = 0;
          if (len <= 0) {
            len = 0;
            return any ? sb.toString() : null;
          }
        }
        any = true;
        char c = buf[pos++];
        if (c == '\n') {
          return sb.toString();
        }
        if (sb.length() < max) {
          sb.append(c);
        } else {
          cut = true;
        }
      }
    }
  }
}
