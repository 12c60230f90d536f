package io.github.sdrm;

import io.github.sdrm.data.InteractionMatrix;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Turns generated item logits into interactions.
 *
 * <ul>
 *   <li>{@link #equalSparsity()}: the reference's rule. With s = 1 − density of a reference matrix
 *       (stored zeros counted), the threshold is the s-quantile of <em>all</em> generated logits,
 *       with linear interpolation as NumPy's default {@code np.quantile}; a cell is 1 when its
 *       logit is ≥ the threshold. The synthetic matrix therefore has as many ones as the reference
 *       has stored entries (up to ties).
 *   <li>{@link #zeroThreshold()}: 1 where the logit is &gt; 0.
 *   <li>{@link #raw()}: no binarisation; use {@link FittedSdrm#generateScores}.
 * </ul>
 *
 * Only ones are stored in the output; every other cell is unobserved.
 */
public final class Binarizer {

  /** The kinds of binarisation. */
  public enum Kind {
    /** Match the density of a reference matrix. */
    EQUAL_SPARSITY,
    /** Logit &gt; 0. */
    ZERO_THRESHOLD,
    /** Keep raw logits. */
    RAW
  }

  private static final Binarizer EQUAL_FIT = new Binarizer(Kind.EQUAL_SPARSITY, Double.NaN);
  private static final Binarizer ZERO = new Binarizer(Kind.ZERO_THRESHOLD, Double.NaN);
  private static final Binarizer RAW = new Binarizer(Kind.RAW, Double.NaN);

  private final Kind kind;
  private final double density;

  private Binarizer(Kind kind, double density) {
    this.kind = kind;
    this.density = density;
  }

  /** Equal sparsity with the density of the matrix the model was fitted on (the default). */
  public static Binarizer equalSparsity() {
    return EQUAL_FIT;
  }

  /**
   * Equal sparsity with an explicit target density (stored entries / cells), for example the
   * density of the training matrix when the model was fitted on training plus fold-in rows.
   *
   * @throws IllegalArgumentException unless {@code 0 < density <= 1}
   */
  public static Binarizer equalSparsity(double density) {
    if (!(density > 0.0 && density <= 1.0)) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "density must be in (0, 1], found %s", density));
    }
    return new Binarizer(Kind.EQUAL_SPARSITY, density);
  }

  /** Equal sparsity with the density of {@code reference}, stored zeros counted. */
  public static Binarizer equalSparsity(InteractionMatrix reference) {
    Objects.requireNonNull(reference, "reference");
    return equalSparsity(reference.density());
  }

  /** A cell is 1 where its logit is positive. */
  public static Binarizer zeroThreshold() {
    return ZERO;
  }

  /** No binarisation: generation returns raw logits. */
  public static Binarizer raw() {
    return RAW;
  }

  /** The kind of binarisation. */
  public Kind kind() {
    return kind;
  }

  /**
   * The explicit target density of an equal-sparsity binariser, or NaN when it uses the fitted
   * matrix's density (or is of another kind).
   */
  public double density() {
    return density;
  }

  /**
   * Binarises a row-major block of logits.
   *
   * @param logits {@code rows * columns} logits, row-major
   * @param fitDensity the density of the matrix the model was fitted on, used when this binariser
   *     has no explicit density
   * @throws IllegalStateException for {@link #raw()}, which does not binarise
   */
  public InteractionMatrix apply(float[] logits, int rows, int columns, double fitDensity) {
    Objects.requireNonNull(logits, "logits");
    if ((long) rows * columns != logits.length) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "expected %d x %d = %d logits, found %d",
              rows,
              columns,
              (long) rows * columns,
              logits.length));
    }
    if (kind == Kind.RAW) {
      throw new IllegalStateException(
          "the raw binariser keeps logits; use FittedSdrm.generateScores instead of generate");
    }
    if (rows == 0) {
      return InteractionMatrix.builder(0, columns).build();
    }
    double threshold;
    boolean inclusive;
    switch (kind) {
      case EQUAL_SPARSITY:
        double target = Double.isNaN(density) ? fitDensity : density;
        threshold = quantile(logits, 1.0 - target);
        inclusive = true;
        break;
      case ZERO_THRESHOLD:
        threshold = 0.0;
        inclusive = false;
        break;
      default:
        throw new IllegalStateException(
            "the raw binariser keeps logits; use FittedSdrm.generateScores instead of generate");
    }
    int[][] cols = new int[rows][];
    int[] buf = new int[columns];
    for (int r = 0; r < rows; r++) {
      cols[r] = Arrays.copyOf(buf, ones(logits, r * columns, columns, threshold, inclusive, buf));
    }
    return InteractionMatrix.fromRows(columns, cols, null);
  }

  /**
   * The q-quantile of {@code values} with linear interpolation between order statistics, as NumPy's
   * default ({@code method="linear"}): position q·(n−1).
   *
   * @throws IllegalArgumentException if {@code values} is empty or q is outside [0, 1]
   */
  public static double quantile(float[] values, double q) {
    if (values.length == 0) {
      throw new IllegalArgumentException("cannot take a quantile of no values");
    }
    if (!(q >= 0.0 && q <= 1.0)) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "quantile must be in [0, 1], found %s", q));
    }
    float[] sorted = values.clone();
    Arrays.sort(sorted);
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, sorted.length - 1);
    double t = pos - lo;
    return lerp(sorted[lo], sorted[hi], t);
  }

  /**
   * Writes the columns of one row whose logit is at least (inclusive) or above {@code threshold}
   * into {@code out}, ascending, and returns how many there are.
   */
  static int ones(
      float[] logits, int base, int columns, double threshold, boolean inclusive, int[] out) {
    int n = 0;
    for (int c = 0; c < columns; c++) {
      float v = logits[base + c];
      if (inclusive ? v >= threshold : v > threshold) {
        out[n++] = c;
      }
    }
    return n;
  }

  /** NumPy's {@code _lerp}: evaluated from the nearer end for numerical symmetry. */
  static double lerp(double a, double b, double t) {
    double diff = b - a;
    return t >= 0.5 ? b - diff * (1.0 - t) : a + diff * t;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Binarizer
        && ((Binarizer) o).kind == kind
        && Double.compare(((Binarizer) o).density, density) == 0;
  }

  @Override
  public int hashCode() {
    return kind.hashCode() * 31 + Double.hashCode(density);
  }

  @Override
  public String toString() {
    switch (kind) {
      case EQUAL_SPARSITY:
        return Double.isNaN(density)
            ? "equal-sparsity"
            : String.format(Locale.ROOT, "equal-sparsity(%s)", density);
      case ZERO_THRESHOLD:
        return "zero";
      default:
        return "raw";
    }
  }

  /** Parses the form written by {@link #toString()}. */
  static Binarizer parse(String s) {
    if (s.equals("equal-sparsity")) {
      return EQUAL_FIT;
    }
    if (s.startsWith("equal-sparsity(") && s.endsWith(")")) {
      return equalSparsity(Double.parseDouble(s.substring(15, s.length() - 1)));
    }
    if (s.equals("zero")) {
      return ZERO;
    }
    if (s.equals("raw")) {
      return RAW;
    }
    throw new IllegalArgumentException(
        "binarizer must be one of equal-sparsity, equal-sparsity(<density>), zero, raw; found "
            + s);
  }
}
