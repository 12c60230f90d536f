package io.github.sdrm.eval;

import io.github.sdrm.data.InteractionMatrix;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Top-k ranking metrics of the fold-in protocol, several cut-offs in one pass.
 *
 * <ul>
 *   <li><b>Recall@k, truncated</b> (MultiVAE's, the reference's): hits / min(k, |held-out|);
 *   <li><b>Recall@k, plain</b>: hits / |held-out|;
 *   <li><b>NDCG@k</b> with binary gains: DCG = Σ hit(i) / log2(i + 2) over ranks i &lt; k, divided
 *       by the ideal DCG over min(|held-out|, k) ranks.
 * </ul>
 *
 * Items in a user's fold-in row are masked (never recommended). Users without held-out items are
 * skipped. Each figure is the mean over evaluated users. Ties in scores are broken by the lower
 * item index.
 */
public final class RankingMetrics {

  /** The cut-offs reported in the SDRM paper. */
  public static final int[] PAPER_CUTOFFS = {1, 3, 5, 10, 20, 50};

  private RankingMetrics() {}

  /**
   * Evaluates a dense score matrix.
   *
   * @param scores scores of shape {@code [users, items]}
   * @param foldIn the users' fold-in rows; their stored items are masked
   * @param heldOut the users' held-out rows
   * @param cutoffs the k values, each in [1, items]
   * @throws IllegalArgumentException on a shape mismatch, a bad cut-off, a non-finite score (naming
   *     the user and item) or when no user has held-out items
   */
  public static Result evaluate(
      INDArray scores, InteractionMatrix foldIn, InteractionMatrix heldOut, int... cutoffs) {
    Objects.requireNonNull(scores, "scores");
    if (scores.rank() != 2) {
      throw new IllegalArgumentException("scores must be a matrix, found rank " + scores.rank());
    }
    checkShapes(scores.rows(), scores.columns(), foldIn, heldOut);
    Accumulator acc = new Accumulator(heldOut.columns(), cutoffs);
    float[][] s = scores.toFloatMatrix();
    for (int u = 0; u < s.length; u++) {
      acc.add(u, s[u], foldIn.rowColumns(u), heldOut.rowColumns(u));
    }
    return acc.result();
  }

  /**
   * Evaluates a score matrix given as rows of floats (see {@link #evaluate(INDArray,
   * InteractionMatrix, InteractionMatrix, int...)}).
   */
  public static Result evaluate(
      float[][] scores, InteractionMatrix foldIn, InteractionMatrix heldOut, int... cutoffs) {
    Objects.requireNonNull(scores, "scores");
    int cols = scores.length == 0 ? heldOut.columns() : scores[0].length;
    checkShapes(scores.length, cols, foldIn, heldOut);
    Accumulator acc = new Accumulator(heldOut.columns(), cutoffs);
    for (int u = 0; u < scores.length; u++) {
      acc.add(u, scores[u], foldIn.rowColumns(u), heldOut.rowColumns(u));
    }
    return acc.result();
  }

  private static void checkShapes(
      long rows, long cols, InteractionMatrix foldIn, InteractionMatrix heldOut) {
    Objects.requireNonNull(foldIn, "foldIn");
    Objects.requireNonNull(heldOut, "heldOut");
    if (rows != heldOut.rows()
        || cols != heldOut.columns()
        || rows != foldIn.rows()
        || cols != foldIn.columns()) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "scores, fold-in and held-out must have the same shape, found scores %d x %d,"
                  + " fold-in %d x %d, held-out %d x %d",
              rows,
              cols,
              foldIn.rows(),
              foldIn.columns(),
              heldOut.rows(),
              heldOut.columns()));
    }
  }

  /** Accumulates metrics one user at a time, so that scores never need to be held for all users. */
  public static final class Accumulator {
    private final int items;
    private final int[] cutoffs;
    private final int maxK;
    private final double[] truncatedRecall;
    private final double[] plainRecall;
    private final double[] ndcg;
    private final double[] discount;
    private final int[] ascending;
    private int users;

    /**
     * Creates an accumulator.
     *
     * @param items number of items (columns)
     * @param cutoffs the k values, each in [1, items]
     */
    public Accumulator(int items, int... cutoffs) {
      Objects.requireNonNull(cutoffs, "cutoffs");
      if (cutoffs.length == 0) {
        throw new IllegalArgumentException("at least one cut-off k is required, found none");
      }
      int max = 0;
      for (int k : cutoffs) {
        if (k <= 0 || k > items) {
          throw new IllegalArgumentException(
              String.format(
                  Locale.ROOT,
                  "cut-off k must be in [1, %d] (the number of items), found %d",
                  items,
                  k));
        }
        max = Math.max(max, k);
      }
      this.items = items;
      this.cutoffs = cutoffs.clone();
      this.maxK = max;
      this.truncatedRecall = new double[cutoffs.length];
      this.plainRecall = new double[cutoffs.length];
      this.ndcg = new double[cutoffs.length];
      this.discount = new double[max];
      for (int i = 0; i < max; i++) {
        discount[i] = 1.0 / (Math.log(i + 2) / Math.log(2));
      }
      this.ascending = ascendingOrder(this.cutoffs);
    }

    /**
     * Adds one user.
     *
     * @param user the user's index, used in error messages
     * @param scores one score per item
     * @param masked items that must not be recommended (the fold-in items)
     * @param heldOut the held-out items; a user with none is skipped
     * @throws IllegalArgumentException if a score is NaN or infinite or the row has the wrong
     *     length
     */
    public void add(int user, float[] scores, int[] masked, int[] heldOut) {
      if (scores.length != items) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT, "user %d: expected %d scores, found %d", user, items, scores.length));
      }
      for (int i = 0; i < scores.length; i++) {
        if (!Float.isFinite(scores[i])) {
          throw new IllegalArgumentException(
              String.format(
                  Locale.ROOT,
                  "score of user %d, item %d must be finite, found %s",
                  user,
                  i,
                  scores[i]));
        }
      }
      if (heldOut.length == 0) {
        return;
      }
      int[] top = topK(scores, masked, maxK);
      boolean[] isHeld = new boolean[items];
      for (int h : heldOut) {
        isHeld[h] = true;
      }
      int hits = 0;
      double dcg = 0;
      double idcg = 0;
      int next = 0;
      int[] order = ascending;
      for (int rank = 0; rank < maxK; rank++) {
        if (rank < top.length && isHeld[top[rank]]) {
          hits++;
          dcg += discount[rank];
        }
        if (rank < heldOut.length) {
          idcg += discount[rank];
        }
        while (next < order.length && cutoffs[order[next]] == rank + 1) {
          int c = order[next++];
          int k = cutoffs[c];
          truncatedRecall[c] += (double) hits / Math.min(k, heldOut.length);
          plainRecall[c] += (double) hits / heldOut.length;
          ndcg[c] += dcg / idcg;
        }
      }
      users++;
    }

    private static int[] ascendingOrder(int[] cutoffs) {
      Integer[] idx = new Integer[cutoffs.length];
      for (int i = 0; i < idx.length; i++) {
        idx[i] = i;
      }
      Arrays.sort(idx, (a, b) -> Integer.compare(cutoffs[a], cutoffs[b]));
      int[] out = new int[idx.length];
      for (int i = 0; i < idx.length; i++) {
        out[i] = idx[i];
      }
      return out;
    }

    /**
     * Returns the means over the users added so far.
     *
     * @throws IllegalStateException if no user with held-out items was added
     */
    public Result result() {
      if (users == 0) {
        throw new IllegalStateException(
            "no user has held-out items: the held-out set is empty, nothing to evaluate");
      }
      double[] tr = new double[cutoffs.length];
      double[] pr = new double[cutoffs.length];
      double[] nd = new double[cutoffs.length];
      for (int i = 0; i < cutoffs.length; i++) {
        tr[i] = truncatedRecall[i] / users;
        pr[i] = plainRecall[i] / users;
        nd[i] = ndcg[i] / users;
      }
      return new Result(cutoffs.clone(), tr, pr, nd, users);
    }
  }

  /**
   * The indices of the {@code k} highest scores, best first, skipping masked items; ties go to the
   * lower index. Fewer than {@code k} are returned when fewer items are unmasked.
   */
  static int[] topK(float[] scores, int[] masked, int k) {
    boolean[] isMasked = new boolean[scores.length];
    for (int m : masked) {
      isMasked[m] = true;
    }
    // a bounded min-heap of candidate indices, "min" meaning worst under (score desc, index asc)
    int[] heap = new int[k];
    int size = 0;
    for (int i = 0; i < scores.length; i++) {
      if (isMasked[i]) {
        continue;
      }
      if (size < k) {
        heap[size] = i;
        siftUp(heap, size++, scores);
      } else if (better(i, heap[0], scores)) {
        heap[0] = i;
        siftDown(heap, size, scores);
      }
    }
    int[] out = new int[size];
    for (int n = size - 1; n >= 0; n--) {
      out[n] = heap[0];
      heap[0] = heap[n];
      siftDown(heap, n, scores);
    }
    return out;
  }

  private static boolean better(int a, int b, float[] s) {
    return s[a] > s[b] || (s[a] == s[b] && a < b);
  }

  private static void siftUp(int[] h, int i, float[] s) {
    while (i > 0) {
      int p = (i - 1) / 2;
      if (better(h[p], h[i], s)) {
        int t = h[p];
        h[p] = h[i];
        h[i] = t;
        i = p;
      } else {
        return;
      }
    }
  }

  private static void siftDown(int[] h, int size, float[] s) {
    int i = 0;
    while (true) {
      int l = 2 * i + 1;
      int r = l + 1;
      int w = i;
      if (l < size && better(h[w], h[l], s)) {
        w = l;
      }
      if (r < size && better(h[w], h[r], s)) {
        w = r;
      }
      if (w == i) {
        return;
      }
      int t = h[w];
      h[w] = h[i];
      h[i] = t;
      i = w;
    }
  }

  /** Metric means for each cut-off. */
  public static final class Result {
    private final int[] cutoffs;
    private final double[] truncatedRecall;
    private final double[] plainRecall;
    private final double[] ndcg;
    private final int users;

    Result(
        int[] cutoffs, double[] truncatedRecall, double[] plainRecall, double[] ndcg, int users) {
      this.cutoffs = cutoffs;
      this.truncatedRecall = truncatedRecall;
      this.plainRecall = plainRecall;
      this.ndcg = ndcg;
      this.users = users;
    }

    /** The cut-offs, in the order they were requested (a copy). */
    public int[] cutoffs() {
      return cutoffs.clone();
    }

    /** Truncated Recall@k (hits / min(k, |held-out|)), the reference's variant. */
    public double recall(int k) {
      return truncatedRecall[indexOf(k)];
    }

    /** Plain Recall@k (hits / |held-out|). */
    public double plainRecall(int k) {
      return plainRecall[indexOf(k)];
    }

    /** NDCG@k with binary gains. */
    public double ndcg(int k) {
      return ndcg[indexOf(k)];
    }

    /** Number of users evaluated (users with held-out items). */
    public int users() {
      return users;
    }

    private int indexOf(int k) {
      for (int i = 0; i < cutoffs.length; i++) {
        if (cutoffs[i] == k) {
          return i;
        }
      }
      throw new IllegalArgumentException(
          "cut-off " + k + " was not evaluated; evaluated: " + Arrays.toString(cutoffs));
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder("RankingMetrics.Result[users=").append(users);
      for (int i = 0; i < cutoffs.length; i++) {
        sb.append(
            String.format(
                Locale.ROOT,
                ", R@%d=%.4f, N@%d=%.4f",
                cutoffs[i],
                truncatedRecall[i],
                cutoffs[i],
                ndcg[i]));
      }
      return sb.append(']').toString();
    }
  }
}
