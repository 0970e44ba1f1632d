import io.listeningpost.graph.*;
import java.nio.file.*;
import java.util.*;
import nl.cwts.networkanalysis.*;
/**
 * Leiden starts and iterations against modularity, NMI (email-Eu-core departments) and time (Higgs):
 * the measurement behind Communities' one start of five iterations. Usage: see docs/benchmarks.md.
 */
public class LeidenSettings {
  public static void main(String[] a) throws Exception {
    InteractionGraph.Builder b = new InteractionGraph.Builder();
    Map<String,Integer> dept = new HashMap<>();
    for (String line : Files.readAllLines(Path.of("/work/shared/datasets/snap-email-eu-core/email-Eu-core-department-labels.txt"))) { String[] f = line.trim().split("\\s+"); if (f.length==2) { dept.put(f[0], Integer.parseInt(f[1])); b.node(f[0]); } }
    for (String line : Files.readAllLines(Path.of("/work/shared/datasets/snap-email-eu-core/email-Eu-core.txt"))) { String[] f = line.trim().split("\\s+"); if (f.length==2) b.edge(f[0], f[1], 1.0); }
    InteractionGraph g = b.build();
    int[] truth = new int[g.nodeCount()]; for (int v=0; v<truth.length; v++) truth[v]=dept.get(g.id(v));
    InteractionGraph h = EdgeListReader.read(Path.of("/work/shared/datasets/snap-higgs-twitter/higgs-mention_network.edgelist")).graph();
    for (int[] cfg : new int[][]{{1,2},{1,5},{1,10},{2,5},{4,10},{1,-1}}) {
      for (long seed : new long[]{42, 7}) {
        Random r = new Random(seed);
        long t0 = System.nanoTime();
        int[] m = run(g, cfg[0], cfg[1], seed);
        double q = Communities.modularity(g, m), nmi = Communities.nmi(m, truth);
        long t1 = System.nanoTime();
        int[] mh = run(h, cfg[0], cfg[1], seed);
        long t2 = System.nanoTime();
        System.out.printf("starts %d iters %d seed %d: email q=%.4f nmi=%.4f | higgs q=%.4f %.2f s%n", cfg[0], cfg[1], seed, q, nmi, Communities.modularity(h, mh), (t2-t1)/1e9);
      }
    }
  }
  static int[] run(InteractionGraph g, int starts, int iters, long seed) throws Exception {
    java.lang.reflect.Method nm = Communities.class.getDeclaredMethod("network", InteractionGraph.class); nm.setAccessible(true);
    Network network = (Network) nm.invoke(null, g);
    double total = 2 * network.getTotalEdgeWeight() + network.getTotalEdgeWeightSelfLinks();
    LeidenAlgorithm leiden = new LeidenAlgorithm(1.0 / total, iters, 0.01, new Random(seed));
    Clustering best = null; double bq = -1e9;
    for (int s = 0; s < starts; s++) { Clustering c = new Clustering(g.nodeCount()); leiden.improveClustering(network, c); double q = leiden.calcQuality(network, c); if (q > bq) { bq = q; best = c; } }
    return best.getClusters();
  }
}
