package io.github.sdrm.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sdrm.data.InteractionMatrix;
import org.junit.jupiter.api.Test;

class SyntheticDatasetTest {
  @Test
  void shapedLikeMl100kWithStoredZeros() {
    Dataset d = SyntheticDataset.mlLike();
    InteractionMatrix m = d.full();
    assertEquals(938, m.rows());
    assertEquals(1008, m.columns());
    assertTrue(m.density() > 0.07 && m.density() < 0.13, "density " + m.density());
    double likeShare = (double) m.onesCount() / m.storedCount();
    assertTrue(likeShare > 0.45 && likeShare < 0.7, "share of ones " + likeShare);
    assertEquals(656, d.train().rows());
    assertEquals(187, d.test().rows());
    assertEquals(95, d.valid().rows());
    assertEquals(
        "Dataset[938 users x 1008 items, "
            + m.storedCount()
            + " stored ("
            + m.onesCount()
            + " ones); train 656, test 187, valid 95]",
        d.toString());
  }

  @Test
  void seeded() {
    assertEquals(SyntheticDataset.generate(3).full(), SyntheticDataset.generate(3).full());
    assertNotEquals(SyntheticDataset.generate(3).full(), SyntheticDataset.generate(4).full());
  }
}
