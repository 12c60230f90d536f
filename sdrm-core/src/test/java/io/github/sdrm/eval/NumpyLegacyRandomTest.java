package io.github.sdrm.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Test vectors from NumPy's legacy RandomState (issue #3). */
class NumpyLegacyRandomTest {
  @Test
  void rawOutputs_afterSeed123() {
    NumpyLegacyRandom r = new NumpyLegacyRandom(123);
    long[] expected = {2991312382L, 3062119789L, 1228959102L, 1840268610L, 974319580L};
    for (long e : expected) {
      assertEquals(e, r.nextUnsignedInt());
    }
  }

  @Test
  void choiceWithoutReplacement_successiveCalls() {
    NumpyLegacyRandom r = new NumpyLegacyRandom(123);
    assertArrayEquals(new int[] {4, 0}, r.choiceWithoutReplacement(10, 2));
    assertArrayEquals(new int[] {8, 10, 5, 6, 16}, r.choiceWithoutReplacement(25, 5));
    assertArrayEquals(
        new int[] {97, 88, 100, 2, 4, 32, 74, 99, 36, 0, 31, 37, 28, 57, 45, 29, 24, 8, 5, 16, 13},
        r.choiceWithoutReplacement(101, 21));
  }
}
