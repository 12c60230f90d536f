package io.github.sdrm.recsys.tune;

import java.util.List;
import java.util.Map;

/**
 * Suggests the parameters of the next trial. A suggestion depends only on the space, the finished
 * trials, the trial's number and the sampler's seed, so a resumed study suggests what an
 * uninterrupted one would have.
 */
public interface Sampler {
  /**
   * The values of trial {@code number} (categorical: the index of the choice), each inside the
   * space.
   *
   * @param history the finished trials, in order (failed ones included)
   */
  Map<String, Double> suggest(SearchSpace space, List<Trial> history, int number);

  /** A generator for one trial's draws, from the sampler's seed and the trial number. */
  static java.util.SplittableRandom random(long seed, int number) {
    return new java.util.SplittableRandom(
        seed * 0x9E3779B97F4A7C15L + number * 0xBF58476D1CE4E5B9L);
  }

  /** A value drawn uniformly (log-uniformly on a log scale) from {@code p}, on its grid. */
  static double uniform(Parameter p, java.util.SplittableRandom rnd) {
    switch (p.kind()) {
      case CATEGORICAL:
        return rnd.nextInt(p.choices().size());
      case INT:
        if (p.log()) {
          double lo = Math.log(p.low() - 0.5);
          double hi = Math.log(p.high() + 0.5);
          return p.snap(Math.exp(lo + rnd.nextDouble() * (hi - lo)));
        }
        long steps = (long) Math.floor((p.high() - p.low()) / p.step());
        return p.snap(p.low() + p.step() * rnd.nextLong(steps + 1));
      default:
        if (p.log()) {
          double lo = Math.log(p.low());
          double hi = Math.log(p.high());
          return p.snap(Math.exp(lo + rnd.nextDouble() * (hi - lo)));
        }
        if (p.step() > 0) {
          long n = (long) Math.floor((p.high() - p.low()) / p.step() + 1e-9);
          return p.snap(p.low() + p.step() * rnd.nextLong(n + 1));
        }
        return p.snap(p.low() + rnd.nextDouble() * (p.high() - p.low()));
    }
  }
}
