package io.github.sdrm.examples;

import io.github.sdrm.Sdrm;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The authors' published hyperparameters: the best trial of their tuning for every (dataset,
 * recommender) pair, named {@code dataset/recommender} ({@code ml-100k/svd}, ..., {@code
 * adm/neumf}).
 */
public final class Presets {
  private static final Map<String, double[]> TABLE = new LinkedHashMap<>();

  static {
    // batch, lr, epochs, L, T, VAE batch, H, d, VAE lr, nu  (from the paper's tuning logs)
    TABLE.put("ml-100k/svd", new double[] {550, 2.1e-5, 265, 2, 83, 780, 930, 830, 6e-4, 1});
    TABLE.put("ml-100k/mlp", new double[] {810, 5.2e-5, 200, 0, 58, 50, 40, 40, 3.4e-3, 1});
    TABLE.put("ml-100k/neumf", new double[] {190, 2.8e-5, 15, 4, 138, 870, 1000, 950, 1e-3, 0.2});
    TABLE.put("alb/svd", new double[] {370, 3.2e-5, 5, 2, 68, 420, 70, 20, 4.2e-3, 0.5});
    TABLE.put("alb/mlp", new double[] {530, 3.9e-5, 200, 0, 43, 340, 550, 400, 1e-3, 0.2});
    TABLE.put("alb/neumf", new double[] {820, 5.9e-5, 485, 2, 33, 720, 450, 400, 4e-3, 0.3});
    TABLE.put("ml-1m/svd", new double[] {720, 5.9e-5, 395, 2, 23, 190, 600, 150, 6.6e-3, 0.5});
    TABLE.put("ml-1m/mlp", new double[] {160, 9.8e-5, 15, 1, 78, 270, 490, 340, 2e-4, 1});
    TABLE.put("ml-1m/neumf", new double[] {830, 5.0e-6, 140, 1, 178, 540, 430, 330, 9e-4, 1});
    TABLE.put("adm/svd", new double[] {930, 1.0e-6, 60, 1, 163, 380, 210, 160, 1.1e-3, 0.3});
    TABLE.put("adm/mlp", new double[] {270, 6.3e-5, 45, 1, 38, 310, 20, 20, 3.5e-3, 0.7});
    TABLE.put("adm/neumf", new double[] {850, 1.3e-5, 185, 5, 93, 290, 40, 40, 1.4e-3, 1});
  }

  private Presets() {}

  /** The preset names, in the paper's order. */
  public static List<String> names() {
    return List.copyOf(TABLE.keySet());
  }

  /**
   * A builder set to a preset.
   *
   * @throws IllegalArgumentException for an unknown name, listing the valid ones
   */
  public static Sdrm.Builder get(String name) {
    double[] v = TABLE.get(name);
    if (v == null) {
      throw new IllegalArgumentException(
          "preset must be one of " + String.join(", ", names()) + "; found " + name);
    }
    return Sdrm.builder()
        .diffusionBatchSize((int) v[0])
        .diffusionLearningRate(v[1])
        .diffusionEpochs((int) v[2])
        .denoiserLayers((int) v[3])
        .timesteps((int) v[4])
        .vaeBatchSize((int) v[5])
        .vaeHiddenSize((int) v[6])
        .latentSize((int) v[7])
        .vaeLearningRate(v[8])
        .noiseVarianceDiminisher(v[9]);
  }

  /** ML-100K, tuned for SVD (best Recall@10 0.3924). */
  static Sdrm.Builder ml100kSvd() {
    return get("ml-100k/svd");
  }
}
