package io.listeningpost.audiences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SegmentClusteringTest {
  /** Blobs of 40, 25 and 10 points around three far-apart centres, shuffled with a seed. */
  private static List<double[]> threeBlobs(long seed) {
    Random random = new Random(seed);
    double[][] centres = {{0, 0, 0}, {5, 5, 0}, {0, 5, 5}};
    int[] sizes = {40, 25, 10};
    List<double[]> points = new ArrayList<>();
    for (int c = 0; c < centres.length; c++) {
      for (int i = 0; i < sizes[c]; i++) {
        double[] p = centres[c].clone();
        for (int j = 0; j < p.length; j++) {
          p[j] += random.nextGaussian() * 0.3;
        }
        points.add(p);
      }
    }
    Collections.shuffle(points, new Random(seed));
    return points;
  }

  @Test
  void threeSeparateGroupsGiveThreeSegmentsLargestFirst() {
    List<double[]> points = threeBlobs(1);
    SegmentClustering.Segments s = SegmentClustering.best(points, 2, 6, 42);

    assertThat(s.k()).isEqualTo(3);
    assertThat(s.silhouette()).isGreaterThan(0.9);
    int[] sizes = new int[3];
    points.forEach(p -> sizes[s.nearest(p)]++);
    assertThat(sizes).containsExactly(40, 25, 10);
    assertThat(s.centres()[0]).containsExactly(new double[] {0, 0, 0}, within(0.2));
  }

  @Test
  void theSilhouetteIsTheOneSumOverAllPairsGives() {
    Random random = new Random(3);
    List<double[]> points = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      points.add(new double[] {random.nextDouble(), random.nextDouble(), random.nextDouble() * 2});
    }
    // A singleton cluster too: its point scores 0.
    points.add(new double[] {9, 9, 9});
    double[][] centres = {{0.2, 0.5, 1}, {0.8, 0.5, 1}, {9, 9, 9}};

    assertThat(SegmentClustering.silhouette(points, centres)).isCloseTo(bruteForce(points, centres), within(1e-9));
  }

  @Test
  void theSameAuthorsInTheSameOrderGiveTheSameSegments() {
    // Points without clusters, where k-means ends where its seeding starts it: an unseeded start would differ.
    Random random = new Random(5);
    List<double[]> scattered = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      scattered.add(new double[] {random.nextDouble(), random.nextDouble(), random.nextDouble()});
    }
    SegmentClustering.Segments a = SegmentClustering.best(scattered, 3, 8, 7);
    SegmentClustering.Segments b = SegmentClustering.best(new ArrayList<>(scattered), 3, 8, 7);

    assertThat(a.centres()).isDeepEqualTo(b.centres());
    assertThat(a.silhouette()).isEqualTo(b.silhouette());
  }

  @Test
  void authorsAllAlikeGiveNoSegments() {
    List<double[]> same = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      same.add(new double[] {0.5, 0.25, 1});
    }
    assertThat(SegmentClustering.best(same, 3, 6, 42)).isNull();
  }

  /** Squared Euclidean silhouette from every pair of points, each assigned to its nearest centre. */
  private static double bruteForce(List<double[]> points, double[][] centres) {
    int n = points.size();
    int[] of = new int[n];
    for (int i = 0; i < n; i++) {
      of[i] = SegmentClustering.nearest(centres, points.get(i));
    }
    double total = 0;
    for (int i = 0; i < n; i++) {
      double[] sum = new double[centres.length];
      int[] count = new int[centres.length];
      for (int j = 0; j < n; j++) {
        if (j != i) {
          double d = 0;
          for (int x = 0; x < points.get(i).length; x++) {
            double diff = points.get(i)[x] - points.get(j)[x];
            d += diff * diff;
          }
          sum[of[j]] += d;
          count[of[j]]++;
        }
      }
      if (count[of[i]] == 0) {
        continue;
      }
      double a = sum[of[i]] / count[of[i]];
      double b = Double.POSITIVE_INFINITY;
      for (int c = 0; c < centres.length; c++) {
        if (c != of[i] && count[c] > 0) {
          b = Math.min(b, sum[c] / count[c]);
        }
      }
      total += (b - a) / Math.max(a, b);
    }
    return total / n;
  }
}
