package io.github.sdrm.recsys.tune;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Random search: every parameter drawn uniformly (log-uniformly on a log scale), seeded. */
public final class RandomSampler implements Sampler {
  private final long seed;

  /** A random sampler with this seed. */
  public RandomSampler(long seed) {
    this.seed = seed;
  }

  @Override
  public Map<String, Double> suggest(SearchSpace space, List<Trial> history, int number) {
    SplittableRandom rnd = Sampler.random(seed, number);
    Map<String, Double> out = new LinkedHashMap<>();
    for (Parameter p : space.parameters()) {
      out.put(p.name(), Sampler.uniform(p, rnd));
    }
    return out;
  }

  @Override
  public String toString() {
    return "RandomSampler[seed=" + seed + "]";
  }
}
