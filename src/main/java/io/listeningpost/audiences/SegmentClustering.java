package io.listeningpost.audiences;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.DoublePoint;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.MersenneTwister;

/**
 * Chooses the audience segments: k-means (Apache Commons Math, k-means++ seeding) for each k in a range,
 * and the k whose clustering has the best silhouette. Plain Java on the driver: the points come in a fixed
 * order and the seed is fixed, so the same authors always give the same segments.
 */
final class SegmentClustering {
  static final int MAX_ITERATIONS = 50;

  /** The chosen clustering: its centres, largest segment first, and its silhouette. */
  record Segments(double[][] centres, double silhouette) implements Serializable {
    int k() {
      return centres.length;
    }

    /** The index of the centre nearest to {@code point}; ties go to the lower index. */
    int nearest(double[] point) {
      return SegmentClustering.nearest(centres, point);
    }
  }

  private SegmentClustering() {}

  /**
   * The best of k = {@code minK} to {@code maxK} by silhouette, or null when no k splits the points into two
   * or more non-empty clusters (all alike).
   */
  static Segments best(List<double[]> points, int minK, int maxK, long seed) {
    Segments best = null;
    for (int k = minK; k <= maxK; k++) {
      Segments s = cluster(points, k, seed);
      if (s != null && (best == null || s.silhouette() > best.silhouette() + 1e-9)) {
        best = s;
      }
    }
    return best;
  }

  /**
   * k-means with {@code k} clusters, or null when fewer than two clusters are not empty. Needs at least
   * {@code k} points, with finite coordinates.
   */
  static Segments cluster(List<double[]> points, int k, long seed) {
    List<DoublePoint> wrapped = new ArrayList<>(points.size());
    points.forEach(p -> wrapped.add(new DoublePoint(p)));
    List<CentroidCluster<DoublePoint>> clusters = new KMeansPlusPlusClusterer<DoublePoint>(k, MAX_ITERATIONS,
        new EuclideanDistance(), new MersenneTwister(seed)).cluster(wrapped);
    double[][] centres = clusters.stream().map(c -> c.getCenter().getPoint()).toArray(double[][]::new);
    // A centre no author is nearest to (a repeat, when authors have fewer distinct positions than k, loses
    // every tie to the first) is dropped below.
    int[] sizes = sizes(points, centres);
    // Largest segment first, so that ids read in order of size; equal sizes by their centres.
    Integer[] order = new Integer[centres.length];
    for (int c = 0; c < order.length; c++) {
      order[c] = c;
    }
    Arrays.sort(order, Comparator.<Integer>comparingInt(c -> -sizes[c])
        .thenComparing(c -> centres[c], Arrays::compare));
    List<double[]> kept = new ArrayList<>();
    for (int c : order) {
      if (sizes[c] > 0) {
        kept.add(centres[c]);
      }
    }
    if (kept.size() < 2) {
      return null;
    }
    double[][] sorted = kept.toArray(double[][]::new);
    return new Segments(sorted, silhouette(points, sorted));
  }

  /**
   * The mean silhouette of the points assigned to their nearest centre, with squared Euclidean distance
   * (as Spark's {@code ClusteringEvaluator}): a(i) is the mean distance to the other points of its
   * cluster, b(i) the least mean distance to another cluster's points, and a point alone in its cluster
   * scores 0. Each cluster's count, sum and sum of squared norms give the means in one pass.
   */
  static double silhouette(List<double[]> points, double[][] centres) {
    int k = centres.length;
    int d = centres[0].length;
    long[] count = new long[k];
    double[][] sum = new double[k][d];
    double[] squaredNorms = new double[k];
    int[] assignment = new int[points.size()];
    for (int i = 0; i < assignment.length; i++) {
      double[] p = points.get(i);
      int c = nearest(centres, p);
      assignment[i] = c;
      count[c]++;
      for (int j = 0; j < d; j++) {
        sum[c][j] += p[j];
      }
      squaredNorms[c] += dot(p, p);
    }
    double total = 0;
    for (int i = 0; i < assignment.length; i++) {
      double[] p = points.get(i);
      int own = assignment[i];
      if (count[own] <= 1) {
        continue;
      }
      double norm = dot(p, p);
      double a = 0;
      double b = Double.POSITIVE_INFINITY;
      for (int c = 0; c < k; c++) {
        if (count[c] == 0) {
          continue;
        }
        double summed = count[c] * norm - 2 * dot(p, sum[c]) + squaredNorms[c];
        if (c == own) {
          a = summed / (count[c] - 1);
        } else {
          b = Math.min(b, summed / count[c]);
        }
      }
      if (b == Double.POSITIVE_INFINITY) {
        continue;
      }
      double larger = Math.max(a, b);
      total += larger == 0 ? 0 : (b - a) / larger;
    }
    return total / assignment.length;
  }

  private static int[] sizes(List<double[]> points, double[][] centres) {
    int[] sizes = new int[centres.length];
    for (double[] p : points) {
      sizes[nearest(centres, p)]++;
    }
    return sizes;
  }

  static int nearest(double[][] centres, double[] point) {
    int best = 0;
    double bestDistance = Double.POSITIVE_INFINITY;
    for (int c = 0; c < centres.length; c++) {
      double distance = 0;
      for (int j = 0; j < point.length; j++) {
        double diff = point[j] - centres[c][j];
        distance += diff * diff;
      }
      if (distance < bestDistance) {
        best = c;
        bestDistance = distance;
      }
    }
    return best;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      s += a[j] * b[j];
    }
    return s;
  }
}
