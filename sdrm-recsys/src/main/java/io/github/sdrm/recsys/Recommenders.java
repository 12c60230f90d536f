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
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "users must have the %d items the recommender was fitted on, found %d", items,
          users.columns()));
    }
  }

  /**
   * The seed handed to ND4J's generator and Deeplearning4j's configuration. ND4J 1.0.0-M2.1's
   * native generator treats seed 0 as no seed: its draws then differ from JVM to JVM and even
   * between two generators in one JVM (measured: uniform draws of two seed-0 generators differ,
   * of two seed-7 ones agree; an MLP seeded 0 gets different initial weights in every JVM). So 0
   * is mapped to a fixed non-zero seed; every other seed is used as it is.
   */
  static long nativeSeed(long seed) {
    return seed == 0 ? 0x9E3779B97F4A7C15L : seed;
  }
}
