package io.github.sdrm;

import java.util.Locale;

/**
 * Thrown when a training loss becomes NaN or infinite. The message names the stage, the epoch and
 * the loss value; lowering the learning rate usually helps.
 */
public final class TrainingDivergedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final Stage stage;
  private final int epoch;
  private final double loss;

  /** Creates the exception for the given stage, epoch (0-based) and loss value. */
  public TrainingDivergedException(Stage stage, int epoch, double loss) {
    super(
        String.format(
            Locale.ROOT,
            "%s training diverged: loss is %s at epoch %d; try a lower learning rate",
            stage.displayName(),
            loss,
            epoch));
    this.stage = stage;
    this.epoch = epoch;
    this.loss = loss;
  }

  /** The stage that diverged. */
  public Stage stage() {
    return stage;
  }

  /** The epoch (0-based) in which the loss became non-finite. */
  public int epoch() {
    return epoch;
  }

  /** The non-finite loss value. */
  public double loss() {
    return loss;
  }
}
