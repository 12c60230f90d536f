package io.github.sdrm.recsys.tune;

import java.util.List;

/**
 * Decides whether a running trial should stop early, from the values it reported so far and the
 * finished trials of the study.
 */
public interface Pruner {
  /** Never prunes (the default of a study). */
  Pruner NONE = (step, values, history) -> false;

  /**
   * Whether to stop the trial now.
   *
   * @param step the step just reported (0-based)
   * @param values the trial's values at steps 0..step
   * @param history the study's finished trials
   */
  boolean shouldPrune(int step, List<Double> values, List<Trial> history);
}
