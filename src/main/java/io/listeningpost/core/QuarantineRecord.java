package io.listeningpost.core;

/**
 * An input record, or a whole file, that could not be turned into canonical rows.
 *
 * @param table the table the record was meant for ({@code posts}, {@code authors}) or {@code _files}
 *     for a file that could not be read at all
 * @param position where in the file: {@code line N}, {@code byte N} or {@code element N}
 * @param excerpt the start of the raw record, cut to a documented length
 */
public record QuarantineRecord(
    String source, String format, String table, String position, String excerpt, String reason) {

  /** Raw excerpts are kept short: enough to find and recognise the record, never a whole file. */
  public static final int EXCERPT_CHARS = 500;

  public static String excerptOf(String raw) {
    if (raw == null) {
      return null;
    }
    String clean = TextLimits.stripControl(raw);
    return clean.length() <= EXCERPT_CHARS ? clean : TextLimits.cut(clean, EXCERPT_CHARS) + "…";
  }
}
