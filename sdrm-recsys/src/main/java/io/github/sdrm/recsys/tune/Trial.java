package io.github.sdrm.recsys.tune;

import java.util.List;
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
 * @param message why it failed or was pruned, or null
 * @param intermediate the values the objective reported along the way (for the SDRM objective: the
 *     running mean after each run), empty when it reported none
 */
public record Trial(
    int number,
    State state,
    Map<String, Double> params,
    double value,
    long seed,
    double seconds,
    int vaeEpochs,
    String message,
    List<Double> intermediate) {

  /** How a trial ended. */
  public enum State {
    /** The objective returned a value. */
    COMPLETE,
    /** The objective threw (a diverged loss, out of memory, …); the search went on. */
    FAILED,
    /** A {@link Pruner} stopped it early: its intermediate values were clearly worse. */
    PRUNED
  }

  /** Copies the parameters and intermediate values. */
  public Trial {
    Objects.requireNonNull(state, "state");
    params = Map.copyOf(params);
    intermediate = List.copyOf(intermediate);
  }

  /** A trial without intermediate values. */
  public Trial(
      int number,
      State state,
      Map<String, Double> params,
      double value,
      long seed,
      double seconds,
      int vaeEpochs,
      String message) {
    this(number, state, params, value, seed, seconds, vaeEpochs, message, List.of());
  }
}
