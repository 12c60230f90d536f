package io.github.sdrm.model;

/** Receives one call per finished training epoch. */
@FunctionalInterface
public interface EpochCallback {
  /**
   * Called after an epoch.
   *
   * @param epoch the epoch, 0-based
   * @param loss the mean training loss of the epoch
   * @param validationMetric the validation metric, or NaN when there is none
   */
  void onEpoch(int epoch, double loss, double validationMetric);
}
