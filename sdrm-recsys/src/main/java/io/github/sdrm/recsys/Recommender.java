package io.github.sdrm.recsys;

import io.github.sdrm.data.InteractionMatrix;

/**
 * A top-k recommender evaluated by the fold-in protocol: it is fitted on an interaction matrix,
 * then scores users given by their fold-in rows (users it may never have seen).
 *
 * <p>Implementations are mutable: {@link #fit} replaces any earlier model. {@link #score} before
 * {@code fit} throws {@link IllegalStateException}.
 */
public interface Recommender {

  /** A short name for tables ("svd", "mlp", ...). */
  String name();

  /**
   * Trains on {@code train}; stored ones are interactions, stored zeros and unstored cells are
   * not (implementations that use stored zeros, such as NeuMF's negatives, say so).
   */
  void fit(InteractionMatrix train);

  /**
   * Scores every item for every user row of {@code users} (their fold-in interactions).
   *
   * @return scores [users.rows()][items]
   * @throws IllegalStateException if called before {@link #fit}
   * @throws IllegalArgumentException if {@code users} has a different number of items
   */
  float[][] score(InteractionMatrix users);
}
