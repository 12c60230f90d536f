package io.github.sdrm.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sdrm.data.InteractionMatrix;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class FoldInSplitProperties {

  private static InteractionMatrix random(long seed, int rows, int cols) {
    SplittableRandom rnd = new SplittableRandom(seed);
    InteractionMatrix.Builder b = InteractionMatrix.builder(rows, cols);
    for (int r = 0; r < rows; r++) {
      double p = rnd.nextDouble() * 0.6;
      for (int c = 0; c < cols; c++) {
        if (rnd.nextDouble() < p) {
          b.add(r, c, rnd.nextInt(2));
        }
      }
    }
    return b.build();
  }

  @Property(tries = 100)
  void foldInAndHeldOutPartitionEveryRow(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 30) int rows,
      @ForAll @IntRange(min = 1, max = 40) int cols,
      @ForAll FoldInSplit.Mode mode) {
    InteractionMatrix m = random(seed, rows, cols);
    long splitSeed = seed & 0xffffffffL;
    FoldInSplit s = FoldInSplit.split(m, 0.2, splitSeed, mode, FoldInSplit.Values.ALL_ONES);
    Set<Integer> skipped = new HashSet<>();
    for (int u : s.usersWithoutHeldOut()) {
      skipped.add(u);
    }
    for (int r = 0; r < rows; r++) {
      Set<Integer> in = new HashSet<>();
      for (int c : s.foldIn().rowColumns(r)) {
        in.add(c);
      }
      int n = m.rowLength(r);
      int held = s.heldOut().rowLength(r);
      for (int c : s.heldOut().rowColumns(r)) {
        assertTrue(in.add(c), "column " + c + " of row " + r + " is in both parts");
      }
      Set<Integer> all = new HashSet<>();
      for (int c : m.rowColumns(r)) {
        all.add(c);
      }
      assertEquals(all, in);
      assertEquals(n < 2 ? 0 : (int) Math.ceil(0.2 * n), held);
      assertEquals(n < 2, skipped.contains(r));
    }
    assertEquals(s.foldIn().storedCount(), s.foldIn().onesCount());
  }

  @Property(tries = 30)
  void splitIsDeterministicPerSeed(
      @ForAll @LongRange(min = 0, max = 0xffffffffL) long seed, @ForAll FoldInSplit.Mode mode) {
    InteractionMatrix m = random(seed, 20, 30);
    FoldInSplit a = FoldInSplit.split(m, 0.2, seed, mode, FoldInSplit.Values.ALL_ONES);
    FoldInSplit b = FoldInSplit.split(m, 0.2, seed, mode, FoldInSplit.Values.ALL_ONES);
    assertEquals(a.foldIn(), b.foldIn());
    assertEquals(a.heldOut(), b.heldOut());
  }

  @Property(tries = 50)
  void positivesOnlyHoldsOutOnlyPositives(@ForAll long seed) {
    InteractionMatrix m = random(seed, 15, 25);
    FoldInSplit s =
        FoldInSplit.split(m, 0.2, seed, FoldInSplit.Mode.FAST, FoldInSplit.Values.POSITIVES_ONLY);
    for (int r = 0; r < m.rows(); r++) {
      for (int c : s.heldOut().rowColumns(r)) {
        assertEquals(1, m.get(r, c));
      }
      for (int c : s.foldIn().rowColumns(r)) {
        assertEquals(m.get(r, c), s.foldIn().get(r, c));
      }
    }
  }
}
