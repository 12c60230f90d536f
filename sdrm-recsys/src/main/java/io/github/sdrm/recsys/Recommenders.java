package io.github.sdrm.recsys;

import io.github.sdrm.data.InteractionMatrix;
import java.util.Locale;
import java.util.Objects;

/** Checks shared by the recommenders' {@code score} methods. */
final class Recommenders {
  private Recommenders() {}

  /**
   * Rejects scoring before fit and users with another item count.
   *
   * @param name the recommender's name, for the messages
   * @param fitted whether {@code fit} has run
   * @param items the item count of the training matrix
   */
  static void checkScorable(String name, boolean fitted, int items, InteractionMatrix users) {
    Objects.requireNonNull(users, "users");
    if (!fitted) {
      throw new IllegalStateException(name + ": score called before fit");
    }
    if (users.columns() != items) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "users must have the %d items the recommender was fitted on, found %d",
              items,
              users.columns()));
    }
  }
}
