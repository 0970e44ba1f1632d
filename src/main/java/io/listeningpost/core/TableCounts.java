package io.listeningpost.core;

/**
 * What a run did to one table. For every table: read = written + deduplicated + quarantined.
 *
 * @param read candidate rows this run produced from its input, quarantined ones included
 * @param written rows of this run that are in the table after it (new or newer than what was there)
 * @param deduplicated rows dropped because the same row was already in the input or the table
 * @param quarantined rows refused, each with a quarantine row saying why
 */
public record TableCounts(String table, long read, long written, long deduplicated, long quarantined) {
  public boolean reconciles() {
    return read == written + deduplicated + quarantined;
  }
}
