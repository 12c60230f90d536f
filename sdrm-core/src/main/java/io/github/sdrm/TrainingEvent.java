package io.github.sdrm;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * One finished training epoch.
 *
 * @param stage the stage being trained
 * @param epoch the epoch, 0-based
 * @param maxEpochs the most epochs this stage can run (early stopping may end it sooner)
 * @param loss the mean training loss of the epoch
 * @param validationMetric the validation Recall@10 of the VAE stage, NaN for the diffusion stage
 * @param elapsed time since the stage started
 */
public record TrainingEvent(
    Stage stage, int epoch, int maxEpochs, double loss, double validationMetric, Duration elapsed) {

  /** Validates the fields. */
  public TrainingEvent {
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(elapsed, "elapsed");
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "%s epoch %d/%d loss %.6f%s (%.1f s)",
        stage.displayName(),
        epoch + 1,
        maxEpochs,
        loss,
        Double.isNaN(validationMetric)
            ? ""
            : String.format(Locale.ROOT, " recall@10 %.4f", validationMetric),
        elapsed.toMillis() / 1000.0);
  }
}
