package io.listeningpost.testing;

import io.listeningpost.core.config.IngestLimits;
import io.listeningpost.core.config.SourceFormat;
import io.listeningpost.core.config.SourceSpec;
import io.listeningpost.ingest.CollectingSink;
import io.listeningpost.ingest.read.InputOpener;
import io.listeningpost.ingest.read.SourceSplit;
import io.listeningpost.ingest.read.SplitReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Runs adapters over files without Spark, as the Spark step does for each split. */
public final class Parse {
  public static final InputOpener LOCAL = (path, offset) -> {
    InputStream in = Files.newInputStream(Path.of(path));
    in.skipNBytes(offset);
    return in;
  };

  private Parse() {}

  public static CollectingSink files(SourceSpec spec, Path... paths) throws IOException {
    return files(spec, IngestLimits.defaults(), paths);
  }

  public static CollectingSink files(SourceSpec spec, IngestLimits limits, Path... paths) throws IOException {
    CollectingSink sink = new CollectingSink();
    SplitReader reader = new SplitReader(LOCAL, limits);
    for (Path root : paths) {
      List<Path> files;
      try (Stream<Path> walk = Files.walk(root)) {
        files = walk.filter(Files::isRegularFile).sorted().toList();
      }
      for (Path f : files) {
        long len = Files.size(f);
        reader.read(new SourceSplit(spec, f.toString(), 0, len, len), sink);
      }
    }
    return sink;
  }

  public static CollectingSink format(SourceFormat format, Path... paths) throws IOException {
    return files(SourceSpec.of(format, paths[0].toString()), paths);
  }
}
