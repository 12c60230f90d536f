package io.github.sdrm.recsys;

import io.github.sdrm.data.InteractionMatrix;
import java.util.Objects;

/**
 * What a recommender is trained on when synthetic data is evaluated (the SDRM paper's settings). In
 * every setting the recommender then scores the evaluation users from their fold-in rows. Unlike
 * the reference's {@code --augment-training-data} flag, which meant REPLACE for SVD and AUGMENT for
 * MLP and NeuMF, a setting means the same for every recommender.
 */
public enum Setting {
  /** Real training users plus the evaluation users' fold-in rows; no synthetic data. */
  ORIGINAL,
  /** Synthetic users (instead of the real ones) plus the fold-in rows: the privacy setting. */
  REPLACE,
  /** Real training users, the fold-in rows and synthetic users: the sparsity setting. */
  AUGMENT;

  /**
   * The training matrix of this setting.
   *
   * @param train the real training users
   * @param foldIn the evaluation users' fold-in rows
   * @param synthetic the synthetic users; ignored (may be null) for {@link #ORIGINAL}
   */
  public InteractionMatrix trainingMatrix(
      InteractionMatrix train, InteractionMatrix foldIn, InteractionMatrix synthetic) {
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(foldIn, "foldIn");
    switch (this) {
      case ORIGINAL:
        return InteractionMatrix.vstack(train, foldIn);
      case REPLACE:
        return InteractionMatrix.vstack(Objects.requireNonNull(synthetic, "synthetic"), foldIn);
      default:
        return InteractionMatrix.vstack(
            train, foldIn, Objects.requireNonNull(synthetic, "synthetic"));
    }
  }
}
