package io.github.sdrm.nn;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Seeded parameter initialisers. Values are drawn in Java from a {@link SplittableRandom}, so that
 * a network's initial weights depend only on its seed, not on the ND4J backend or thread count.
 * Internal.
 */
public final class Initializers {
  private Initializers() {}

  /**
   * Xavier (Glorot) uniform: U(−a, a), a = √(6 / (fanIn + fanOut)), for a [fanIn, fanOut] matrix.
   */
  public static INDArray xavierUniform(int fanIn, int fanOut, SplittableRandom rnd, DataType dt) {
    double a = Math.sqrt(6.0 / (fanIn + fanOut));
    return uniform(new long[] {fanIn, fanOut}, -a, a, rnd, dt);
  }

  /** N(0, std²) entries. */
  public static INDArray normal(long[] shape, double std, SplittableRandom rnd, DataType dt) {
    int n = (int) length(shape);
    double[] v = new double[n];
    java.util.Random gauss = new java.util.Random(rnd.nextLong());
    for (int i = 0; i < n; i++) {
      v[i] = std * gauss.nextGaussian();
    }
    return create(v, shape, dt);
  }

  /** U(lo, hi) entries. */
  public static INDArray uniform(
      long[] shape, double lo, double hi, SplittableRandom rnd, DataType dt) {
    int n = (int) length(shape);
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = lo + (hi - lo) * rnd.nextDouble();
    }
    return create(v, shape, dt);
  }

  /** PyTorch's default for {@code nn.Linear}: weights and biases U(−1/√fanIn, 1/√fanIn). */
  public static INDArray pytorchLinear(long[] shape, int fanIn, SplittableRandom rnd, DataType dt) {
    double b = 1.0 / Math.sqrt(fanIn);
    return uniform(shape, -b, b, rnd, dt);
  }

  /** A tensor filled with {@code value}. */
  public static INDArray constant(long[] shape, double value, DataType dt) {
    return Nd4j.valueArrayOf(shape, value, dt);
  }

  private static INDArray create(double[] v, long[] shape, DataType dt) {
    INDArray a = Nd4j.create(v, shape, DataType.DOUBLE);
    return dt == DataType.DOUBLE ? a : a.castTo(dt);
  }

  private static long length(long[] shape) {
    long n = 1;
    for (long s : shape) {
      n *= s;
    }
    return n;
  }
}
