package io.github.sdrm.eval;

import io.github.sdrm.data.InteractionMatrix;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The strong-generalisation split of MultiVAE (Liang et al. 2018) as used by SDRM: for every user
 * with {@code n >= 2} stored entries, {@code ceil(p * n)} of them are held out and the rest form
 * the user's fold-in row.
 *
 * <p>By default both parts are written as ones, so stored zeros ("disliked") become positives: this
 * is the reference's rule ({@link Values#ALL_ONES}). {@link Values#POSITIVES_ONLY} draws the
 * held-out entries from the positives only and keeps stored zeros, as zeros, in the fold-in row.
 *
 * <p>Users with fewer than two candidate entries keep all their entries in the fold-in row and get
 * no held-out entries; they are listed by {@link #usersWithoutHeldOut()} and metrics skip them.
 *
 * <p>{@link Mode#NUMPY_COMPATIBLE} reproduces the reference bit for bit: {@code
 * np.random.seed(seed)} once, then {@code np.random.choice(n, k, replace=False)} per user in row
 * order, the chosen positions indexing the user's stored entries in ascending column order. {@link
 * Mode#FAST} uses a {@link SplittableRandom} and a partial Fisher–Yates shuffle.
 */
public final class FoldInSplit {

  /** The held-out fraction the reference uses. */
  public static final double DEFAULT_HELD_OUT_FRACTION = 0.2;

  /** How held-out positions are drawn. */
  public enum Mode {
    /** A fast seeded draw ({@link SplittableRandom}). */
    FAST,
    /** NumPy's legacy {@code RandomState} stream, for bit-identical reference splits. */
    NUMPY_COMPATIBLE
  }

  /** How the values of the two parts are written. */
  public enum Values {
    /** Every entry of both parts is 1, stored zeros included (the reference's rule). */
    ALL_ONES,
    /** Held-out entries are drawn from positives only; stored zeros stay zeros in the fold-in. */
    POSITIVES_ONLY
  }

  private final InteractionMatrix foldIn;
  private final InteractionMatrix heldOut;
  private final int[] usersWithoutHeldOut;

  private FoldInSplit(
      InteractionMatrix foldIn, InteractionMatrix heldOut, int[] usersWithoutHeldOut) {
    this.foldIn = foldIn;
    this.heldOut = heldOut;
    this.usersWithoutHeldOut = usersWithoutHeldOut;
  }

  /** The seed of the reference's evaluation split. */
  public static final long REFERENCE_SEED = 123;

  /**
   * The SDRM reference's evaluation split of its VALID users, bit for bit: held-out fraction 0.2,
   * seed 123, {@link Mode#NUMPY_COMPATIBLE}, {@link Values#ALL_ONES}.
   */
  public static FoldInSplit reference(InteractionMatrix users) {
    return split(
        users, DEFAULT_HELD_OUT_FRACTION, REFERENCE_SEED, Mode.NUMPY_COMPATIBLE, Values.ALL_ONES);
  }

  /**
   * Splits with the defaults: held-out fraction 0.2, {@link Mode#FAST}, {@link Values#ALL_ONES}.
   */
  public static FoldInSplit split(InteractionMatrix users, long seed) {
    return split(users, DEFAULT_HELD_OUT_FRACTION, seed, Mode.FAST, Values.ALL_ONES);
  }

  /**
   * Splits every row of {@code users} into fold-in and held-out entries.
   *
   * @param users the users to split (rows)
   * @param heldOutFraction the fraction p in (0, 1) of each row's entries to hold out
   * @param seed the seed; for {@link Mode#NUMPY_COMPATIBLE} it must lie in [0, 2^32 - 1]
   * @param mode how positions are drawn
   * @param values how the parts are written
   * @throws IllegalArgumentException if the fraction or seed is out of range
   */
  public static FoldInSplit split(
      InteractionMatrix users, double heldOutFraction, long seed, Mode mode, Values values) {
    Objects.requireNonNull(users, "users");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(values, "values");
    if (!(heldOutFraction > 0.0 && heldOutFraction < 1.0)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT, "heldOutFraction must be in (0, 1), found %s", heldOutFraction));
    }
    NumpyLegacyRandom numpy = mode == Mode.NUMPY_COMPATIBLE ? new NumpyLegacyRandom(seed) : null;
    SplittableRandom fast = mode == Mode.FAST ? new SplittableRandom(seed) : null;

    int rows = users.rows();
    int[][] inCols = new int[rows][];
    byte[][] inVals = new byte[rows][];
    int[][] outCols = new int[rows][];
    int[] skipped = new int[rows];
    int skippedCount = 0;
    for (int u = 0; u < rows; u++) {
      int[] cols = users.rowColumns(u);
      byte[] vals = users.rowValues(u);
      int[] candidates = candidates(cols, vals, values);
      int n = candidates.length;
      boolean[] held = new boolean[cols.length];
      if (n < 2) {
        skipped[skippedCount++] = u;
      } else {
        int k = (int) Math.ceil(heldOutFraction * n);
        int[] chosen = numpy != null ? numpy.choiceWithoutReplacement(n, k) : sample(fast, n, k);
        for (int c : chosen) {
          held[candidates[c]] = true;
        }
      }
      int heldCount = 0;
      for (boolean h : held) {
        heldCount += h ? 1 : 0;
      }
      inCols[u] = new int[cols.length - heldCount];
      inVals[u] = new byte[cols.length - heldCount];
      outCols[u] = new int[heldCount];
      int a = 0;
      int b = 0;
      for (int i = 0; i < cols.length; i++) {
        if (held[i]) {
          outCols[u][b++] = cols[i];
        } else {
          inCols[u][a] = cols[i];
          inVals[u][a++] = values == Values.ALL_ONES ? 1 : vals[i];
        }
      }
    }
    InteractionMatrix foldIn = InteractionMatrix.fromRows(users.columns(), inCols, inVals);
    InteractionMatrix heldOut = InteractionMatrix.fromRows(users.columns(), outCols, null);
    return new FoldInSplit(foldIn, heldOut, Arrays.copyOf(skipped, skippedCount));
  }

  private static int[] candidates(int[] cols, byte[] vals, Values values) {
    if (values == Values.ALL_ONES) {
      int[] all = new int[cols.length];
      for (int i = 0; i < all.length; i++) {
        all[i] = i;
      }
      return all;
    }
    int n = 0;
    for (byte v : vals) {
      n += v;
    }
    int[] pos = new int[n];
    int j = 0;
    for (int i = 0; i < vals.length; i++) {
      if (vals[i] == 1) {
        pos[j++] = i;
      }
    }
    return pos;
  }

  private static int[] sample(SplittableRandom rnd, int n, int k) {
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    for (int i = 0; i < k; i++) {
      int j = i + rnd.nextInt(n - i);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    return Arrays.copyOf(perm, k);
  }

  /** The fold-in rows: one per input user, the entries that were not held out. */
  public InteractionMatrix foldIn() {
    return foldIn;
  }

  /** The held-out rows: one per input user, all ones; empty for skipped users. */
  public InteractionMatrix heldOut() {
    return heldOut;
  }

  /**
   * Every entry of the split users again, fold-in and held-out merged (held-out entries as ones,
   * fold-in entries as written in the fold-in part).
   */
  public InteractionMatrix merged() {
    int rows = foldIn.rows();
    int[][] cols = new int[rows][];
    byte[][] vals = new byte[rows][];
    for (int u = 0; u < rows; u++) {
      int[] a = foldIn.rowColumns(u);
      byte[] av = foldIn.rowValues(u);
      int[] b = heldOut.rowColumns(u);
      int[] c = new int[a.length + b.length];
      byte[] cv = new byte[c.length];
      int i = 0;
      int j = 0;
      for (int n = 0; n < c.length; n++) {
        if (j >= b.length || (i < a.length && a[i] < b[j])) {
          c[n] = a[i];
          cv[n] = av[i++];
        } else {
          c[n] = b[j++];
          cv[n] = 1;
        }
      }
      cols[u] = c;
      vals[u] = cv;
    }
    return InteractionMatrix.fromRows(foldIn.columns(), cols, vals);
  }

  /** Users with fewer than two candidate entries, who have no held-out entries (a copy). */
  public int[] usersWithoutHeldOut() {
    return usersWithoutHeldOut.clone();
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "FoldInSplit[users=%d, foldIn=%d, heldOut=%d, skipped=%d]",
        foldIn.rows(),
        foldIn.storedCount(),
        heldOut.storedCount(),
        usersWithoutHeldOut.length);
  }
}
