package io.github.sdrm.examples;

import io.github.sdrm.Sdrm;
import io.github.sdrm.datasets.AtomicFiles;
import io.github.sdrm.recsys.tune.SearchSpace;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.function.ObjDoubleConsumer;

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
   * A builder set to a preset: one of {@link #names()}, or a preset file (as {@code sdrm tune}
   * writes: {@code name=value} lines of SDRM hyperparameters, the rest at their defaults).
   *
   * @throws IllegalArgumentException for an unknown name, listing the valid ones, or a bad file
   */
  public static Sdrm.Builder get(String name) {
    double[] v = TABLE.get(name);
    if (v == null && name != null && Files.isRegularFile(Path.of(name))) {
      return fromFile(Path.of(name));
    }
    if (v == null) {
      throw new IllegalArgumentException(
          "preset must be one of "
              + String.join(", ", names())
              + " or a preset file written by sdrm tune; found "
              + name);
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

  /**
   * A builder from a preset file: {@code name=value} lines (Java properties) of the SDRM
   * hyperparameters {@link SearchSpace#SDRM_PARAMETERS}; {@code #} comments allowed.
   *
   * @throws IllegalArgumentException naming the file and the key for an unknown key or a value that
   *     is not a number or out of range
   */
  static Sdrm.Builder fromFile(Path file) {
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Sdrm.Builder b = Sdrm.builder();
    for (String key : new TreeSet<>(p.stringPropertyNames())) {
      ObjDoubleConsumer<Sdrm.Builder> setter = SearchSpace.SDRM_PARAMETERS.get(key);
      if (setter == null) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "%s: unknown key '%s'; expected one of %s",
                file,
                key,
                String.join(", ", SearchSpace.SDRM_PARAMETERS.keySet())));
      }
      try {
        setter.accept(b, Double.parseDouble(p.getProperty(key).strip()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            file
                + ": "
                + key
                + ": "
                + (e instanceof NumberFormatException
                    ? "expected a number, found '" + p.getProperty(key) + "'"
                    : e.getMessage()));
      }
    }
    return b;
  }

  /**
   * Writes a preset file atomically: a comment, then {@code name=value} lines in the given order.
   */
  static void write(Path file, String comment, Map<String, String> values) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (String line : comment.split("\n")) {
      sb.append("# ").append(line).append('\n');
    }
    values.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
    String text = sb.toString();
    AtomicFiles.writeText(file, w -> w.write(text));
  }

  /** ML-100K, tuned for SVD (best Recall@10 0.3924). */
  static Sdrm.Builder ml100kSvd() {
    return get("ml-100k/svd");
  }
}
