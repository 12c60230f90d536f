package io.github.sdrm.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sdrm.data.InteractionMatrix;
import io.github.sdrm.nn.NoiseSource;
import io.github.sdrm.nn.Param;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Finite-difference checks, in double precision, of every hand-written backward pass: the MultiVAE
 * loss and the denoiser's score loss through its three passes, the shared hidden weights, both
 * PReLU slopes, the time embedding and the variance normaliser.
 */
class GradientCheckTest {
  private static final double H = 1e-6;
  private static final double TOLERANCE = 1e-5;

  @Test
  void multiVae_lossGradientMatchesFiniteDifferences() {
    int items = 13;
    MultiVae vae = new MultiVae(items, 7, 4, 11L, DataType.DOUBLE);
    INDArray x = binaryRows(5, items, 3L);
    try (NoiseSource noise = new NoiseSource(5L, DataType.DOUBLE)) {
      INDArray mask = noise.dropoutMask(5, items, MultiVae.INPUT_DROPOUT);
      INDArray eps = noise.gaussian(5, 4, 1.0);
      double beta = 0.15;
      check(vae.params(), () -> vae.lossAndGradient(x, mask, eps, beta));
    }
  }

  @Test
  void multiVae_sparseFirstLayer_gradientMatchesFiniteDifferences() {
    int items = 13;
    MultiVae vae = new MultiVae(items, 7, 4, 11L, DataType.DOUBLE);
    InteractionMatrix m = SparseDenseTest.randomRows(5, items, 0.4, 3L);
    int[] rows = {0, 1, 2, 3, 4};
    SparseBatch sparse = SparseBatch.of(m, rows);
    try (NoiseSource noise = new NoiseSource(5L, DataType.DOUBLE)) {
      INDArray mask = noise.dropoutMask(5, items, MultiVae.INPUT_DROPOUT);
      INDArray eps = noise.gaussian(5, 4, 1.0);
      check(vae.params(), () -> vae.lossAndGradient(sparse, sparse.atStored(mask), eps, 0.15));
    }
  }

  @Test
  void scoreLoss_gradientMatchesFiniteDifferences_withSharedHiddenBlocks() {
    checkDenoiser(6, 9, 3);
  }

  @Test
  void scoreLoss_gradientMatchesFiniteDifferences_oddTimestepsNoHiddenBlock() {
    checkDenoiser(5, 7, 0);
  }

  private static void checkDenoiser(int latent, int timesteps, int layers) {
    LatentDenoiser net = new LatentDenoiser(latent, timesteps, layers, 21L, DataType.DOUBLE);
    // slopes away from their initial value so that their gradients are not trivially symmetric
    net.inSlope.value().assign(0.3);
    net.hidSlope.value().assign(-0.2);
    NoiseSchedule schedule = new NoiseSchedule(timesteps);
    int batch = 4;
    int[] t = {1, timesteps, 2, timesteps / 2 + 1};
    try (NoiseSource noise = new NoiseSource(8L, DataType.DOUBLE)) {
      INDArray z0 = noise.gaussian(batch, latent, 0.7);
      INDArray eps = noise.gaussian(batch, latent, 0.5);
      INDArray masks = noise.dropoutMask(3L * batch, latent, LatentDenoiser.INPUT_DROPOUT);
      check(net.params(), () -> ScoreLoss.lossAndGradient(net, schedule, z0, t, eps, masks));
    }
  }

  private static INDArray binaryRows(int rows, int cols, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] v = new double[rows * cols];
    for (int i = 0; i < v.length; i++) {
      v[i] = rnd.nextDouble() < 0.4 ? 1 : 0;
    }
    return Nd4j.create(v, new long[] {rows, cols}, DataType.DOUBLE);
  }

  /** Compares analytic gradients with central differences for every element of every param. */
  private static void check(List<Param> params, DoubleSupplier lossAndGrad) {
    lossAndGrad.getAsDouble();
    List<INDArray> analytic = params.stream().map(p -> p.grad().dup()).toList();
    double worst = 0;
    String where = "";
    for (int k = 0; k < params.size(); k++) {
      Param p = params.get(k);
      INDArray flat = p.value().reshape(p.value().length());
      INDArray grad = analytic.get(k).reshape(p.value().length());
      for (long i = 0; i < flat.length(); i++) {
        double orig = flat.getDouble(i);
        flat.putScalar(i, orig + H);
        double plus = lossAndGrad.getAsDouble();
        flat.putScalar(i, orig - H);
        double minus = lossAndGrad.getAsDouble();
        flat.putScalar(i, orig);
        double numeric = (plus - minus) / (2 * H);
        double a = grad.getDouble(i);
        double err = Math.abs(numeric - a) / Math.max(1e-3, Math.abs(numeric) + Math.abs(a));
        if (err > worst) {
          worst = err;
          where =
              String.format(
                  Locale.ROOT, "%s[%d]: analytic %.8g, numeric %.8g", p.name(), i, a, numeric);
        }
      }
    }
    assertTrue(worst < TOLERANCE, "worst relative gradient error " + worst + " at " + where);
  }
}
