package io.github.sdrm.recsys.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sdrm.data.InteractionMatrix;
import org.junit.jupiter.api.Test;

class FidelityStatisticsTest {

  @Test
  void identicalData_perfectScores() {
    InteractionMatrix m = AuditTestData.population(200, 120, 0.1, 3);
    FidelityStatistics.Result r = FidelityStatistics.compare(m, m);
    assertEquals(1.0, r.popularitySpearman(), 1e-12);
    assertEquals(0.0, r.popularityJensenShannon(), 1e-12);
    assertEquals(0.0, r.degreeKs(), 0);
    assertEquals(0.0, r.degreeWasserstein(), 0);
    assertEquals(1.0, r.cooccurrenceCorrelation(), 1e-12);
    assertEquals(r.realDensity(), r.syntheticDensity(), 0);
  }

  @Test
  void jensenShannon_handComputed() {
    // disjoint supports: 1 bit
    assertEquals(
        1.0, FidelityStatistics.jensenShannon(new double[] {1, 0}, new double[] {0, 3}), 1e-12);
    // p = (1/2, 1/2), q = (1, 0): m = (3/4, 1/4);
    // JS = 1/2 [1/2 log2(2/3) + 1/2 log2(2)] + 1/2 [log2(4/3)]
    double expected = 0.5 * (0.5 * log2(2.0 / 3) + 0.5 * log2(2)) + 0.5 * log2(4.0 / 3);
    assertEquals(
        expected,
        FidelityStatistics.jensenShannon(new double[] {2, 2}, new double[] {5, 0}),
        1e-12);
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  @Test
  void wasserstein_handComputed() {
    // {0, 1, 3} vs {5, 6, 8}: a shift by 5
    assertEquals(
        5.0, FidelityStatistics.wasserstein(new double[] {0, 1, 3}, new double[] {5, 6, 8}), 1e-12);
    // scipy.stats.wasserstein_distance([0, 1], [0, 2, 4]) = 1.5
    assertEquals(
        1.5, FidelityStatistics.wasserstein(new double[] {0, 1}, new double[] {0, 2, 4}), 1e-12);
  }

  @Test
  void handComputed_smallMatrices() {
    InteractionMatrix real = InteractionMatrix.fromRows(4, new int[][] {{0, 1}, {0}, {0, 2}}, null);
    InteractionMatrix synth = InteractionMatrix.fromRows(4, new int[][] {{0, 1, 2}, {1}}, null);
    FidelityStatistics.Result r = FidelityStatistics.compare(real, synth);
    // item 3 is held by no synthetic row
    assertEquals(0.25, r.itemsNeverGenerated(), 0);
    // degrees {2, 1, 2} vs {3, 1}: CDFs differ most at 2 (1 vs 1/2)
    assertEquals(0.5, r.degreeKs(), 1e-12);
    assertEquals(5.0 / 12, r.realDensity(), 1e-12);
    assertEquals(0.5, r.syntheticDensity(), 1e-12);
  }

  @Test
  void independentData_worseThanCopies() {
    InteractionMatrix m = AuditTestData.population(300, 100, 0.1, 5);
    FidelityStatistics.Result copy =
        FidelityStatistics.compare(m, ReferenceGenerators.copy(m, 300, 1));
    InteractionMatrix flat = AuditTestData.uniform(300, 100, 0.1, 5);
    FidelityStatistics.Result uniform = FidelityStatistics.compare(m, flat);
    assertTrue(copy.popularitySpearman() > uniform.popularitySpearman());
    assertTrue(copy.popularityJensenShannon() < uniform.popularityJensenShannon());
  }

  @Test
  void mismatchedItems_rejected() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                FidelityStatistics.compare(
                    AuditTestData.uniform(3, 4, 0.5, 1), AuditTestData.uniform(3, 5, 0.5, 1)));
    assertTrue(e.getMessage().contains("4 and 5"), e.getMessage());
  }
}
