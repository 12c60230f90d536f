package io.github.sdrm.recsys;

import io.github.sdrm.data.InteractionMatrix;
import java.util.SplittableRandom;

/** Small seeded matrices for the recsys tests. */
final class RecsysTestData {
  private RecsysTestData() {}

  /** Two groups of users with different favourite halves of the items, with stored zeros. */
  static InteractionMatrix clustered(int users, int items, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    InteractionMatrix.Builder b = InteractionMatrix.builder(users, items);
    for (int u = 0; u < users; u++) {
      for (int i = 0; i < items; i++) {
        boolean liked = (i < items / 2) == (u % 2 == 0);
        if (rnd.nextDouble() < (liked ? 0.5 : 0.05)) {
          b.add(u, i, liked || rnd.nextBoolean() ? 1 : 0);
        }
      }
    }
    return b.build();
  }
}
