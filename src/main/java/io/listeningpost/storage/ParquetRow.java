package io.listeningpost.storage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row read from a Parquet file without Spark, its columns by name in file order. Values are
 * {@code String}, {@code Long} (every integer type), {@code Double}, {@code Boolean}, {@link LocalDate}
 * (dates), {@link Instant} (timestamps), {@code List} (arrays) and {@code ParquetRow} (structs); a
 * null or absent column reads as null, so a reader works on files written before and after columns
 * were added.
 */
public final class ParquetRow {
  private final Map<String, Object> columns;

  ParquetRow(Map<String, Object> columns) {
    this.columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
  }

  /** Every column the file holds, null ones included, in file order. */
  public Map<String, Object> columns() {
    return columns;
  }

  public Object get(String column) {
    return columns.get(column);
  }

  public String string(String column) {
    Object v = columns.get(column);
    return v == null ? null : v.toString();
  }

  public Long number(String column) {
    return columns.get(column) instanceof Number n ? n.longValue() : null;
  }

  public LocalDate date(String column) {
    return columns.get(column) instanceof LocalDate d ? d : null;
  }

  public Instant instant(String column) {
    return columns.get(column) instanceof Instant i ? i : null;
  }

  /** The structs of an array-of-structs column; empty when the column is absent or null. */
  public List<ParquetRow> rows(String column) {
    if (columns.get(column) instanceof List<?> list) {
      return list.stream().filter(ParquetRow.class::isInstance).map(ParquetRow.class::cast).toList();
    }
    return List.of();
  }

  @Override
  public String toString() {
    return columns.toString();
  }
}
