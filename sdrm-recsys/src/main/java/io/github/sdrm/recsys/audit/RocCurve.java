package io.github.sdrm.recsys.audit;

import java.util.Arrays;
import java.util.Objects;

/**
 * The ROC curve of a score that should be higher for positives than for negatives, with tied scores
 * joined by straight segments, so that its area equals the Mann–Whitney AUC with mid-ranks: AUC =
 * (R₊ − n₊(n₊ + 1)/2) / (n₊ n₀), R₊ the sum of the positives' mid-ranks.
 *
 * @param fpr false-positive rates of the curve's corners, from 0 to 1
 * @param tpr true-positive rates at those corners
 * @param auc the area under the curve
 */
public record RocCurve(double[] fpr, double[] tpr, double auc) {

  /** Validates and copies the arrays. */
  public RocCurve {
    Objects.requireNonNull(fpr, "fpr");
    Objects.requireNonNull(tpr, "tpr");
    if (fpr.length != tpr.length || fpr.length < 2) {
      throw new IllegalArgumentException(
          "fpr and tpr must have equal lengths of at least 2,"
              + " found "
              + fpr.length
              + " and "
              + tpr.length);
    }
    fpr = fpr.clone();
    tpr = tpr.clone();
  }

  /**
   * Builds the curve of {@code positives} against {@code negatives}.
   *
   * @throws IllegalArgumentException if either array is empty or holds NaN
   */
  public static RocCurve of(double[] positives, double[] negatives) {
    int np = positives.length;
    int nn = negatives.length;
    if (np == 0 || nn == 0) {
      throw new IllegalArgumentException(
          "ROC needs positives and negatives, found " + np + " and " + nn);
    }
    double[] p = positives.clone();
    double[] n = negatives.clone();
    Arrays.sort(p);
    Arrays.sort(n);
    if (Double.isNaN(p[np - 1]) || Double.isNaN(n[nn - 1])) {
      throw new IllegalArgumentException("scores must not be NaN");
    }
    // walk thresholds from the highest score down
    double[] fx = new double[np + nn + 1];
    double[] ty = new double[np + nn + 1];
    int i = np - 1;
    int j = nn - 1;
    int corners = 1;
    double area = 0;
    while (i >= 0 || j >= 0) {
      double t =
          Math.max(
              i >= 0 ? p[i] : Double.NEGATIVE_INFINITY, j >= 0 ? n[j] : Double.NEGATIVE_INFINITY);
      while (i >= 0 && p[i] == t) {
        i--;
      }
      while (j >= 0 && n[j] == t) {
        j--;
      }
      fx[corners] = (double) (nn - 1 - j) / nn;
      ty[corners] = (double) (np - 1 - i) / np;
      area += (fx[corners] - fx[corners - 1]) * (ty[corners] + ty[corners - 1]) / 2;
      corners++;
    }
    return new RocCurve(Arrays.copyOf(fx, corners), Arrays.copyOf(ty, corners), area);
  }

  /**
   * The true-positive rate at a false-positive rate: the highest corner at exactly that rate, or
   * the straight line between the corners on either side of it.
   */
  public double tprAt(double falsePositiveRate) {
    if (!(falsePositiveRate >= 0 && falsePositiveRate <= 1)) {
      throw new IllegalArgumentException(
          "false-positive rate must be in [0, 1], found " + falsePositiveRate);
    }
    int k = 0;
    while (k + 1 < fpr.length && fpr[k + 1] <= falsePositiveRate) {
      k++;
    }
    if (fpr[k] == falsePositiveRate || k + 1 == fpr.length) {
      return tpr[k];
    }
    return tpr[k] + (tpr[k + 1] - tpr[k]) * (falsePositiveRate - fpr[k]) / (fpr[k + 1] - fpr[k]);
  }

  @Override
  public double[] fpr() {
    return fpr.clone();
  }

  @Override
  public double[] tpr() {
    return tpr.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RocCurve r && Arrays.equals(fpr, r.fpr) && Arrays.equals(tpr, r.tpr);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(fpr) + Arrays.hashCode(tpr);
  }

  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT, "RocCurve[auc=%.4f, corners=%d]", auc, fpr.length);
  }
}
