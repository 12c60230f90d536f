package io.github.sdrm.datasets;

import io.github.sdrm.data.InteractionMatrix;
import io.github.sdrm.data.Permutations;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A built-in synthetic dataset shaped like the paper's ML-100K (938 users × 1008 items; the default
 * seed gives 101,399 stored entries, 10.7 %, of which 60,577 are ones), generated from a seed so
 * that examples run with no download.
 *
 * <p>How it is generated: users and items get latent vectors in R^8 drawn from N(0, I); items also
 * get a popularity p_i ~ Pareto-like (u^-0.8 for u uniform). Each user has an activity n_u from a
 * log-normal with median 80, clipped to [20, 500]. The n_u stored items of a user are drawn without
 * replacement with probability proportional to p_i · exp(0.7·⟨x_u, y_i⟩/√8) (Gumbel top-k), and
 * each stored item is liked (1) when ⟨x_u, y_i⟩/√8 + N(0, 0.6²) &gt; 0.2, else a stored 0. The
 * split is the reference's: first 70 % of users train, next 20 % test, rest valid.
 */
public final class SyntheticDataset {
  /** The seed of {@link #mlLike()}. */
  public static final long DEFAULT_SEED = 20240101L;

  private static final int USERS = 938;
  private static final int ITEMS = 1008;
  private static final int FACTORS = 8;

  private SyntheticDataset() {}

  /** The default synthetic dataset. */
  public static Dataset mlLike() {
    return generate(DEFAULT_SEED);
  }

  /** A synthetic dataset for the given seed (same seed, same dataset). */
  public static Dataset generate(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double[][] x = gaussian(USERS, rnd);
    double[][] y = gaussian(ITEMS, rnd);
    double[] logPopularity = new double[ITEMS];
    for (int i = 0; i < ITEMS; i++) {
      logPopularity[i] = -0.8 * Math.log(1e-3 + rnd.nextDouble());
    }
    InteractionMatrix.Builder b = InteractionMatrix.builder(USERS, ITEMS);
    double scale = 1.0 / Math.sqrt(FACTORS);
    double[] key = new double[ITEMS];
    Integer[] order = new Integer[ITEMS];
    for (int u = 0; u < USERS; u++) {
      int n = (int) Math.round(Math.exp(Math.log(80) + 0.8 * gaussian(rnd)));
      n = Math.max(20, Math.min(500, n));
      double[] affinity = new double[ITEMS];
      for (int i = 0; i < ITEMS; i++) {
        double dot = 0;
        for (int f = 0; f < FACTORS; f++) {
          dot += x[u][f] * y[i][f];
        }
        affinity[i] = dot * scale;
        double gumbel = -Math.log(-Math.log(1e-300 + rnd.nextDouble()));
        key[i] = logPopularity[i] + 0.7 * affinity[i] + gumbel;
        order[i] = i;
      }
      Arrays.sort(order, (p, q) -> Double.compare(key[q], key[p]));
      for (int r = 0; r < n; r++) {
        int i = order[r];
        b.add(u, i, affinity[i] + 0.6 * gaussian(rnd) > 0.2 ? 1 : 0);
      }
    }
    InteractionMatrix full = b.build();
    List<String> users = new ArrayList<>();
    for (int u = 0; u < USERS; u++) {
      users.add("user" + (u + 1));
    }
    List<String> items = new ArrayList<>();
    for (int i = 0; i < ITEMS; i++) {
      items.add("item" + (i + 1));
    }
    int nTrain = (int) Math.floor(0.7 * USERS);
    int nTest = (int) Math.floor(0.2 * USERS);
    return new Dataset(
        full,
        users,
        items,
        Permutations.range(0, nTrain),
        Permutations.range(nTrain, nTrain + nTest),
        Permutations.range(nTrain + nTest, USERS));
  }

  private static double[][] gaussian(int n, SplittableRandom rnd) {
    double[][] m = new double[n][FACTORS];
    for (double[] row : m) {
      for (int f = 0; f < FACTORS; f++) {
        row[f] = gaussian(rnd);
      }
    }
    return m;
  }

  /** A standard normal draw (Box–Muller, one of the pair). */
  private static double gaussian(SplittableRandom rnd) {
    double u1 = 1e-300 + rnd.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * rnd.nextDouble());
  }
}
