package io.github.sdrm.recsys.audit;

import io.github.sdrm.data.InteractionMatrix;
import io.github.sdrm.data.Permutations;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Two generators that bracket every real one, reported beside it so that the metrics are seen to
 * work: {@link #copy} memorises completely (exact copies ≈ 100 %, membership-inference AUC near 1);
 * {@link #independent} memorises nothing (each cell drawn from item frequency × user activity), at
 * the price of weak utility. A metric that cannot tell them apart is broken.
 */
public final class ReferenceGenerators {
  private ReferenceGenerators() {}

  /**
   * {@code users} member rows (positive sets only) in a seeded random order, every member once
   * before any member twice: with as many users as members, each member is copied exactly once.
   */
  public static InteractionMatrix copy(InteractionMatrix members, int users, long seed) {
    check(members, users);
    SplittableRandom rnd = new SplittableRandom(seed);
    int n = members.rows();
    int[] rows = new int[users];
    int[] order = NearestNeighbors.identity(n);
    for (int u = 0; u < users; u++) {
      int pos = u % n;
      if (pos == 0) {
        Permutations.shuffle(order, rnd);
      }
      rows[u] = order[pos];
    }
    return members.onesOnly().selectRows(rows);
  }

  /**
   * {@code users} rows with cell (u, i) ~ Bernoulli(min(1, pᵢ · dᵤ / mean(d))), pᵢ the share of
   * members holding item i and dᵤ the positive count of a member drawn at random: the expected row
   * size is dᵤ (up to the clipping), and nothing of any one member is kept.
   */
  public static InteractionMatrix independent(InteractionMatrix members, int users, long seed) {
    check(members, users);
    PositiveSets m = PositiveSets.of(members);
    int items = m.items;
    int[] support = m.itemSupport();
    double meanDegree = (double) m.cols.length / m.rows;
    double[] p = new double[items];
    for (int i = 0; i < items; i++) {
      p[i] = (double) support[i] / m.rows;
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    int[][] rows = new int[users][];
    int[] buf = new int[items];
    for (int u = 0; u < users; u++) {
      double scale = meanDegree == 0 ? 0 : m.size(rnd.nextInt(m.rows)) / meanDegree;
      int n = 0;
      for (int i = 0; i < items; i++) {
        if (rnd.nextDouble() < Math.min(1.0, p[i] * scale)) {
          buf[n++] = i;
        }
      }
      rows[u] = Arrays.copyOf(buf, n);
    }
    return InteractionMatrix.fromRows(items, rows, null);
  }

  private static void check(InteractionMatrix members, int users) {
    Objects.requireNonNull(members, "members");
    if (members.rows() == 0) {
      throw new IllegalArgumentException("members must have rows, found none");
    }
    if (users < 0) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "users must be at least 0, found %d", users));
    }
  }
}
