package io.listeningpost.core.config;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;

/** Parses the timestamps that sources write, all into UTC instants. */
public final class TimeFormats {
  /** Long enough for any real timestamp; garbage in a time field can be of any length. */
  private static final int QUOTED_MAX = 60;

  private TimeFormats() {}

  /** A problem with a {@code time-format} value, or null when it is usable. */
  public static String check(String format) {
    if (format == null) {
      return "must not be empty";
    }
    switch (format) {
      case "iso", "epoch-seconds", "epoch-millis" -> {
        return null;
      }
      default -> {
        try {
          DateTimeFormatter.ofPattern(format);
          return null;
        } catch (IllegalArgumentException e) {
          return "not iso, epoch-seconds, epoch-millis nor a valid java.time pattern (" + e.getMessage() + ")";
        }
      }
    }
  }

  /** Parses {@code value} in {@code format}; throws IllegalArgumentException with a readable message. */
  public static Instant parse(String value, String format) {
    String v = value.strip();
    try {
      return switch (format) {
        case "iso" -> parseIso(v);
        case "epoch-seconds" -> epoch(v, 1000);
        case "epoch-millis" -> epoch(v, 1);
        default -> fromPattern(v, DateTimeFormatter.ofPattern(format));
      };
    } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
      throw new IllegalArgumentException(unparseable(v) + " for time-format " + format);
    }
  }

  /**
   * The quarantine reason for a time value that is present but cannot be read: it quotes the value, cut
   * and on one line, so that the reason says what is wrong, unlike an absent time.
   */
  public static String unparseable(String value) {
    String v = value.strip().replaceAll("\\p{Cntrl}", " ");
    if (v.length() > QUOTED_MAX) {
      int end = Character.isHighSurrogate(v.charAt(QUOTED_MAX - 1)) ? QUOTED_MAX - 1 : QUOTED_MAX;
      v = v.substring(0, end) + "…";
    }
    return "unparseable time '" + v + "'";
  }

  private static Instant epoch(String v, long toMillis) {
    return Instant.ofEpochMilli(Math.round(Double.parseDouble(v) * toMillis));
  }

  /** ISO-8601 with or without offset (no offset means UTC), date-only, or with a space for the T. */
  public static Instant parseIso(String v) {
    String s = v.length() > 10 && v.charAt(10) == ' ' ? v.substring(0, 10) + 'T' + v.substring(11) : v;
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e2) {
        return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
    }
  }

  private static Instant fromPattern(String v, DateTimeFormatter f) {
    TemporalAccessor t = f.parseBest(v, ZonedDateTime::from, OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
    if (t instanceof ZonedDateTime z) {
      return z.toInstant();
    }
    if (t instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    if (t instanceof LocalDateTime l) {
      return l.toInstant(ZoneOffset.UTC);
    }
    return ((LocalDate) t).atStartOfDay(ZoneOffset.UTC).toInstant();
  }
}
