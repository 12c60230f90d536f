package io.github.sdrm.recsys.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.sdrm.data.InteractionMatrix;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReferenceGeneratorsTest {

  @Test
  void copy_everyMemberOnceBeforeTwice() {
    InteractionMatrix m = AuditTestData.uniform(50, 20, 0.3, 1).onesOnly();
    InteractionMatrix c = ReferenceGenerators.copy(m, 50, 7);
    Set<List<Integer>> real = new HashSet<>();
    Set<List<Integer>> copied = new HashSet<>();
    for (int u = 0; u < 50; u++) {
      real.add(List.of(box(m.rowColumns(u))));
      copied.add(List.of(box(c.rowColumns(u))));
    }
    assertEquals(real, copied);
    assertEquals(c, ReferenceGenerators.copy(m, 50, 7), "same seed");
    assertNotEquals(c, ReferenceGenerators.copy(m, 50, 8), "different seed");
    assertEquals(120, ReferenceGenerators.copy(m, 120, 7).rows());
  }

  @Test
  void independent_matchesDensityOnAverage() {
    InteractionMatrix m = AuditTestData.population(400, 60, 0.1, 2);
    InteractionMatrix s = ReferenceGenerators.independent(m, 4000, 3);
    assertEquals(m.density(), s.density(), 0.1 * m.density());
    assertEquals(s, ReferenceGenerators.independent(m, 4000, 3));
  }

  @Test
  void negativeUsers_rejected() {
    InteractionMatrix m = AuditTestData.uniform(5, 5, 0.5, 1);
    assertThrows(IllegalArgumentException.class, () -> ReferenceGenerators.copy(m, -1, 1));
    assertThrows(IllegalArgumentException.class, () -> ReferenceGenerators.independent(m, -1, 1));
  }

  private static Integer[] box(int[] a) {
    Integer[] b = new Integer[a.length];
    for (int i = 0; i < a.length; i++) {
      b[i] = a[i];
    }
    return b;
  }
}
