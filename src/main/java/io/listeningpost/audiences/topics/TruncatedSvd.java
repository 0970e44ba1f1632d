package io.listeningpost.audiences.topics;

import java.util.List;
import java.util.Random;

/**
 * The leading singular triplets of a sparse documents × terms matrix by seeded randomised subspace
 * iteration (Halko, Martinsson and Tropp 2011): project onto a random subspace, sharpen it with power
 * iterations, and take the exact SVD of the small projected matrix through its Gram matrix. Only NNDSVD
 * initialisation needs it, and only approximately, so this is enough and keeps the package free of a
 * linear algebra dependency.
 *
 * @param values singular values, descending
 * @param left left singular vectors (length = documents), one per value
 * @param right right singular vectors (length = terms), one per value
 */
record TruncatedSvd(double[] values, double[][] left, double[][] right) {

  static TruncatedSvd of(List<SparseDoc> docs, int terms, int rank, int oversampling, int powerIterations,
      long seed) {
    int n = docs.size();
    int width = Math.min(rank + oversampling, Math.min(n, terms));
    if (width <= 0) {
      return new TruncatedSvd(new double[0], new double[0][], new double[0][]);
    }
    Random random = new Random(seed);
    double[][] omega = new double[width][terms];
    for (double[] column : omega) {
      for (int t = 0; t < terms; t++) {
        column[t] = random.nextGaussian();
      }
    }
    double[][] q = orthonormalise(multiply(docs, omega, n));
    for (int it = 0; it < powerIterations; it++) {
      double[][] z = orthonormalise(multiplyTransposed(docs, q, terms));
      q = orthonormalise(multiply(docs, z, n));
    }
    // B = Qᵀ X (width × terms); the eigenvectors of B Bᵀ rotate Q into the left singular vectors.
    double[][] b = multiplyTransposed(docs, q, terms);
    double[][] bbt = new double[q.length][q.length];
    for (int i = 0; i < q.length; i++) {
      for (int j = i; j < q.length; j++) {
        bbt[i][j] = NmfTopicModel.dot(b[i], b[j]);
        bbt[j][i] = bbt[i][j];
      }
    }
    double[][] eigenvectors = new double[q.length][];
    double[] eigenvalues = symmetricEigen(bbt, eigenvectors);
    int keep = Math.min(rank, q.length);
    double[] values = new double[keep];
    double[][] left = new double[keep][n];
    double[][] right = new double[keep][terms];
    for (int j = 0; j < keep; j++) {
      double sigma = Math.sqrt(Math.max(0, eigenvalues[j]));
      values[j] = sigma;
      double[] e = eigenvectors[j];
      for (int i = 0; i < q.length; i++) {
        for (int d = 0; d < n; d++) {
          left[j][d] += e[i] * q[i][d];
        }
        if (sigma > 0) {
          for (int t = 0; t < terms; t++) {
            right[j][t] += e[i] * b[i][t] / sigma;
          }
        }
      }
    }
    return new TruncatedSvd(values, left, right);
  }

  /** X·c for each column c (length terms), giving columns of length documents. */
  private static double[][] multiply(List<SparseDoc> docs, double[][] columns, int n) {
    double[][] out = new double[columns.length][n];
    for (int c = 0; c < columns.length; c++) {
      double[] column = columns[c];
      for (int d = 0; d < n; d++) {
        SparseDoc doc = docs.get(d);
        double s = 0;
        for (int i = 0; i < doc.terms().length; i++) {
          s += doc.weights()[i] * column[doc.terms()[i]];
        }
        out[c][d] = s;
      }
    }
    return out;
  }

  /** Xᵀ·c for each column c (length documents), giving columns of length terms. */
  private static double[][] multiplyTransposed(List<SparseDoc> docs, double[][] columns, int terms) {
    double[][] out = new double[columns.length][terms];
    for (int c = 0; c < columns.length; c++) {
      double[] column = columns[c];
      double[] target = out[c];
      for (int d = 0; d < docs.size(); d++) {
        SparseDoc doc = docs.get(d);
        for (int i = 0; i < doc.terms().length; i++) {
          target[doc.terms()[i]] += doc.weights()[i] * column[d];
        }
      }
    }
    return out;
  }

  /** Modified Gram–Schmidt, twice for stability; columns that vanish (rank deficiency) are dropped. */
  private static double[][] orthonormalise(double[][] columns) {
    java.util.ArrayList<double[]> basis = new java.util.ArrayList<>();
    for (double[] original : columns) {
      double[] v = original.clone();
      double before = Math.sqrt(NmfTopicModel.dot(v, v));
      for (int pass = 0; pass < 2; pass++) {
        for (double[] u : basis) {
          double p = NmfTopicModel.dot(u, v);
          for (int i = 0; i < v.length; i++) {
            v[i] -= p * u[i];
          }
        }
      }
      double norm = Math.sqrt(NmfTopicModel.dot(v, v));
      if (norm > 1e-10 * Math.max(before, Double.MIN_NORMAL)) {
        for (int i = 0; i < v.length; i++) {
          v[i] /= norm;
        }
        basis.add(v);
      }
    }
    return basis.toArray(new double[0][]);
  }

  /**
   * Eigenvalues of a symmetric matrix, descending, by cyclic Jacobi rotations; fills {@code vectors[j]}
   * with the unit eigenvector of the j-th. The matrices here are at most a few dozen wide.
   */
  static double[] symmetricEigen(double[][] matrix, double[][] vectors) {
    int m = matrix.length;
    double[][] a = new double[m][];
    double[][] v = new double[m][m];
    for (int i = 0; i < m; i++) {
      a[i] = matrix[i].clone();
      v[i][i] = 1;
    }
    for (int sweep = 0; sweep < 100; sweep++) {
      double off = 0;
      double diagonal = 0;
      for (int i = 0; i < m; i++) {
        diagonal += a[i][i] * a[i][i];
        for (int j = i + 1; j < m; j++) {
          off += a[i][j] * a[i][j];
        }
      }
      if (off <= 1e-30 * Math.max(diagonal, Double.MIN_NORMAL)) {
        break;
      }
      for (int p = 0; p < m; p++) {
        for (int r = p + 1; r < m; r++) {
          if (a[p][r] == 0) {
            continue;
          }
          double theta = (a[r][r] - a[p][p]) / (2 * a[p][r]);
          double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
          if (theta == 0) {
            t = 1;
          }
          double c = 1 / Math.sqrt(t * t + 1);
          double s = t * c;
          for (int k = 0; k < m; k++) {
            double akp = a[k][p];
            double akr = a[k][r];
            a[k][p] = c * akp - s * akr;
            a[k][r] = s * akp + c * akr;
          }
          for (int k = 0; k < m; k++) {
            double apk = a[p][k];
            double ark = a[r][k];
            a[p][k] = c * apk - s * ark;
            a[r][k] = s * apk + c * ark;
          }
          for (int k = 0; k < m; k++) {
            double vkp = v[k][p];
            double vkr = v[k][r];
            v[k][p] = c * vkp - s * vkr;
            v[k][r] = s * vkp + c * vkr;
          }
        }
      }
    }
    Integer[] order = new Integer[m];
    for (int i = 0; i < m; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (x, y) -> Double.compare(a[y][y], a[x][x]));
    double[] values = new double[m];
    for (int j = 0; j < m; j++) {
      values[j] = a[order[j]][order[j]];
      double[] e = new double[m];
      for (int k = 0; k < m; k++) {
        e[k] = v[k][order[j]];
      }
      vectors[j] = e;
    }
    return values;
  }
}
