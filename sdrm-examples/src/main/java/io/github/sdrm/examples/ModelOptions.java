package io.github.sdrm.examples;

import io.github.sdrm.Sdrm;
import io.github.sdrm.VaeValidation;
import picocli.CommandLine.Option;

/**
 * The SDRM configuration options shared by {@code generate} and {@code report}: a published preset
 * (or the defaults) changed by any of the hyperparameter options. Values are checked by {@link
 * Sdrm.Builder}, whose messages name the parameter and the accepted range.
 */
final class ModelOptions {
  @Option(
      names = "--preset",
      paramLabel = "NAME",
      description =
          "published hyperparameters: ml-100k|alb|adm / svd|mlp|neumf, e.g."
              + " ml-100k/svd (default: the library's defaults)")
  String preset;

  @Option(names = "--timesteps", paramLabel = "T", description = "diffusion steps")
  Integer timesteps;

  @Option(names = "--latent-size", paramLabel = "D", description = "VAE latent size")
  Integer latentSize;

  @Option(names = "--vae-hidden", paramLabel = "H", description = "VAE hidden layer size")
  Integer vaeHidden;

  @Option(names = "--denoiser-layers", paramLabel = "L", description = "denoiser layers")
  Integer denoiserLayers;

  @Option(names = "--diffusion-epochs", paramLabel = "N", description = "denoiser epochs")
  Integer diffusionEpochs;

  @Option(names = "--diffusion-batch", paramLabel = "N", description = "denoiser batch size")
  Integer diffusionBatch;

  @Option(names = "--diffusion-lr", paramLabel = "X", description = "denoiser learning rate")
  Double diffusionLr;

  @Option(names = "--vae-batch", paramLabel = "N", description = "VAE batch size")
  Integer vaeBatch;

  @Option(names = "--vae-lr", paramLabel = "X", description = "VAE learning rate")
  Double vaeLr;

  @Option(
      names = "--vae-epochs",
      paramLabel = "N",
      description = "train the VAE exactly N epochs (default: early stopping)")
  Integer vaeEpochs;

  @Option(
      names = "--vae-min-epochs",
      paramLabel = "N",
      description = "early stopping never ends the VAE before N epochs (default 100)")
  Integer vaeMinEpochs;

  @Option(
      names = "--vae-validation",
      paramLabel = "MODE",
      description =
          "VAE early stopping: reference (the paper's) or leak-free" + " (default reference)")
  VaeValidation vaeValidation = VaeValidation.REFERENCE;

  @Option(names = "--threads", paramLabel = "N", description = "BLAS threads (default 2)")
  int threads = 2;

  /** The builder: preset or defaults, the options given, threads; no seed or listener yet. */
  Sdrm.Builder builder() {
    Sdrm.Builder b = preset != null ? Presets.get(preset) : Sdrm.builder();
    if (timesteps != null) {
      b.timesteps(timesteps);
    }
    if (latentSize != null) {
      b.latentSize(latentSize);
    }
    if (vaeHidden != null) {
      b.vaeHiddenSize(vaeHidden);
    }
    if (denoiserLayers != null) {
      b.denoiserLayers(denoiserLayers);
    }
    if (diffusionEpochs != null) {
      b.diffusionEpochs(diffusionEpochs);
    }
    if (diffusionBatch != null) {
      b.diffusionBatchSize(diffusionBatch);
    }
    if (diffusionLr != null) {
      b.diffusionLearningRate(diffusionLr);
    }
    if (vaeBatch != null) {
      b.vaeBatchSize(vaeBatch);
    }
    if (vaeLr != null) {
      b.vaeLearningRate(vaeLr);
    }
    if (vaeMinEpochs != null) {
      b.vaeMinEpochs(vaeMinEpochs);
    }
    if (vaeEpochs != null) {
      b.vaeEarlyStopping(false).vaeMaxEpochs(vaeEpochs);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("--threads must be at least 1, found " + threads);
    }
    return b.threads(threads).elementwiseThreads(1).vaeValidation(vaeValidation);
  }
}
