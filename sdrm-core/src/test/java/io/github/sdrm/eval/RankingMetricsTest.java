package io.github.sdrm.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sdrm.data.InteractionMatrix;
import org.junit.jupiter.api.Test;

class RankingMetricsTest {
  // 2 users, 6 items
  private final InteractionMatrix foldIn =
      InteractionMatrix.fromRows(6, new int[][] {{0}, {5}}, null);
  private final InteractionMatrix heldOut =
      InteractionMatrix.fromRows(6, new int[][] {{1, 3, 4}, {2}}, null);
  private final float[][] scores = {
    {9f, 5f, 4f, 3f, 1f, 0f}, // ranking without item 0: 1, 2, 3, 5, 4 -> hits at ranks 0, 2
    {0f, 1f, 2f, 3f, 4f, 9f} // ranking without item 5: 4, 3, 2, ... -> hit at rank 2
  };

  @Test
  void recallAndNdcg_handComputed() {
    RankingMetrics.Result r = RankingMetrics.evaluate(scores, foldIn, heldOut, 1, 3, 5);
    double log3 = Math.log(2) / Math.log(4); // 1/log2(4)
    // user 0: R@1 = 1/1, R@3 = 2/3, R@5 = 3/3; user 1: R@1 = 0, R@3 = 1/1, R@5 = 1
    assertEquals((1.0 + 0.0) / 2, r.recall(1), 1e-12);
    assertEquals((2.0 / 3 + 1.0) / 2, r.recall(3), 1e-12);
    assertEquals((1.0 + 1.0) / 2, r.recall(5), 1e-12);
    // plain recall divides by |held-out| always
    assertEquals((1.0 / 3 + 0.0) / 2, r.plainRecall(1), 1e-12);
    double idcg3 = 1 + 1 / (Math.log(3) / Math.log(2)) + log3;
    double u0n3 = (1 + log3) / idcg3;
    double u1n3 = log3 / 1.0;
    assertEquals((u0n3 + u1n3) / 2, r.ndcg(3), 1e-12);
    assertEquals(2, r.users());
  }

  @Test
  void topK_masksAndBreaksTiesByIndex() {
    float[] s = {1f, 3f, 3f, 2f};
    assertArrayEquals(new int[] {2, 3}, RankingMetrics.topK(s, new int[] {1}, 2));
  }

  @Test
  void cutoff_zero() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> RankingMetrics.evaluate(scores, foldIn, heldOut, 0));
    assertEquals("cut-off k must be in [1, 6] (the number of items), found 0", e.getMessage());
  }

  @Test
  void cutoff_aboveItems() {
    assertThrows(
        IllegalArgumentException.class, () -> RankingMetrics.evaluate(scores, foldIn, heldOut, 7));
  }

  @Test
  void scores_nonFinite() {
    float[][] bad = {scores[0].clone(), scores[1].clone()};
    bad[1][3] = Float.NaN;
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> RankingMetrics.evaluate(bad, foldIn, heldOut, 1));
    assertEquals("score of user 1, item 3 must be finite, found NaN", e.getMessage());
  }

  @Test
  void shapes_disagree() {
    InteractionMatrix wide = InteractionMatrix.fromRows(7, new int[][] {{1}, {2}}, null);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> RankingMetrics.evaluate(scores, foldIn, wide, 1));
    assertTrue(e.getMessage().contains("held-out 2 x 7"), e.getMessage());
  }

  @Test
  void heldOut_empty() {
    InteractionMatrix none = InteractionMatrix.fromRows(6, new int[][] {{}, {}}, null);
    assertThrows(
        IllegalStateException.class, () -> RankingMetrics.evaluate(scores, foldIn, none, 1));
  }
}
