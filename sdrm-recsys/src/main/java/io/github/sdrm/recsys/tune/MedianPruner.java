package io.github.sdrm.recsys.tune;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Optuna's {@code MedianPruner} for a maximised objective: once {@code startupTrials} trials are
 * complete and the trial is past {@code warmupSteps}, it is pruned when its best value so far is
 * below the median of the complete trials' values at the same step (trials without a value at that
 * step are left out; with none, nothing is pruned).
 */
public final class MedianPruner implements Pruner {
  private final int startupTrials;
  private final int warmupSteps;

  /** Optuna's defaults: 5 start-up trials, no warm-up. */
  public MedianPruner() {
    this(5, 0);
  }

  /**
   * A median pruner.
   *
   * @throws IllegalArgumentException if a count is negative
   */
  public MedianPruner(int startupTrials, int warmupSteps) {
    if (startupTrials < 0 || warmupSteps < 0) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "startupTrials and warmupSteps must be at least 0, found %d and %d",
              startupTrials,
              warmupSteps));
    }
    this.startupTrials = startupTrials;
    this.warmupSteps = warmupSteps;
  }

  @Override
  public boolean shouldPrune(int step, List<Double> values, List<Trial> history) {
    if (step < warmupSteps || values.isEmpty()) {
      return false;
    }
    List<Double> others = new ArrayList<>();
    int complete = 0;
    for (Trial t : history) {
      if (t.state() != Trial.State.COMPLETE) {
        continue;
      }
      complete++;
      if (t.intermediate().size() > step && Double.isFinite(t.intermediate().get(step))) {
        others.add(t.intermediate().get(step));
      }
    }
    if (complete < startupTrials || others.isEmpty()) {
      return false;
    }
    double best = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      best = Math.max(best, v);
    }
    return best < median(others);
  }

  /** The median (mean of the two middle values for an even count), as NumPy's. */
  static double median(List<Double> values) {
    double[] a = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(a);
    int n = a.length;
    return n % 2 == 1 ? a[n / 2] : (a[n / 2 - 1] + a[n / 2]) / 2.0;
  }

  @Override
  public String toString() {
    return "median(startup " + startupTrials + ", warm-up " + warmupSteps + ")";
  }
}
