package io.listeningpost.core;

import java.util.Locale;

/**
 * What a run did to one table. Each term is counted on its own, so that a row lost anywhere between
 * input and published table shows as a mismatch of read = written + deduplicated + quarantined.
 *
 * @param read candidate rows this run produced from its input, quarantined ones included
 * @param written rows of this run found in the published table (new or newer than what was there)
 * @param deduplicated rows the merge dropped because the same row was already in the input or the table
 * @param quarantined rows refused, each with a quarantine row saying why
 */
public record TableCounts(String table, long read, long written, long deduplicated, long quarantined) {
  public boolean reconciles() {
    return read == written + deduplicated + quarantined;
  }

  /** Rows read that the other terms do not account for; negative when rows appeared from nowhere. */
  public long unaccounted() {
    return read - written - deduplicated - quarantined;
  }

  /** In words, for a run that does not reconcile: the table and how many rows are missing or extra. */
  public String mismatch() {
    long n = unaccounted();
    return String.format(Locale.ROOT, "%s: %,d %s (read %,d, written %,d, deduplicated %,d, quarantined %,d)", table,
        Math.abs(n), n > 0 ? "rows missing" : "rows more than were read", read, written, deduplicated, quarantined);
  }
}
