package io.github.sdrm.examples;

import io.github.sdrm.Sdrm;

/** The authors' published hyperparameters (the seed table of the paper's tuning). */
final class Presets {
  private Presets() {}

  /** ML-100K, tuned for SVD (best Recall@10 0.3924). */
  static Sdrm.Builder ml100kSvd() {
    return Sdrm.builder().diffusionBatchSize(550).diffusionLearningRate(2.1e-5)
        .diffusionEpochs(265).denoiserLayers(2).timesteps(83).vaeBatchSize(780)
        .vaeHiddenSize(930).latentSize(830).vaeLearningRate(6e-4).noiseVarianceDiminisher(1.0);
  }
}
