package io.listeningpost.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.KeyValue;
import org.apache.parquet.format.Util;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Reads warehouse Parquet files with parquet-hadoop alone, no Spark: a file's footer (row count and
 * the {@link ParquetKeyValueMetadata} a run put there) and, for small tables, its rows. Columns are
 * read by name from each file's own schema, so files of older and newer schema versions both read.
 */
public final class ParquetTableReader {
  private static final long JULIAN_DAY_OF_EPOCH = 2_440_588L;

  private static final String MAGIC = "PAR1";

  private final FileSystem fs;
  private final Configuration conf;

  /**
   * Footers are read past a checksummed file system (the local one) to the files themselves: its
   * checksum files doubled the opens and made each footer three to four times slower, and a damaged
   * footer already fails to decode.
   */
  public ParquetTableReader(FileSystem fs, Configuration conf) {
    this.fs = fs instanceof ChecksumFileSystem checksummed ? checksummed.getRawFileSystem() : fs;
    this.conf = conf;
  }

  /** What a file's footer says about it. */
  public record Footer(Path path, long modifiedMillis, long rows, Map<String, String> keyValueMetadata) {
    public String metadata(String key) {
      return keyValueMetadata.get(key);
    }
  }

  /**
   * Reads the footer's Thrift structure itself, without its row groups: the row count and the key-value
   * metadata are top-level fields, and parquet-hadoop's whole-footer conversion (schema, every column
   * chunk) cost several times as much per file, which counts in a warehouse of thousands of files.
   */
  public Footer footer(FileStatus file) throws IOException {
    long length = file.getLen();
    if (length < 12) {
      throw new IOException("not a Parquet file: " + length + " bytes");
    }
    try (FSDataInputStream in = fs.open(file.getPath())) {
      byte[] tail = new byte[8];
      in.readFully(length - 8, tail);
      if (!MAGIC.equals(new String(tail, 4, 4, StandardCharsets.US_ASCII))) {
        throw new IOException("not a plain Parquet file: it does not end with " + MAGIC);
      }
      int footerLength = ByteBuffer.wrap(tail, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
      if (footerLength <= 0 || footerLength > length - 12) {
        throw new IOException("damaged Parquet file: footer length " + footerLength + " in " + length + " bytes");
      }
      byte[] footer = new byte[footerLength];
      in.readFully(length - 8 - footerLength, footer);
      FileMetaData meta = Util.readFileMetaData(new ByteArrayInputStream(footer), true);
      Map<String, String> keyValues = new LinkedHashMap<>();
      if (meta.getKey_value_metadata() != null) {
        for (KeyValue kv : meta.getKey_value_metadata()) {
          keyValues.put(kv.getKey(), kv.getValue());
        }
      }
      return new Footer(file.getPath(), file.getModificationTime(), meta.getNum_rows(),
          Collections.unmodifiableMap(keyValues));
    }
  }

  /** Every row of {@code file}. */
  public List<ParquetRow> rows(Path file) throws IOException {
    List<ParquetRow> rows = new ArrayList<>();
    try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(), file).withConf(conf).build()) {
      for (Group g = reader.read(); g != null; g = reader.read()) {
        rows.add(struct(g));
      }
    }
    return rows;
  }

  private static ParquetRow struct(Group g) {
    GroupType type = g.getType();
    Map<String, Object> columns = new LinkedHashMap<>();
    for (int i = 0; i < type.getFieldCount(); i++) {
      Type field = type.getType(i);
      int count = g.getFieldRepetitionCount(i);
      Object value;
      if (field.isRepetition(Type.Repetition.REPEATED)) {
        List<Object> values = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
          values.add(value(g, i, k, field));
        }
        value = values;
      } else {
        value = count == 0 ? null : value(g, i, 0, field);
      }
      columns.put(field.getName(), value);
    }
    return new ParquetRow(columns);
  }

  private static Object value(Group g, int field, int index, Type type) {
    if (!type.isPrimitive()) {
      Group child = g.getGroup(field, index);
      if (type.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation) {
        return list(child);
      }
      return struct(child);
    }
    PrimitiveType p = type.asPrimitiveType();
    LogicalTypeAnnotation logical = p.getLogicalTypeAnnotation();
    return switch (p.getPrimitiveTypeName()) {
      case BOOLEAN -> g.getBoolean(field, index);
      case INT32 -> logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation
          ? LocalDate.ofEpochDay(g.getInteger(field, index)) : (Object) (long) g.getInteger(field, index);
      case INT64 -> logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation t
          ? timestamp(g.getLong(field, index), t.getUnit()) : (Object) g.getLong(field, index);
      case INT96 -> int96(g.getInt96(field, index).toByteBuffer());
      case FLOAT -> (double) g.getFloat(field, index);
      case DOUBLE -> g.getDouble(field, index);
      case BINARY, FIXED_LEN_BYTE_ARRAY -> g.getString(field, index);
    };
  }

  /**
   * The elements of a LIST group: the standard three levels ({@code repeated group list { element }})
   * or the legacy two, where the repeated field is the element itself.
   */
  private static List<Object> list(Group listGroup) {
    List<Object> out = new ArrayList<>();
    Type repeated = listGroup.getType().getType(0);
    int n = listGroup.getFieldRepetitionCount(0);
    boolean threeLevel = !repeated.isPrimitive() && repeated.asGroupType().getFieldCount() == 1
        && !repeated.getName().equals("array") && !repeated.getName().endsWith("_tuple");
    for (int k = 0; k < n; k++) {
      if (threeLevel) {
        Group entry = listGroup.getGroup(0, k);
        Type element = entry.getType().getType(0);
        out.add(entry.getFieldRepetitionCount(0) == 0 ? null : value(entry, 0, 0, element));
      } else {
        out.add(value(listGroup, 0, k, repeated));
      }
    }
    return out;
  }

  private static Instant timestamp(long value, LogicalTypeAnnotation.TimeUnit unit) {
    return switch (unit) {
      case MILLIS -> Instant.ofEpochMilli(value);
      case MICROS -> Instant.EPOCH.plus(value, ChronoUnit.MICROS);
      case NANOS -> Instant.EPOCH.plusNanos(value);
    };
  }

  /** Spark's legacy INT96 timestamps: nanoseconds of the day, then the Julian day, little-endian. */
  private static Instant int96(ByteBuffer bytes) {
    ByteBuffer b = bytes.order(ByteOrder.LITTLE_ENDIAN);
    long nanosOfDay = b.getLong();
    long julianDay = Integer.toUnsignedLong(b.getInt());
    return Instant.EPOCH.plus(julianDay - JULIAN_DAY_OF_EPOCH, ChronoUnit.DAYS).plusNanos(nanosOfDay);
  }
}
