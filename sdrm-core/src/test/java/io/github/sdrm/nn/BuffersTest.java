package io.github.sdrm.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class BuffersTest {
  private static float[] random(int n, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    float[] f = new float[n];
    for (int i = 0; i < n; i++) {
      f[i] = (float) rnd.nextGaussian();
    }
    return f;
  }

  @Test
  void sameBitsAsNd4jsOwnCopies() {
    float[] f = random(37 * 11, 1L);
    INDArray ours = Buffers.floats(f, 37, 11);
    INDArray theirs = Nd4j.create(f, new long[] {37, 11}, DataType.FLOAT);
    assertEquals(theirs, ours);
    assertArrayEquals(theirs.data().asFloat(), Buffers.floats(ours));
    assertArrayEquals(new long[] {37, 11}, ours.shape());
  }

  @Test
  void insideAWorkspace_andWritesThroughTheView() {
    float[] f = random(64, 2L);
    try (MemoryWorkspace ws = Workspaces.open("BUFFERS_TEST")) {
      // something allocated first, so the array does not start the workspace's memory
      INDArray before = Nd4j.rand(DataType.FLOAT, 5, 3);
      INDArray a = Buffers.floats(f, 8, 8);
      assertArrayEquals(f, a.data().asFloat());
      assertArrayEquals(f, Buffers.floats(a));
      Buffers.view(a).put(9, 42f);
      assertEquals(42f, a.getFloat(1, 1));
      assertEquals(15, before.length());
    }
  }

  @Test
  void rejectsViewsAndOtherTypes() {
    INDArray m = Nd4j.rand(DataType.FLOAT, 4, 4);
    INDArray rows = m.get(NDArrayIndex.interval(1, 3), NDArrayIndex.all());
    assertThrows(IllegalArgumentException.class, () -> Buffers.view(rows));
    assertThrows(IllegalArgumentException.class, () -> Buffers.view(m.castTo(DataType.DOUBLE)));
    assertThrows(IllegalArgumentException.class, () -> Buffers.floats(new float[3], 2, 2));
    assertEquals(0, Buffers.floats(new float[0], 0, 5).length());
  }
}
