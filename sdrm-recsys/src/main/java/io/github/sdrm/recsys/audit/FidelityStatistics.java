package io.github.sdrm.recsys.audit;

import io.github.sdrm.data.InteractionMatrix;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;

/**
 * Does synthetic data look like the real data? Statistics of item popularity, user activity and
 * item co-occurrence, computed on positive sets (stored ones).
 *
 * <ul>
 *   <li>item popularity: Spearman ρ of the item counts (average ranks for ties), Jensen–Shannon
 *       divergence (base 2, in [0, 1]) of the normalised count distributions, and the share of
 *       items no synthetic row holds;
 *   <li>user activity: the two-sample Kolmogorov–Smirnov statistic and the Wasserstein-1 distance
 *       of the row-size distributions;
 *   <li>co-occurrence: Pearson correlation of the upper triangles of the item–item co-occurrence
 *       counts over the 100 items most popular in the real data;
 *   <li>density of both.
 * </ul>
 */
public final class FidelityStatistics {
  /** Items whose co-occurrences are compared. */
  public static final int COOCCURRENCE_ITEMS = 100;

  /**
   * The statistics of one synthetic matrix against the real one.
   *
   * @param popularitySpearman Spearman ρ of item counts (NaN if either is constant)
   * @param popularityJensenShannon JS divergence of the popularity distributions, base 2
   * @param itemsNeverGenerated share of items held by no synthetic row
   * @param degreeKs two-sample KS statistic of the row sizes
   * @param degreeWasserstein Wasserstein-1 distance of the row sizes, in items
   * @param cooccurrenceCorrelation Pearson correlation of top-item co-occurrence counts
   * @param realDensity ones / (rows · items) of the real matrix
   * @param syntheticDensity the same for the synthetic matrix
   */
  public record Result(
      double popularitySpearman,
      double popularityJensenShannon,
      double itemsNeverGenerated,
      double degreeKs,
      double degreeWasserstein,
      double cooccurrenceCorrelation,
      double realDensity,
      double syntheticDensity) {}

  private FidelityStatistics() {}

  /**
   * Compares {@code synthetic} with {@code real}.
   *
   * @throws IllegalArgumentException if either has no rows or their item counts differ
   */
  public static Result compare(InteractionMatrix real, InteractionMatrix synthetic) {
    Objects.requireNonNull(real, "real");
    Objects.requireNonNull(synthetic, "synthetic");
    if (real.columns() != synthetic.columns()) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "real and synthetic data must have the same items, found %d and %d",
              real.columns(),
              synthetic.columns()));
    }
    if (real.rows() == 0 || synthetic.rows() == 0) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "real and synthetic data must have rows, found %d and %d",
              real.rows(),
              synthetic.rows()));
    }
    PositiveSets r = PositiveSets.of(real);
    PositiveSets s = PositiveSets.of(synthetic);
    double[] rc = toDouble(r.itemSupport());
    double[] sc = toDouble(s.itemSupport());
    int never = 0;
    for (double x : sc) {
      never += x == 0 ? 1 : 0;
    }
    double[] rd = toDouble(degrees(r));
    double[] sd = toDouble(degrees(s));
    return new Result(
        spearman(rc, sc),
        jensenShannon(rc, sc),
        (double) never / sc.length,
        new KolmogorovSmirnovTest().kolmogorovSmirnovStatistic(rd, sd),
        wasserstein(rd, sd),
        cooccurrence(r, s, topItems(r.itemSupport(), COOCCURRENCE_ITEMS)),
        (double) r.cols.length / ((double) r.rows * r.items),
        (double) s.cols.length / ((double) s.rows * s.items));
  }

  /** Row sizes (positive items per user). */
  public static int[] degrees(InteractionMatrix m) {
    return degrees(PositiveSets.of(m));
  }

  /** Positive count of every item. */
  public static int[] itemCounts(InteractionMatrix m) {
    return PositiveSets.of(m).itemSupport();
  }

  static int[] degrees(PositiveSets m) {
    int[] d = new int[m.rows];
    for (int u = 0; u < d.length; u++) {
      d[u] = m.size(u);
    }
    return d;
  }

  static double spearman(double[] a, double[] b) {
    if (a.length < 2 || constant(a) || constant(b)) {
      return Double.NaN;
    }
    return new SpearmansCorrelation().correlation(a, b);
  }

  /** Jensen–Shannon divergence, base 2, of two count vectors normalised to sum 1. */
  static double jensenShannon(double[] a, double[] b) {
    double sa = Arrays.stream(a).sum();
    double sb = Arrays.stream(b).sum();
    if (sa == 0 || sb == 0) {
      return sa == sb ? 0.0 : 1.0;
    }
    double js = 0;
    for (int i = 0; i < a.length; i++) {
      double p = a[i] / sa;
      double q = b[i] / sb;
      double m = (p + q) / 2;
      if (p > 0) {
        js += 0.5 * p * Math.log(p / m);
      }
      if (q > 0) {
        js += 0.5 * q * Math.log(q / m);
      }
    }
    return Math.max(0.0, js / Math.log(2));
  }

  /** Wasserstein-1 distance of two empirical distributions: the area between their CDFs. */
  static double wasserstein(double[] a, double[] b) {
    double[] x = a.clone();
    double[] y = b.clone();
    Arrays.sort(x);
    Arrays.sort(y);
    double[] all = new double[x.length + y.length];
    System.arraycopy(x, 0, all, 0, x.length);
    System.arraycopy(y, 0, all, x.length, y.length);
    Arrays.sort(all);
    double w = 0;
    int i = 0;
    int j = 0;
    for (int k = 0; k + 1 < all.length; k++) {
      double t = all[k];
      while (i < x.length && x[i] <= t) {
        i++;
      }
      while (j < y.length && y[j] <= t) {
        j++;
      }
      w += Math.abs((double) i / x.length - (double) j / y.length) * (all[k + 1] - t);
    }
    return w;
  }

  private static double cooccurrence(PositiveSets r, PositiveSets s, int[] top) {
    if (top.length < 3) {
      return Double.NaN;
    }
    double[] a = upperTriangle(r, top);
    double[] b = upperTriangle(s, top);
    if (constant(a) || constant(b)) {
      return Double.NaN;
    }
    return new PearsonsCorrelation().correlation(a, b);
  }

  private static double[] upperTriangle(PositiveSets m, int[] top) {
    int n = top.length;
    int[] slot = new int[m.items];
    Arrays.fill(slot, -1);
    for (int i = 0; i < n; i++) {
      slot[top[i]] = i;
    }
    long[] counts = new long[n * n];
    int[] in = new int[n];
    for (int u = 0; u < m.rows; u++) {
      int len = 0;
      for (int k = m.ptr[u]; k < m.ptr[u + 1]; k++) {
        if (slot[m.cols[k]] >= 0) {
          in[len++] = slot[m.cols[k]];
        }
      }
      for (int x = 0; x < len; x++) {
        for (int y = 0; y < len; y++) {
          counts[in[x] * n + in[y]]++;
        }
      }
    }
    double[] out = new double[n * (n - 1) / 2];
    int k = 0;
    for (int x = 0; x < n; x++) {
      for (int y = x + 1; y < n; y++) {
        out[k++] = counts[x * n + y];
      }
    }
    return out;
  }

  /** The {@code n} items with the highest counts (ties by index), fewer if fewer have any. */
  static int[] topItems(int[] counts, int n) {
    Integer[] order = new Integer[counts.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(
        order,
        (a, b) ->
            counts[a] != counts[b] ? Integer.compare(counts[b], counts[a]) : Integer.compare(a, b));
    int m = 0;
    while (m < Math.min(n, order.length) && counts[order[m]] > 0) {
      m++;
    }
    int[] out = new int[m];
    for (int i = 0; i < m; i++) {
      out[i] = order[i];
    }
    return out;
  }

  private static boolean constant(double[] a) {
    for (double x : a) {
      if (x != a[0]) {
        return false;
      }
    }
    return true;
  }

  private static double[] toDouble(int[] a) {
    double[] d = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      d[i] = a[i];
    }
    return d;
  }
}
