package io.github.sdrm.eval;

/**
 * The legacy NumPy random stream ({@code numpy.random.seed} / {@code RandomState}), reduced to what
 * the reference's fold-in split uses: MT19937 seeded with {@code init_genrand(seed)}, and {@code
 * choice(n, k, replace=False)}, which NumPy computes as the first {@code k} entries of a
 * Fisher–Yates permutation of {@code 0..n-1} whose bounded integers are drawn by masked rejection.
 */
final class NumpyLegacyRandom {
  private static final int N = 624;
  private static final int M = 397;

  private final int[] mt = new int[N];
  private int index;

  NumpyLegacyRandom(long seed) {
    if (seed < 0 || seed > 0xffffffffL) {
      throw new IllegalArgumentException(
          "seed must be between 0 and 2^32 - 1 for the NumPy-compatible stream, found " + seed);
    }
    mt[0] = (int) seed;
    for (int i = 1; i < N; i++) {
      mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
    }
    index = N;
  }

  /** The next raw 32-bit output, as an unsigned value. */
  long nextUnsignedInt() {
    if (index >= N) {
      twist();
    }
    int y = mt[index++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y & 0xffffffffL;
  }

  private void twist() {
    for (int i = 0; i < N; i++) {
      int y = (mt[i] & 0x80000000) | (mt[(i + 1) % N] & 0x7fffffff);
      int next = mt[(i + M) % N] ^ (y >>> 1);
      if ((y & 1) != 0) {
        next ^= 0x9908b0df;
      }
      mt[i] = next;
    }
    index = 0;
  }

  /** A uniform integer in {@code [0, max]} by masked rejection (NumPy's legacy interval). */
  int interval(int max) {
    if (max == 0) {
      return 0;
    }
    long mask = max;
    mask |= mask >>> 1;
    mask |= mask >>> 2;
    mask |= mask >>> 4;
    mask |= mask >>> 8;
    mask |= mask >>> 16;
    long value;
    do {
      value = nextUnsignedInt() & mask;
    } while (value > max);
    return (int) value;
  }

  /** {@code numpy.random.choice(n, k, replace=False)}. */
  int[] choiceWithoutReplacement(int n, int k) {
    if (k < 0 || k > n) {
      throw new IllegalArgumentException("cannot take " + k + " of " + n + " without replacement");
    }
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    for (int i = n - 1; i >= 1; i--) {
      int j = interval(i);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    return java.util.Arrays.copyOf(perm, k);
  }
}
