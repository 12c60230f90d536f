package io.github.sdrm.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sdrm.nn.Noise;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The batched multi-resolution sampler against the reference's loop over single users: with the
 * noise fixed (start at 0, no injected noise, dropout masks of ones), every row must end exactly
 * where a lone run of its own T_start steps ends.
 */
class SamplerTest {
  /** Zero Gaussian noise and all-ones masks, so that the chains are deterministic. */
  private static final Noise FIXED =
      new Noise() {
        @Override
        public INDArray gaussian(long rows, long cols, double std) {
          return Nd4j.zeros(DataType.DOUBLE, rows, cols);
        }

        @Override
        public INDArray dropoutMask(long rows, long cols, double p) {
          return Nd4j.ones(DataType.DOUBLE, rows, cols);
        }
      };

  @Test
  void batchedRowsFollowTheirOwnChains() {
    int d = 4;
    int timesteps = 9;
    LatentDenoiser net = new LatentDenoiser(d, timesteps, 1, 3L, DataType.DOUBLE);
    NoiseSchedule schedule = new NoiseSchedule(timesteps);
    int[] start = {3, 8, 1, 5, 8, 2};
    double[][] batched = Sampler.sample(net, schedule, start, 1.0, FIXED).toDoubleMatrix();
    for (int r = 0; r < start.length; r++) {
      double[] lone =
          Sampler.sample(net, schedule, new int[] {start[r]}, 1.0, FIXED).toDoubleMatrix()[0];
      assertArrayEquals(lone, batched[r], 1e-12, "row " + r + " with T_start " + start[r]);
      assertArrayEquals(reference(net, schedule, start[r], d), batched[r], 1e-12);
    }
  }

  /** The reference's update written out for one user, from x = 0 with no noise. */
  private static double[] reference(LatentDenoiser net, NoiseSchedule s, int startStep, int d) {
    INDArray x = Nd4j.zeros(DataType.DOUBLE, 1, d);
    for (int i = startStep; i >= 1; i--) {
      INDArray eps = net.predict(x, net.sinusoids(i, 1), Nd4j.ones(DataType.DOUBLE, 1, d));
      x =
          x.sub(eps.mul((1 - s.alpha(i)) / Math.sqrt(1 - s.alphaBar(i))))
              .div(Math.sqrt(s.alpha(i)));
    }
    return x.toDoubleVector();
  }

  @Test
  void differentStartStepsGiveDifferentRows() {
    LatentDenoiser net = new LatentDenoiser(3, 6, 0, 1L, DataType.DOUBLE);
    double[][] out =
        Sampler.sample(net, new NoiseSchedule(6), new int[] {1, 5}, 1.0, FIXED).toDoubleMatrix();
    assertEquals(3, out[0].length);
    org.junit.jupiter.api.Assertions.assertFalse(java.util.Arrays.equals(out[0], out[1]));
  }
}
