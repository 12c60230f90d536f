package io.github.sdrm.recsys;

import io.github.sdrm.data.InteractionMatrix;
import java.util.Locale;
import java.util.Objects;

/**
 * PureSVD-style recommender: the rank-k truncated SVD of the training matrix, scoring a user by the
 * rank-k reconstruction of their row, {@code score = row · V · Vᵀ} with V the k leading right
 * singular vectors (scikit-learn's {@code TruncatedSVD} followed by {@code inverse_transform}, as
 * the SDRM reference evaluates it; no centring).
 *
 * <p>V is computed sparsely by subspace iteration (the matrix is never densified); it matches a
 * dense SVD to the precision the metrics are reported at. Stored zeros count as 0.
 */
public final class TruncatedSvdRecommender implements Recommender {
  /** The reference's number of components. */
  public static final int DEFAULT_RANK = 20;

  private static final int MAX_ITERATIONS = 5000;

  private final int rank;
  private final long seed;
  private double[] v;
  private int items;

  /** Rank {@value #DEFAULT_RANK}, seed 0. */
  public TruncatedSvdRecommender() {
    this(DEFAULT_RANK, 0L);
  }

  /**
   * Creates a recommender of the given rank.
   *
   * @param rank number of singular vectors, at least 1
   * @param seed seed of the random starting block (the result does not depend on it beyond
   *     round-off once converged)
   */
  public TruncatedSvdRecommender(int rank, long seed) {
    if (rank < 1) {
      throw new IllegalArgumentException("rank must be at least 1, found " + rank);
    }
    this.rank = rank;
    this.seed = seed;
  }

  @Override
  public String name() {
    return "svd";
  }

  /** The rank k. */
  public int rank() {
    return rank;
  }

  @Override
  public void fit(InteractionMatrix train) {
    Objects.requireNonNull(train, "train");
    if (rank > Math.min(train.rows(), train.columns())) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "rank must be at most min(rows, items) = %d, found %d",
              Math.min(train.rows(), train.columns()),
              rank));
    }
    v = SubspaceSvd.rightSingularVectors(train, rank, seed, MAX_ITERATIONS);
    items = train.columns();
  }

  @Override
  public float[][] score(InteractionMatrix users) {
    Recommenders.checkScorable(name(), v != null, items, users);
    int k = rank;
    int[][] rows = SubspaceSvd.positives(users);
    float[][] out = new float[rows.length][items];
    double[] p = new double[k];
    for (int u = 0; u < rows.length; u++) {
      java.util.Arrays.fill(p, 0.0);
      for (int c : rows[u]) {
        for (int j = 0; j < k; j++) {
          p[j] += v[c * k + j];
        }
      }
      float[] s = out[u];
      for (int i = 0; i < items; i++) {
        double sum = 0;
        int base = i * k;
        for (int j = 0; j < k; j++) {
          sum += v[base + j] * p[j];
        }
        s[i] = (float) sum;
      }
    }
    return out;
  }
}
