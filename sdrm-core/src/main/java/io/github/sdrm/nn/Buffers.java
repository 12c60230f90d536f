package io.github.sdrm.nn;

import java.nio.FloatBuffer;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Bulk copies between Java float arrays and ND4J arrays. ND4J 1.0.0-M2.1 copies a Java array into a
 * new array element by element ({@code Nd4j.create(float[], ...)}), several times slower than the
 * one memory copy used here; reads through {@link FloatBuffer} views likewise copy rows in bulk.
 * The values are the same bits either way. Internal.
 */
public final class Buffers {
  private Buffers() {}

  /** A new c-ordered float array of the given shape holding {@code data}, in the current scope. */
  public static INDArray floats(float[] data, long... shape) {
    long n = 1;
    for (long s : shape) {
      n *= s;
    }
    if (n != data.length) {
      throw new IllegalArgumentException(
          "shape " + Arrays.toString(shape) + " needs " + n + " values, found " + data.length);
    }
    INDArray out = Nd4j.createUninitialized(DataType.FLOAT, shape);
    if (data.length > 0) {
      view(out).put(0, data, 0, data.length);
    }
    return out;
  }

  /** The values of a contiguous c-ordered float array, copied into a new Java array. */
  public static float[] floats(INDArray a) {
    float[] out = new float[(int) a.length()];
    if (out.length > 0) {
      view(a).get(0, out, 0, out.length);
    }
    return out;
  }

  /** Whether {@link #view} accepts {@code a}: a contiguous c-ordered float array at offset 0. */
  public static boolean isContiguousFloat(INDArray a) {
    return a.dataType() == DataType.FLOAT
        && !a.isView()
        && a.ordering() == 'c'
        && a.offset() == 0
        && a.data().length() >= a.length();
  }

  /**
   * A view of a contiguous c-ordered float array's memory: writes through it change the array.
   *
   * @throws IllegalArgumentException for a view, another ordering, an offset or another type
   */
  public static FloatBuffer view(INDArray a) {
    if (!isContiguousFloat(a)) {
      throw new IllegalArgumentException(
          "expected a contiguous c-ordered float array, found "
              + a.dataType()
              + " "
              + a.ordering()
              + (a.isView() ? " view" : "")
              + " at offset "
              + a.offset());
    }
    return a.data().asNioFloat();
  }
}
