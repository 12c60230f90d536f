package io.github.sdrm;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a fitted model came from: its full configuration (seed included), the library version that
 * trained it, the shape of the data it saw, and its per-epoch training history.
 */
public final class ModelProvenance {
  private final Sdrm config;
  private final String libraryVersion;
  private final int trainingRows;
  private final int items;
  private final double fitDensity;
  private final int vaeEpochs;
  private final int vaeBestEpoch;
  private final double vaeBestRecall;
  private final long generationSeed;
  private final List<TrainingEvent> history;

  ModelProvenance(
      Sdrm config,
      String libraryVersion,
      int trainingRows,
      int items,
      double fitDensity,
      int vaeEpochs,
      int vaeBestEpoch,
      double vaeBestRecall,
      long generationSeed,
      List<TrainingEvent> history) {
    this.config = Objects.requireNonNull(config, "config");
    this.libraryVersion = Objects.requireNonNull(libraryVersion, "libraryVersion");
    this.trainingRows = trainingRows;
    this.items = items;
    this.fitDensity = fitDensity;
    this.vaeEpochs = vaeEpochs;
    this.vaeBestEpoch = vaeBestEpoch;
    this.vaeBestRecall = vaeBestRecall;
    this.generationSeed = generationSeed;
    this.history = List.copyOf(history);
  }

  /** The configuration the model was trained with (without its listener). */
  public Sdrm config() {
    return config;
  }

  /** The seed of training (same as {@code config().seed()}). */
  public long seed() {
    return config.seed();
  }

  /** The sdrm-java version that trained the model. */
  public String libraryVersion() {
    return libraryVersion;
  }

  /** Rows the networks were trained on (training rows plus validation fold-in rows). */
  public int trainingRows() {
    return trainingRows;
  }

  /** Number of items (columns). */
  public int items() {
    return items;
  }

  /**
   * Density of the matrix given to {@code fit} (stored zeros counted): the equal-sparsity target.
   */
  public double fitDensity() {
    return fitDensity;
  }

  /** VAE epochs run. */
  public int vaeEpochs() {
    return vaeEpochs;
  }

  /** The VAE epoch (0-based) whose weights were kept, or -1 without validation. */
  public int vaeBestEpoch() {
    return vaeBestEpoch;
  }

  /** The best validation Recall@10 of the VAE, or NaN without validation. */
  public double vaeBestRecall() {
    return vaeBestRecall;
  }

  /** The seed {@link FittedSdrm#generate(int, Resolution)} uses when none is given. */
  public long generationSeed() {
    return generationSeed;
  }

  /** One event per training epoch, VAE first. */
  public List<TrainingEvent> history() {
    return history;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "ModelProvenance[version=%s, seed=%d, trainingRows=%d, items=%d, fitDensity=%.6f,"
            + " vaeEpochs=%d, vaeBestEpoch=%d, vaeBestRecall=%.4f, epochsLogged=%d, config=%s]",
        libraryVersion,
        seed(),
        trainingRows,
        items,
        fitDensity,
        vaeEpochs,
        vaeBestEpoch,
        vaeBestRecall,
        history.size(),
        config);
  }
}
