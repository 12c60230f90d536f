package io.github.sdrm;

import java.util.Locale;

/**
 * An equal-sparsity threshold estimated from a sample of generated users, kept with a model.
 *
 * @param resolution the resolution the sample was generated at
 * @param density the target density
 * @param sampleUsers how many users the sample had
 * @param sampleSeed the seed of the sample
 * @param threshold the (1 − density)-quantile of the sample's logits
 */
record SampledThreshold(
    Resolution resolution, double density, int sampleUsers, long sampleSeed, double threshold) {

  /** The lookup key of a (resolution, density) pair. */
  static String key(Resolution resolution, double density) {
    return String.format(Locale.ROOT, "%s@%s", resolution.name(), Double.toString(density));
  }
}
