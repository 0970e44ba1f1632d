package io.listeningpost.storage;

import java.io.IOException;
import java.sql.Date;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.MessageType;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.execution.datasources.parquet.SparkToParquetSchemaConverter;
import org.apache.spark.sql.internal.SQLConf;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Writes one {@code dt} partition of a warehouse table straight through parquet-hadoop, for
 * commands whose rows are already on the driver and small (the edge-list graph command): no Spark
 * session to start. The Parquet schema is Spark's own conversion of the table's schema, and the
 * layout ({@code <table>/dt=YYYY-MM-DD/part-….parquet}) is what Spark writes, so Spark, DuckDB and
 * pandas read the result exactly like a table Spark wrote.
 *
 * <p>Supports the column types of the graph tables: string, int, long, double, boolean, date, and
 * lists of strings or of structs of those.
 */
public final class ParquetPartitionWriter {
  private ParquetPartitionWriter() {}

  /**
   * Replaces partition {@code dt} of {@code table} under {@code warehouse}; the file carries the
   * table's {@link ParquetKeyValueMetadata} for run {@code runId}.
   */
  public static Path write(String warehouse, String table, Date dt, List<Row> rows, String runId) throws IOException {
    StructType schema = Tables.schemaOf(table);
    StructType data = new StructType(java.util.Arrays.copyOf(schema.fields(), schema.fields().length - 1));
    MessageType type = new SparkToParquetSchemaConverter(new SQLConf()).convert(data);
    Configuration conf = new Configuration();
    Path partition = new Path(new Path(warehouse, table), "dt=" + dt);
    FileSystem fs = partition.getFileSystem(conf);
    fs.delete(partition, true);
    Path file = new Path(partition, "part-00000.snappy.parquet");
    SimpleGroupFactory groups = new SimpleGroupFactory(type);
    try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(file).withConf(conf).withType(type)
        .withCompressionCodec(CompressionCodecName.SNAPPY)
        .withExtraMetaData(ParquetKeyValueMetadata.of(table, runId)).build()) {
      for (Row row : rows) {
        Group g = groups.newGroup();
        fill(g, data, row);
        writer.write(g);
      }
    }
    return file;
  }

  private static void fill(Group g, StructType type, Row row) {
    StructField[] fields = type.fields();
    for (int i = 0; i < fields.length; i++) {
      if (!row.isNullAt(i)) {
        add(g, fields[i].name(), fields[i].dataType(), row.get(i));
      }
    }
  }

  private static void add(Group g, String name, DataType t, Object v) {
    if (t instanceof ArrayType a) {
      // Spark's standard three-level list: <name> (LIST) { repeated group list { element } }.
      Group list = g.addGroup(name);
      Object[] items = v instanceof scala.collection.Seq<?> s
          ? scala.collection.JavaConverters.seqAsJavaList(s).toArray() : (Object[]) v;
      for (Object item : items) {
        Group entry = list.addGroup("list");
        if (item != null) {
          add(entry, "element", a.elementType(), item);
        }
      }
    } else if (t instanceof StructType s) {
      fill(g.addGroup(name), s, (Row) v);
    } else if (t.equals(DataTypes.StringType)) {
      g.append(name, (String) v);
    } else if (t.equals(DataTypes.IntegerType)) {
      g.append(name, (Integer) v);
    } else if (t.equals(DataTypes.LongType)) {
      g.append(name, (Long) v);
    } else if (t.equals(DataTypes.DoubleType)) {
      g.append(name, (Double) v);
    } else if (t.equals(DataTypes.BooleanType)) {
      g.append(name, (Boolean) v);
    } else if (t.equals(DataTypes.DateType)) {
      g.append(name, (int) ((Date) v).toLocalDate().toEpochDay());
    } else {
      throw new IllegalArgumentException("column " + name + ": type " + t + " is not supported here");
    }
  }
}
