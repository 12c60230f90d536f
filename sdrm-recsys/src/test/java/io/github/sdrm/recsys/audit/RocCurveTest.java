package io.github.sdrm.recsys.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class RocCurveTest {

  @Test
  void handComputed_withTies() {
    // positives {3, 2, 2}, negatives {2, 1}: pairs won 2 (3>2, 3>1) + 2 (2>1) + ties 2 x 0.5
    RocCurve roc = RocCurve.of(new double[] {3, 2, 2}, new double[] {2, 1});
    assertEquals(5.0 / 6.0, roc.auc(), 1e-12);
    assertArrayEquals(new double[] {0, 0, 0.5, 1}, roc.fpr(), 1e-12);
    assertArrayEquals(new double[] {0, 1.0 / 3, 1, 1}, roc.tpr(), 1e-12);
    // interpolated on the tie segment from (0, 1/3) to (0.5, 1)
    assertEquals(1.0 / 3 + (2.0 / 3) * 0.2, roc.tprAt(0.1), 1e-12);
    assertEquals(1.0 / 3, roc.tprAt(0.0), 1e-12);
    assertEquals(5.0 / 6.0, PrivacyAudit.auc(new double[] {3, 2, 2}, new double[] {2, 1}), 1e-12);
  }

  @Test
  void perfectAndReversed() {
    assertEquals(1.0, RocCurve.of(new double[] {5, 6}, new double[] {1, 2}).auc(), 0);
    assertEquals(0.0, RocCurve.of(new double[] {1, 2}, new double[] {5, 6}).auc(), 0);
    assertEquals(1.0, RocCurve.of(new double[] {5, 6}, new double[] {1, 2}).tprAt(0.1), 0);
  }

  @Test
  void empty_rejected() {
    assertThrows(
        IllegalArgumentException.class, () -> RocCurve.of(new double[0], new double[] {1}));
    assertThrows(
        IllegalArgumentException.class,
        () -> RocCurve.of(new double[] {1}, new double[] {1}).tprAt(1.5));
  }

  @Property
  void area_equalsMannWhitneyCount(
      @ForAll @Size(min = 1, max = 40) List<@IntRange(min = 0, max = 6) Integer> pos,
      @ForAll @Size(min = 1, max = 40) List<@IntRange(min = 0, max = 6) Integer> neg) {
    double[] p = pos.stream().mapToDouble(Integer::doubleValue).toArray();
    double[] n = neg.stream().mapToDouble(Integer::doubleValue).toArray();
    double wins = 0;
    for (double x : p) {
      for (double y : n) {
        wins += x > y ? 1 : x == y ? 0.5 : 0;
      }
    }
    double expected = wins / (p.length * n.length);
    assertEquals(expected, RocCurve.of(p, n).auc(), 1e-12);
    assertEquals(expected, PrivacyAudit.auc(p.clone(), n.clone()), 1e-12);
  }
}
