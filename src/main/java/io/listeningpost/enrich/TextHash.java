package io.listeningpost.enrich;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The normalised text hash: the key of the NLP cache and of near-duplicate checks. Retweets,
 * reposts and cross-posts that differ only in case, spacing, Unicode form or a leading
 * "RT @handle:" hash the same, so their text is analysed once.
 *
 * <p>Enrich reads the texts of a day only where a post version has no row ({@link EnrichStep}), so rows
 * already written are not hashed again: a change here, or to {@link PostAnalyzer#fullText}, must come with
 * a new {@link EnrichStep#analysisVersion}, which has every post analysed again.
 */
public final class TextHash {
  private static final Pattern RETWEET_PREFIX = Pattern.compile("^rt @\\w+:?\\s*");
  private static final Pattern SPACE = Pattern.compile("\\s+");

  private TextHash() {}

  public static String normalise(String text) {
    String s = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    s = SPACE.matcher(s).replaceAll(" ").trim();
    return RETWEET_PREFIX.matcher(s).replaceFirst("");
  }

  /** 128 bits of SHA-256 over the normalised text, as 32 hex digits. */
  public static String of(String text) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(normalise(text).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
