import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * A synthetic interaction network for the graph benchmark: {@code edges} weighted, directed edges
 * among {@code nodes} authors in {@code communities} communities. Activity and popularity follow
 * power laws (a few authors write and receive most replies), and 80% of replies stay inside the
 * author's community. Deterministic for a seed.
 *
 * Usage: java SyntheticEdges.java OUT EDGES NODES COMMUNITIES SEED
 */
public class SyntheticEdges {
  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    long edges = Long.parseLong(args[1]);
    int nodes = Integer.parseInt(args[2]);
    int communities = Integer.parseInt(args[3]);
    SplittableRandom r = new SplittableRandom(Long.parseLong(args[4]));
    int perCommunity = nodes / communities;
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.US_ASCII)) {
      w.write("# synthetic interaction network: " + edges + " edges, " + nodes + " nodes, " + communities
          + " communities, seed " + args[4] + "\n");
      StringBuilder sb = new StringBuilder(64);
      for (long e = 0; e < edges; e++) {
        int src = zipf(r, nodes);
        int community = src / perCommunity % communities;
        int target;
        if (r.nextDouble() < 0.8) {
          target = community * perCommunity + zipf(r, perCommunity);
        } else {
          target = zipf(r, nodes);
        }
        if (target == src) {
          target = (target + 1) % nodes;
        }
        sb.setLength(0);
        sb.append('u').append(src).append(' ').append('u').append(target).append(' ').append(1 + r.nextInt(3)).append('\n');
        w.write(sb.toString());
      }
    }
  }

  /** An index in [0, n) drawn with probability falling off as a power law (exponent about 1.5). */
  static int zipf(SplittableRandom r, int n) {
    double u = r.nextDouble();
    int i = (int) (Math.pow(u, 3.0) * n);
    return Math.min(n - 1, i);
  }
}
