package io.github.sdrm.nn;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Index permutations and slices for mini-batching. Internal. */
public final class Shuffle {
  private Shuffle() {}

  /** A uniformly random permutation of 0..n-1 (Fisher–Yates). */
  public static int[] permutation(int n, SplittableRandom rnd) {
    int[] p = range(0, n);
    for (int i = n - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  /** from, from+1, …, to-1. */
  public static int[] range(int from, int to) {
    int[] r = new int[to - from];
    for (int i = 0; i < r.length; i++) {
      r[i] = from + i;
    }
    return r;
  }

  public static int[] slice(int[] a, int from, int to) {
    return Arrays.copyOfRange(a, from, to);
  }
}
