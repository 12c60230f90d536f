package io.github.sdrm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.github.sdrm.nn.NoiseSource;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class Nd4jSeedsTest {

  @Test
  void zeroIsMappedOtherSeedsKept() {
    assertNotEquals(0L, Nd4jSeeds.nativeSeed(0));
    assertEquals(7L, Nd4jSeeds.nativeSeed(7));
    assertEquals(-1L, Nd4jSeeds.nativeSeed(-1));
  }

  @Test
  void seedZeroNoiseIsReproducible() {
    // without the mapping, two seed-0 streams drew different numbers
    INDArray a;
    INDArray b;
    try (NoiseSource n = new NoiseSource(0L, DataType.FLOAT)) {
      a = n.gaussian(20, 20, 1.0).dup();
    }
    try (NoiseSource n = new NoiseSource(0L, DataType.FLOAT)) {
      b = n.gaussian(20, 20, 1.0).dup();
    }
    assertEquals(a, b);
  }
}
