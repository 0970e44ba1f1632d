package io.listeningpost.core;

import java.util.Locale;

/**
 * What a run did to one table. Each term is counted on its own, so that a row lost anywhere between
 * input and published table shows as a mismatch of read = written + deduplicated + quarantined + removed.
 *
 * @param read candidate rows this run produced from its input, quarantined ones included; for a run that
 *     removes rows (forget, retain), the rows the table held before
 * @param written rows of this run found in the published table (new or newer than what was there); for a
 *     run that removes rows, the rows the published table holds after
 * @param deduplicated rows the merge dropped because the same row was already in the input or the table
 * @param quarantined rows refused, each with a quarantine row saying why
 * @param removed rows taken out of the table: an erased author's, or those of partitions past retention
 */
public record TableCounts(String table, long read, long written, long deduplicated, long quarantined, long removed) {
  public TableCounts(String table, long read, long written, long deduplicated, long quarantined) {
    this(table, read, written, deduplicated, quarantined, 0);
  }

  /** The counts of a run that only removes rows: what the table held, what it holds, what was taken out. */
  public static TableCounts ofRemoval(String table, long before, long after, long removed) {
    return new TableCounts(table, before, after, 0, 0, removed);
  }

  public boolean reconciles() {
    return read == written + deduplicated + quarantined + removed;
  }

  /** Rows read that the other terms do not account for; negative when rows appeared from nowhere. */
  public long unaccounted() {
    return read - written - deduplicated - quarantined - removed;
  }

  /** In words, for a run that does not reconcile: the table and how many rows are missing or extra. */
  public String mismatch() {
    long n = unaccounted();
    return String.format(Locale.ROOT, "%s: %,d %s (read %,d, written %,d, deduplicated %,d, quarantined %,d%s)", table,
        Math.abs(n), n > 0 ? "rows missing" : "rows more than were read", read, written, deduplicated, quarantined,
        removed == 0 ? "" : String.format(Locale.ROOT, ", removed %,d", removed));
  }
}
