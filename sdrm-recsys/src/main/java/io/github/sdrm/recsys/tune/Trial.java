package io.github.sdrm.recsys.tune;

import java.util.Map;
import java.util.Objects;

/**
 * One finished trial.
 *
 * @param number its position in the study, from 0
 * @param state how it ended
 * @param params the sampled values (categorical: the choice's index), by parameter name
 * @param value the objective (larger is better); NaN unless complete
 * @param seed the seed the objective ran with
 * @param seconds its wall time
 * @param vaeEpochs the VAE epochs trained, or 0 where unknown
 * @param message why it failed, or null
 */
public record Trial(
    int number,
    State state,
    Map<String, Double> params,
    double value,
    long seed,
    double seconds,
    int vaeEpochs,
    String message) {

  /** How a trial ended. */
  public enum State {
    /** The objective returned a value. */
    COMPLETE,
    /** The objective threw (a diverged loss, out of memory, …); the search went on. */
    FAILED
  }

  /** Copies the parameters. */
  public Trial {
    Objects.requireNonNull(state, "state");
    params = Map.copyOf(params);
  }
}
