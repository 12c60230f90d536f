package io.github.sdrm;

/**
 * Receives progress while an {@link Sdrm} model trains: for logs and progress bars. Called on the
 * training thread; keep it quick.
 */
@FunctionalInterface
public interface TrainingListener {
  /** A listener that ignores every event. */
  TrainingListener NONE = e -> {};

  /** Called after every epoch of every stage. */
  void onEpoch(TrainingEvent event);

  /** Called when a stage starts; {@code maxEpochs} is an upper bound. */
  default void onStageStart(Stage stage, int maxEpochs) {}

  /** Called when a stage ends, after {@code epochs} epochs. */
  default void onStageEnd(Stage stage, int epochs) {}
}
