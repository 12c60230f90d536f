package io.github.sdrm.recsys.audit;

import io.github.sdrm.data.InteractionMatrix;
import java.util.SplittableRandom;

/** Seeded random matrices for the audit tests. */
final class AuditTestData {
  private AuditTestData() {}

  /**
   * Rows from one random model: item i has probability decaying with i (a popularity skew), so two
   * calls with different seeds are two independent samples of the same population.
   */
  static InteractionMatrix population(int users, int items, double meanDensity, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    InteractionMatrix.Builder b = InteractionMatrix.builder(users, items);
    for (int u = 0; u < users; u++) {
      for (int i = 0; i < items; i++) {
        double p = Math.min(1.0, meanDensity * 2.0 * (items - i) / items);
        if (rnd.nextDouble() < p) {
          b.add(u, i, 1);
        }
      }
    }
    return b.build();
  }

  /** Uniformly random rows (any density, empty rows possible), stored zeros included. */
  static InteractionMatrix uniform(int users, int items, double density, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    InteractionMatrix.Builder b = InteractionMatrix.builder(users, items);
    for (int u = 0; u < users; u++) {
      for (int i = 0; i < items; i++) {
        if (rnd.nextDouble() < density) {
          b.add(u, i, rnd.nextDouble() < 0.8 ? 1 : 0);
        }
      }
    }
    return b.build();
  }

  static int[] ones(InteractionMatrix m, int row) {
    int[] cols = m.rowColumns(row);
    byte[] vals = m.rowValues(row);
    int n = 0;
    for (byte v : vals) {
      n += v;
    }
    int[] out = new int[n];
    int j = 0;
    for (int k = 0; k < cols.length; k++) {
      if (vals[k] == 1) {
        out[j++] = cols[k];
      }
    }
    return out;
  }
}
