package io.listeningpost.storage;

import io.listeningpost.core.CodeVersion;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Row;

/**
 * The key-value metadata in the footer of every Parquet file the pipeline writes: which table the file
 * belongs to, the schema version of {@link Tables}, the run that wrote it and the code version of that
 * run. A file copied out of the warehouse still says what it is.
 *
 * <p>Spark's Parquet writer takes no footer metadata by option, and it sets its own write support
 * class after the options are read; so Spark writes go through {@link KeyValueMetadataParquetFormat},
 * which hands the write to {@link KeyValueMetadataWriteSupport}, and the values travel as options of
 * the write, that is in the Hadoop configuration every write task gets. Every file of a write carries
 * the same values, however many tasks write it.
 */
public final class ParquetKeyValueMetadata {
  public static final String TABLE = "listening_post.table";
  public static final String SCHEMA_VERSION = "listening_post.schema_version";
  public static final String RUN_ID = "listening_post.run_id";
  public static final String CODE_VERSION = "listening_post.code_version";

  private static final String[] KEYS = {TABLE, SCHEMA_VERSION, RUN_ID, CODE_VERSION};

  private ParquetKeyValueMetadata() {}

  /** The metadata of a file of {@code table} written by run {@code runId}. */
  public static Map<String, String> of(String table, String runId) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(TABLE, table);
    m.put(SCHEMA_VERSION, Integer.toString(Tables.SCHEMA_VERSION));
    m.put(RUN_ID, runId);
    m.put(CODE_VERSION, CodeVersion.current());
    return m;
  }

  /**
   * {@code writer} set to write Parquet files that carry the metadata; finish it with
   * {@code save(path)}, as {@code parquet(path)} would go back to Spark's plain Parquet format.
   */
  public static DataFrameWriter<Row> parquetWriter(DataFrameWriter<Row> writer, String table, String runId) {
    return writer.format(KeyValueMetadataParquetFormat.class.getName()).options(of(table, runId));
  }

  /** The metadata a write's Hadoop configuration carries, as {@link #parquetWriter} put it there. */
  static Map<String, String> fromConfiguration(Configuration conf) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String key : KEYS) {
      String value = conf.get(key);
      if (value == null) {
        throw new IllegalStateException("a Parquet write without " + key + "; write tables through "
            + ParquetKeyValueMetadata.class.getSimpleName() + ".parquetWriter");
      }
      m.put(key, value);
    }
    return m;
  }
}
