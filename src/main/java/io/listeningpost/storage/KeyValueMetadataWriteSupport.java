package io.listeningpost.storage;

import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.execution.datasources.parquet.ParquetWriteSupport;

/**
 * Spark's Parquet write support, with {@link ParquetKeyValueMetadata} added to the footer metadata
 * Spark writes (its row schema and version), read from the write's Hadoop configuration.
 */
public final class KeyValueMetadataWriteSupport extends ParquetWriteSupport {
  @Override
  public WriteContext init(Configuration configuration) {
    WriteContext spark = super.init(configuration);
    Map<String, String> metadata = new HashMap<>(spark.getExtraMetaData());
    metadata.putAll(ParquetKeyValueMetadata.fromConfiguration(configuration));
    return new WriteContext(spark.getSchema(), metadata);
  }
}
