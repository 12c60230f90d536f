package io.github.sdrm.data;

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
