package io.github.sdrm.nn;

import io.github.sdrm.data.Permutations;
import java.util.Arrays;
import java.util.SplittableRandom;

/** Index permutations and slices for mini-batching. Internal. */
public final class Shuffle {
  private Shuffle() {}

  /** A uniformly random permutation of 0..n-1 ({@link Permutations#random}). */
  public static int[] permutation(int n, SplittableRandom rnd) {
    return Permutations.random(n, rnd);
  }

  /** from, from+1, …, to-1. */
  public static int[] range(int from, int to) {
    return Permutations.range(from, to);
  }

  public static int[] slice(int[] a, int from, int to) {
    return Arrays.copyOfRange(a, from, to);
  }
}
