package io.github.sdrm;

import io.github.sdrm.data.InteractionMatrix;
import java.util.SplittableRandom;

/** Small seeded matrices with some structure, for tests. */
final class TestData {
  private TestData() {}

  /** Users in two taste groups over two halves of the items, ~25 % stored, ~1/4 stored zeros. */
  static InteractionMatrix clustered(int users, int items, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    InteractionMatrix.Builder b = InteractionMatrix.builder(users, items);
    for (int u = 0; u < users; u++) {
      int group = u % 2;
      for (int i = 0; i < items; i++) {
        boolean preferred = (i < items / 2) == (group == 0);
        if (rnd.nextDouble() < (preferred ? 0.4 : 0.1)) {
          b.add(u, i, rnd.nextDouble() < (preferred ? 0.85 : 0.4) ? 1 : 0);
        }
      }
    }
    return b.build();
  }

  /** A small, fast configuration. */
  static Sdrm.Builder smallConfig() {
    return Sdrm.builder()
        .vaeHiddenSize(16)
        .latentSize(8)
        .vaeBatchSize(16)
        .vaeMaxEpochs(15)
        .vaePatience(3)
        .timesteps(6)
        .denoiserLayers(1)
        .diffusionEpochs(4)
        .diffusionBatchSize(16)
        .diffusionLearningRate(1e-3)
        .generationBatchSize(7)
        .threads(1)
        .elementwiseThreads(1);
  }
}
