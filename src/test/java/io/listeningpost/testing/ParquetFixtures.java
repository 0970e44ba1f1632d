package io.listeningpost.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * Writes small Parquet files with parquet-hadoop, for tests of Spark-free readers: the schema as Parquet
 * text (copy Spark's from a real file's footer to get its layout, three-level lists included) and the
 * footer's key-value metadata.
 */
public final class ParquetFixtures {
  private ParquetFixtures() {}

  /** Writes {@code file} (folders included) with one row per group that {@code rows} builds. */
  public static void write(Path file, String schema, Map<String, String> metadata,
      Function<SimpleGroupFactory, List<Group>> rows) throws IOException {
    MessageType type = MessageTypeParser.parseMessageType(schema);
    Files.createDirectories(file.getParent());
    try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new org.apache.hadoop.fs.Path(file.toUri()))
        .withConf(new Configuration()).withType(type).withCompressionCodec(CompressionCodecName.SNAPPY)
        .withExtraMetaData(metadata).build()) {
      for (Group g : rows.apply(new SimpleGroupFactory(type))) {
        writer.write(g);
      }
    }
  }
}
