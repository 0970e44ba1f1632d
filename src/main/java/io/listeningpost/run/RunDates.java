package io.listeningpost.run;

import io.listeningpost.core.config.ConfigException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** The dates a data command runs for. */
final class RunDates {
  private RunDates() {}

  /** The last whole day in {@code zone}: the default run date, so that a nightly run after midnight covers the day. */
  static LocalDate yesterday(ZoneId zone, Clock clock) {
    return LocalDate.now(clock.withZone(zone)).minusDays(1);
  }

  /** A command-line date, or a usage error naming the option. */
  static LocalDate parse(String option, String value) {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new ConfigException("command line", List.of(option + " = " + value + ": expected YYYY-MM-DD"));
    }
  }

  /** Every day from {@code from} to {@code to}, both included; a usage error when {@code from} is later. */
  static List<LocalDate> range(LocalDate from, LocalDate to) {
    if (from.isAfter(to)) {
      throw new ConfigException("command line", List.of("--from = " + from + " is after --to = " + to
          + ": a backfill runs from the earlier day to the later one"));
    }
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      days.add(d);
    }
    return days;
  }
}
