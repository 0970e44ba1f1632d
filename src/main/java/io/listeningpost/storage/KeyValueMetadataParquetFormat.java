package io.listeningpost.storage;

import org.apache.hadoop.mapreduce.Job;
import org.apache.parquet.hadoop.ParquetOutputFormat;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.datasources.OutputWriterFactory;
import org.apache.spark.sql.execution.datasources.parquet.ParquetFileFormat;
import org.apache.spark.sql.types.StructType;

/**
 * Spark's Parquet file format, writing through {@link KeyValueMetadataWriteSupport} so that every file
 * carries {@link ParquetKeyValueMetadata}. Spark names its own write support in the job's configuration
 * while preparing the write; this replaces the name right after, before the configuration is sent to
 * the write tasks. Reading is Spark's Parquet reading, unchanged.
 */
public final class KeyValueMetadataParquetFormat extends ParquetFileFormat {
  private static final long serialVersionUID = 1L;

  @Override
  public OutputWriterFactory prepareWrite(SparkSession sparkSession, Job job,
      scala.collection.immutable.Map<String, String> options, StructType dataSchema) {
    OutputWriterFactory factory = super.prepareWrite(sparkSession, job, options, dataSchema);
    ParquetOutputFormat.setWriteSupportClass(job, KeyValueMetadataWriteSupport.class);
    return factory;
  }
}
