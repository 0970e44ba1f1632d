package io.listeningpost.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;

/** Reads a table folder's Parquet files with parquet-hadoop, for tests that do not start Spark. */
public final class ParquetFiles {
  private ParquetFiles() {}

  /** Every row of every .parquet file under {@code table}, partitions included. */
  public static List<Group> rows(Path table) throws IOException {
    List<Group> rows = new ArrayList<>();
    try (Stream<Path> files = Files.walk(table)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".parquet")).sorted().toList()) {
        try (ParquetReader<Group> r = ParquetReader.builder(new GroupReadSupport(),
            new org.apache.hadoop.fs.Path(f.toUri())).build()) {
          for (Group g; (g = r.read()) != null; ) {
            rows.add(g);
          }
        }
      }
    }
    return rows;
  }
}
