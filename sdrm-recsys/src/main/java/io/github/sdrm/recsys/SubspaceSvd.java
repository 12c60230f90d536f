package io.github.sdrm.recsys;

import io.github.sdrm.data.InteractionMatrix;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * The top right singular vectors of a sparse 0/1 matrix by block subspace iteration on XᵀX, without
 * ever forming a dense copy of X: each iteration costs two sparse products with an I × b block (b =
 * k + oversampling), and a Rayleigh–Ritz step on the b × b projection extracts the k leading
 * vectors. Iteration stops when the k leading Ritz values change by less than a relative 1e-13 (or
 * after {@code maxIterations}).
 */
final class SubspaceSvd {
  private static final int OVERSAMPLING = 10;
  private static final int ORTHONORMALISE_EVERY = 3;

  private SubspaceSvd() {}

  /**
   * Returns V, [items][k] row-major as {@code v[item * k + j]}: orthonormal columns spanning the k
   * leading right singular vectors of the stored ones of {@code x}, ordered by singular value.
   */
  static double[] rightSingularVectors(InteractionMatrix x, int k, long seed, int maxIterations) {
    int items = x.columns();
    int b = Math.min(items, k + OVERSAMPLING);
    int[][] rows = positives(x);
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] q = new double[items * b];
    for (int i = 0; i < q.length; i++) {
      q[i] = rnd.nextDouble() - 0.5;
    }
    orthonormalise(q, items, b, 2);
    double[] previous = null;
    double[] y = new double[rows.length * b];
    double[] z = new double[items * b];
    for (int it = 1; it <= maxIterations; it++) {
      multiply(rows, q, b, y);
      Arrays.fill(z, 0.0);
      multiplyTransposed(rows, y, b, z);
      double[] t = q;
      q = z;
      z = t;
      // re-orthonormalising every few products is enough in double precision: the columns'
      // spread grows by at most (σ1/σb)^2 per product
      if (it % ORTHONORMALISE_EVERY == 0) {
        orthonormalise(q, items, b, 1);
        if (it % (4 * ORTHONORMALISE_EVERY) == 0) {
          double[] ritz = ritzValues(rows, q, items, b, y);
          if (previous != null && converged(previous, ritz, k)) {
            break;
          }
          previous = ritz;
        }
      }
    }
    orthonormalise(q, items, b, 2);
    // Rayleigh–Ritz: B = (XQ)ᵀ(XQ); its leading eigenvectors rotate Q onto the singular vectors
    multiply(rows, q, b, y);
    double[][] gram = gram(y, rows.length, b);
    EigenDecomposition eig = new EigenDecomposition(new Array2DRowRealMatrix(gram, false));
    double[] values = eig.getRealEigenvalues();
    Integer[] order = new Integer[b];
    for (int i = 0; i < b; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (i, j) -> Double.compare(values[j], values[i]));
    double[] v = new double[items * k];
    for (int j = 0; j < k; j++) {
      double[] w = eig.getEigenvector(order[j]).toArray();
      for (int i = 0; i < items; i++) {
        double s = 0;
        for (int c = 0; c < b; c++) {
          s += q[i * b + c] * w[c];
        }
        v[i * k + j] = s;
      }
    }
    return v;
  }

  private static boolean converged(double[] a, double[] b, int k) {
    for (int j = 0; j < k; j++) {
      if (Math.abs(a[j] - b[j]) > 1e-13 * Math.abs(b[0])) {
        return false;
      }
    }
    return true;
  }

  private static double[] ritzValues(int[][] rows, double[] q, int items, int b, double[] y) {
    multiply(rows, q, b, y);
    double[][] gram = gram(y, rows.length, b);
    double[] values =
        new EigenDecomposition(new Array2DRowRealMatrix(gram, false)).getRealEigenvalues().clone();
    Arrays.sort(values);
    double[] desc = new double[b];
    for (int i = 0; i < b; i++) {
      desc[i] = values[b - 1 - i];
    }
    return desc;
  }

  /** The stored-one columns of every row. */
  static int[][] positives(InteractionMatrix x) {
    InteractionMatrix ones = x.onesOnly();
    int[][] rows = new int[x.rows()][];
    for (int r = 0; r < rows.length; r++) {
      rows[r] = ones.rowColumns(r);
    }
    return rows;
  }

  /** y = X·q, X given by its rows' positive columns; q is [items][b], y [rows][b]. */
  static void multiply(int[][] rows, double[] q, int b, double[] y) {
    Arrays.fill(y, 0.0);
    for (int r = 0; r < rows.length; r++) {
      int base = r * b;
      for (int c : rows[r]) {
        int src = c * b;
        for (int j = 0; j < b; j++) {
          y[base + j] += q[src + j];
        }
      }
    }
  }

  /** z += Xᵀ·y. */
  private static void multiplyTransposed(int[][] rows, double[] y, int b, double[] z) {
    for (int r = 0; r < rows.length; r++) {
      int base = r * b;
      for (int c : rows[r]) {
        int dst = c * b;
        for (int j = 0; j < b; j++) {
          z[dst + j] += y[base + j];
        }
      }
    }
  }

  private static double[][] gram(double[] y, int n, int b) {
    double[][] g = new double[b][b];
    for (int r = 0; r < n; r++) {
      int base = r * b;
      for (int i = 0; i < b; i++) {
        double yi = y[base + i];
        if (yi == 0) {
          continue;
        }
        for (int j = i; j < b; j++) {
          g[i][j] += yi * y[base + j];
        }
      }
    }
    for (int i = 0; i < b; i++) {
      for (int j = 0; j < i; j++) {
        g[i][j] = g[j][i];
      }
    }
    return g;
  }

  /**
   * Orthonormalises the b columns of a row-major [n][b] block by Cholesky QR, repeated {@code
   * rounds} times (two rounds, CholQR2, are as accurate as Householder QR): A = QR with RᵀR = AᵀA,
   * Q = A·R⁻¹. Two passes over the block per round, far cheaper than Gram–Schmidt here.
   */
  private static void orthonormalise(double[] a, int n, int b, int rounds) {
    for (int round = 0; round < rounds; round++) {
      double[][] g = gram(a, n, b);
      org.apache.commons.math3.linear.RealMatrix rInv;
      try {
        org.apache.commons.math3.linear.CholeskyDecomposition chol =
            new org.apache.commons.math3.linear.CholeskyDecomposition(
                new Array2DRowRealMatrix(g, false), 1e-300, 1e-300);
        rInv =
            new org.apache.commons.math3.linear.LUDecomposition(chol.getLT())
                .getSolver()
                .getInverse();
      } catch (org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException
          | org.apache.commons.math3.linear.SingularMatrixException e) {
        throw new IllegalStateException(
            "the matrix has rank below " + b + "; use a smaller rank", e);
      }
      double[][] r = rInv.getData();
      double[] row = new double[b];
      for (int i = 0; i < n; i++) {
        int base = i * b;
        for (int j = 0; j < b; j++) {
          double sum = 0;
          for (int c = 0; c <= j; c++) {
            sum += a[base + c] * r[c][j];
          }
          row[j] = sum;
        }
        System.arraycopy(row, 0, a, base, b);
      }
    }
  }
}
