package io.github.sdrm.nn;

import io.github.sdrm.Nd4jSeeds;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.BernoulliDistribution;
import org.nd4j.linalg.api.ops.random.impl.GaussianDistribution;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A seeded stream of Gaussian noise and dropout masks, owned by one component. It wraps its own
 * ND4J random generator, so no global random state is shared or disturbed. Internal.
 */
public final class NoiseSource implements Noise, AutoCloseable {
  private final Random rng;
  private final DataType dataType;

  /** Creates a stream for the given seed and element type. */
  public NoiseSource(long seed, DataType dataType) {
    this.rng = Nd4j.getRandomFactory().getNewRandomInstance(Nd4jSeeds.nativeSeed(seed));
    this.dataType = dataType;
  }

  @Override
  public INDArray gaussian(long rows, long cols, double std) {
    INDArray out = Nd4j.createUninitialized(dataType, rows, cols);
    Nd4j.getExecutioner().exec(new GaussianDistribution(out, 0.0, std), rng);
    return out;
  }

  @Override
  public INDArray dropoutMask(long rows, long cols, double p) {
    INDArray out = Nd4j.createUninitialized(dataType, rows, cols);
    Nd4j.getExecutioner().exec(new BernoulliDistribution(out, 1.0 - p), rng);
    return out.muli(1.0 / (1.0 - p));
  }

  @Override
  public void close() {
    try {
      rng.close();
    } catch (Exception e) {
      throw new IllegalStateException("could not release the random generator", e);
    }
  }
}
