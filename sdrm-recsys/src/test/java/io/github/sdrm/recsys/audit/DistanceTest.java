package io.github.sdrm.recsys.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class DistanceTest {

  @Test
  void jaccard_handComputed() {
    // c = 2, |a| = 3, |b| = 4: 1 - 2 / 5
    assertEquals(0.6, PrivacyAudit.jaccard(new int[] {1, 2, 5}, new int[] {2, 5, 7, 9}), 1e-15);
    assertEquals(1.0, PrivacyAudit.jaccard(new int[] {1}, new int[] {2}), 0);
    assertEquals(0.0, PrivacyAudit.jaccard(new int[] {}, new int[] {}), 0);
    assertEquals(1.0, PrivacyAudit.jaccard(new int[] {}, new int[] {3}), 0);
  }

  @Test
  void hamming_handComputed() {
    // |a| + |b| - 2c = 3 + 4 - 4 = 3 of 10 items
    assertEquals(0.3, PrivacyAudit.hamming(new int[] {1, 2, 5}, new int[] {2, 5, 7, 9}, 10), 1e-15);
    assertThrows(
        IllegalArgumentException.class, () -> PrivacyAudit.hamming(new int[] {}, new int[] {}, 0));
  }

  @Property
  void jaccard_symmetricBoundedZeroIffEqual(
      @ForAll @Size(max = 12) Set<@IntRange(min = 0, max = 15) Integer> a,
      @ForAll @Size(max = 12) Set<@IntRange(min = 0, max = 15) Integer> b) {
    int[] x = sorted(a);
    int[] y = sorted(b);
    double ab = PrivacyAudit.jaccard(x, y);
    assertEquals(ab, PrivacyAudit.jaccard(y, x), 0);
    assertTrue(ab >= 0 && ab <= 1, "in [0, 1]: " + ab);
    assertEquals(a.equals(b), ab == 0, "0 iff equal");
    assertEquals(0.0, PrivacyAudit.jaccard(x, x), 0);
  }

  private static int[] sorted(Set<Integer> s) {
    return new TreeSet<>(s).stream().mapToInt(Integer::intValue).toArray();
  }

  @Property(tries = 200)
  void nearestNeighbours_matchBruteForce(
      @ForAll @IntRange(min = 1, max = 30) int queries,
      @ForAll @IntRange(min = 2, max = 30) int refs,
      @ForAll @IntRange(min = 1, max = 12) int items,
      @ForAll @IntRange(min = 0, max = 100) int densityPercent,
      @ForAll long seed,
      @ForAll boolean self) {
    var ref = AuditTestData.uniform(refs, items, densityPercent / 100.0, seed);
    var query = self ? ref : AuditTestData.uniform(queries, items, densityPercent / 100.0, ~seed);
    int[] exclude = self ? NearestNeighbors.identity(ref.rows()) : null;
    var result = NearestNeighbors.search(PositiveSets.of(query), PositiveSets.of(ref), exclude);
    for (int q = 0; q < query.rows(); q++) {
      double bestJ = Double.POSITIVE_INFINITY;
      double bestH = Double.POSITIVE_INFINITY;
      int bestIdx = -1;
      for (int r = 0; r < ref.rows(); r++) {
        if (self && r == q) {
          continue;
        }
        int[] a = AuditTestData.ones(query, q);
        int[] b = AuditTestData.ones(ref, r);
        double j = PrivacyAudit.jaccard(a, b);
        if (j < bestJ) {
          bestJ = j;
          bestIdx = r;
        }
        bestH = Math.min(bestH, PrivacyAudit.hamming(a, b, items));
      }
      assertEquals(bestJ, result.jaccard()[q], 1e-12, "Jaccard of query " + q);
      assertEquals(bestIdx, result.index()[q], "nearest row of query " + q);
      assertEquals(bestH, result.hamming()[q], 1e-12, "Hamming of query " + q);
    }
  }

  @Test
  void nearestNeighbours_itemMismatch() {
    var a = PositiveSets.of(AuditTestData.uniform(3, 4, 0.5, 1));
    var b = PositiveSets.of(AuditTestData.uniform(3, 5, 0.5, 1));
    var e = assertThrows(IllegalArgumentException.class, () -> NearestNeighbors.search(a, b));
    assertTrue(e.getMessage().contains("4 and 5"), e.getMessage());
  }

  @Test
  void percentile_likeNumpy() {
    double[] v = {4, 1, 3, 2};
    // numpy.percentile([1, 2, 3, 4], 5) = 1.15; median 2.5
    assertEquals(1.15, PrivacyAudit.percentile(v, 5), 1e-12);
    assertEquals(2.5, PrivacyAudit.percentile(v, 50), 1e-12);
    assertEquals(4.0, PrivacyAudit.percentile(v, 100), 0);
    assertTrue(Double.isNaN(PrivacyAudit.percentile(new double[0], 50)));
    assertEquals("[4.0, 1.0, 3.0, 2.0]", Arrays.toString(v), "input untouched");
  }
}
