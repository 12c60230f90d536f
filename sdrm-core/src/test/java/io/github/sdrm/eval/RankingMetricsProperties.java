package io.github.sdrm.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sdrm.data.InteractionMatrix;
import java.util.SplittableRandom;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class RankingMetricsProperties {
  private static final int[] KS = {1, 3, 5, 10};

  private static FoldInSplit split(long seed, int rows, int cols) {
    SplittableRandom rnd = new SplittableRandom(seed);
    InteractionMatrix.Builder b = InteractionMatrix.builder(rows, cols);
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        if (rnd.nextDouble() < 0.3) {
          b.add(r, c, 1);
        }
      }
    }
    return FoldInSplit.split(b.build(), seed);
  }

  @Property(tries = 100)
  void metricsLieInTheUnitInterval(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 20) int rows,
      @ForAll @IntRange(min = 10, max = 40) int cols) {
    FoldInSplit s = split(seed, rows, cols);
    Assume.that(s.heldOut().storedCount() > 0);
    SplittableRandom rnd = new SplittableRandom(~seed);
    float[][] scores = new float[rows][cols];
    for (float[] row : scores) {
      for (int c = 0; c < cols; c++) {
        row[c] = (float) rnd.nextGaussian();
      }
    }
    RankingMetrics.Result r = RankingMetrics.evaluate(scores, s.foldIn(), s.heldOut(), KS);
    for (int k : KS) {
      for (double v : new double[] {r.recall(k), r.plainRecall(k), r.ndcg(k)}) {
        assertTrue(v >= 0 && v <= 1 + 1e-12, "metric " + v + " at k=" + k);
      }
      assertTrue(r.plainRecall(k) <= r.recall(k) + 1e-12);
    }
  }

  @Property(tries = 100)
  void perfectScorerGetsOne(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 20) int rows,
      @ForAll @IntRange(min = 10, max = 40) int cols) {
    FoldInSplit s = split(seed, rows, cols);
    Assume.that(s.heldOut().storedCount() > 0);
    float[][] scores = new float[rows][cols];
    for (int r = 0; r < rows; r++) {
      for (int c : s.heldOut().rowColumns(r)) {
        scores[r][c] = 1f;
      }
    }
    RankingMetrics.Result r = RankingMetrics.evaluate(scores, s.foldIn(), s.heldOut(), KS);
    for (int k : KS) {
      assertEquals(1.0, r.recall(k), 1e-12);
      assertEquals(1.0, r.ndcg(k), 1e-12);
    }
  }

  @Property(tries = 100)
  void truncatedRecallWithLargeKIsTheHitRateOfTheWholeHeldOutSet(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 10) int rows) {
    int cols = 12;
    FoldInSplit s = split(seed, rows, cols);
    Assume.that(s.heldOut().storedCount() > 0);
    SplittableRandom rnd = new SplittableRandom(seed + 1);
    float[][] scores = new float[rows][cols];
    for (float[] row : scores) {
      for (int c = 0; c < cols; c++) {
        row[c] = (float) rnd.nextGaussian();
      }
    }
    // k = items: every unmasked item is recommended, so every held-out item is hit
    RankingMetrics.Result r = RankingMetrics.evaluate(scores, s.foldIn(), s.heldOut(), cols);
    assertEquals(1.0, r.recall(cols), 1e-12);
    assertEquals(1.0, r.plainRecall(cols), 1e-12);
  }

  @Property(tries = 100)
  void truncatedRecallEqualsPlainRecallOnceKCoversTheHeldOutSet(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 15) int rows,
      @ForAll @IntRange(min = 10, max = 40) int cols) {
    FoldInSplit s = split(seed, rows, cols);
    Assume.that(s.heldOut().storedCount() > 0);
    int maxHeld = 0;
    for (int r = 0; r < rows; r++) {
      maxHeld = Math.max(maxHeld, s.heldOut().rowLength(r));
    }
    SplittableRandom rnd = new SplittableRandom(seed ^ 77);
    float[][] scores = new float[rows][cols];
    for (float[] row : scores) {
      for (int c = 0; c < cols; c++) {
        row[c] = (float) rnd.nextGaussian();
      }
    }
    // k >= |held-out| for every user: hits / min(k, |H|) = hits / |H|, the hit rate of H
    RankingMetrics.Result r =
        RankingMetrics.evaluate(scores, s.foldIn(), s.heldOut(), maxHeld, cols);
    assertEquals(r.plainRecall(maxHeld), r.recall(maxHeld), 1e-12);
    assertEquals(r.plainRecall(cols), r.recall(cols), 1e-12);
  }
}
