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
   * Trains on {@code train}; stored ones are interactions, stored zeros and unstored cells are not
   * (implementations that use stored zeros, such as NeuMF's negatives, say so).
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

  /**
   * The top-{@code k} items for each user row of {@code users}: highest score first, ties broken by
   * the lower item index, and the user's stored items (seen, liked or not) left out. A user with
   * fewer than {@code k} unseen items gets all of them.
   *
   * <pre>{@code
   * recommender.fit(train);
   * InteractionMatrix alice = InteractionMatrix.fromRows(train.columns(),
   *     new int[][] {{3, 17, 42}}, null);                  // the items she has seen
   * int[] top10 = recommender.recommend(alice, 10)[0];
   * }</pre>
   *
   * @throws IllegalArgumentException if {@code k} is below 1 or the item counts differ
   * @throws IllegalStateException if called before {@link #fit}
   */
  default int[][] recommend(InteractionMatrix users, int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1, found " + k);
    }
    float[][] scores = score(users);
    int[][] out = new int[scores.length][];
    for (int u = 0; u < scores.length; u++) {
      out[u] = TopK.unseen(scores[u], users.rowColumns(u), k);
    }
    return out;
  }
}
