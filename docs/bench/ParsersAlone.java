// The source adapters alone, one thread, no Spark: each configured source of a job file read through
// SplitReader, twice (the second round is the warm figure). Argument: a job file, e.g. generated.conf.
import io.listeningpost.core.config.IngestLimits;
import io.listeningpost.core.config.ListeningPostConfig;
import io.listeningpost.core.config.SourceSpec;
import io.listeningpost.ingest.CollectingSink;
import io.listeningpost.ingest.read.InputOpener;
import io.listeningpost.ingest.read.SourceSplit;
import io.listeningpost.ingest.read.SplitReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

public class ParsersAlone {
  public static void main(String[] args) throws Exception {
    InputOpener local = (path, offset) -> {
      var in = Files.newInputStream(Path.of(path));
      in.skipNBytes(offset);
      return in;
    };
    ListeningPostConfig c = ListeningPostConfig.load(Path.of(args[0]), ListeningPostConfig.Overrides.none());
    for (int round = 1; round <= 2; round++) {
      for (SourceSpec s : c.sources()) {
        List<Path> files;
        try (var w = Files.walk(Path.of(s.path()))) {
          files = w.filter(Files::isRegularFile).sorted().toList();
        }
        long t = System.nanoTime();
        int n = 0;
        for (Path f : files) {
          CollectingSink sink = new CollectingSink();
          long len = Files.size(f);
          new SplitReader(local, IngestLimits.defaults()).read(new SourceSplit(s, f.toString(), 0, len, len), sink);
          n += sink.posts.size();
        }
        double sec = (System.nanoTime() - t) / 1e9;
        System.out.printf("round %d %s: %d posts in %.1f s = %.0f posts/s%n", round, s.name(), n, sec, n / sec);
      }
    }
  }
}
