package io.github.sdrm.data;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Seeded index permutations (Fisher–Yates), shared by every module so that a seed shuffles the same
 * way everywhere: user splits, mini-batch orders, subsamples.
 */
public final class Permutations {
  private Permutations() {}

  /** A uniformly random permutation of 0..n-1 drawn from {@code rnd}. */
  public static int[] random(int n, SplittableRandom rnd) {
    int[] p = range(0, n);
    shuffle(p, rnd);
    return p;
  }

  /**
   * Splits 0..n-1 at random: the first {@code first} indices of {@link #random(int,
   * SplittableRandom) random(n, rnd)} and the rest, each sorted ascending.
   *
   * @return {the {@code first} drawn indices, the others}
   * @throws IllegalArgumentException unless 0 &lt;= first &lt;= n
   */
  public static int[][] randomSplit(int n, int first, SplittableRandom rnd) {
    if (first < 0 || first > n) {
      throw new IllegalArgumentException("first must be in [0, " + n + "], found " + first);
    }
    int[] order = random(n, rnd);
    int[] a = Arrays.copyOf(order, first);
    int[] b = Arrays.copyOfRange(order, first, n);
    Arrays.sort(a);
    Arrays.sort(b);
    return new int[][] {a, b};
  }

  /** Shuffles {@code a} in place, uniformly, drawing from {@code rnd}. */
  public static void shuffle(int[] a, SplittableRandom rnd) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(rnd, "rnd");
    for (int i = a.length - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  /**
   * The indices from, from + 1, …, to − 1.
   *
   * @throws IllegalArgumentException if {@code to < from}
   */
  public static int[] range(int from, int to) {
    if (to < from) {
      throw new IllegalArgumentException(
          "range must have from <= to, found [" + from + ", " + to + ")");
    }
    int[] r = new int[to - from];
    for (int i = 0; i < r.length; i++) {
      r[i] = from + i;
    }
    return r;
  }
}
