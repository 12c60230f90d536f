package io.github.sdrm.recsys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** The hand-written MLP autoencoder: its gradient against finite differences, its optimiser. */
class MlpNetworkTest {
  private static final double H = 1e-6;

  @Test
  void gradientMatchesFiniteDifferences_withDropout() {
    checkGradient(true, false);
  }

  @Test
  void gradientMatchesFiniteDifferences_withoutDropout() {
    checkGradient(false, false);
  }

  @Test
  void gradientMatchesFiniteDifferences_sparseFirstLayer() {
    checkGradient(true, true);
  }

  @Test
  void sparseFirstLayer_sameLogitsAndGradientsAsDense() {
    int items = 40;
    INDArray x = binaryRows(6, items, 0.08, 12L).castTo(DataType.FLOAT);
    x.getRow(3).assign(0); // an empty row
    MlpNetwork dense =
        new MlpNetwork(items, new int[] {16, 8, 8}, new SplittableRandom(2L), DataType.FLOAT);
    MlpNetwork sparse =
        new MlpNetwork(items, new int[] {16, 8, 8}, new SplittableRandom(2L), DataType.FLOAT);
    INDArray[] masks = dense.dropoutMasks(6, 0.5, new SplittableRandom(3L));
    INDArray zd = dense.backward(x, x, masks);
    INDArray zs = sparse.backward(x, rows(x), x, masks);
    assertArrayEquals(NdArrays.floats(zd), NdArrays.floats(zs), 1e-6f);
    for (int l = 0; l < 4; l++) {
      assertArrayEquals(
          NdArrays.floats(dense.weightGrad[l]),
          NdArrays.floats(sparse.weightGrad[l]),
          1e-7f,
          "W" + l);
      assertArrayEquals(
          NdArrays.floats(dense.biasGrad[l]), NdArrays.floats(sparse.biasGrad[l]), 1e-7f, "b" + l);
    }
    // a second step must not keep the first step's rows of the first layer's gradient
    INDArray x2 = binaryRows(6, items, 0.08, 13L).castTo(DataType.FLOAT);
    dense.backward(x2, x2, masks);
    sparse.backward(x2, rows(x2), x2, masks);
    assertArrayEquals(
        NdArrays.floats(dense.weightGrad[0]), NdArrays.floats(sparse.weightGrad[0]), 1e-7f);
  }

  @Test
  void sparseFirstLayer_allRowsEmpty() {
    MlpNetwork net =
        new MlpNetwork(5, new int[] {4, 3, 3}, new SplittableRandom(2L), DataType.FLOAT);
    INDArray x = Nd4j.zeros(DataType.FLOAT, 2, 5);
    INDArray z = net.backward(x, rows(x), x, null);
    assertArrayEquals(NdArrays.floats(net.logits(x, null, null, null)), NdArrays.floats(z), 1e-7f);
    assertEquals(0.0, net.weightGrad[0].norm1Number().doubleValue());
  }

  /** The columns of each row's ones. */
  static MlpNetwork.SparseRows rows(INDArray x) {
    int[][] cols = new int[(int) x.rows()][];
    for (int r = 0; r < cols.length; r++) {
      double[] v = x.getRow(r).dup().toDoubleVector();
      cols[r] = java.util.stream.IntStream.range(0, v.length).filter(i -> v[i] == 1).toArray();
    }
    return new MlpNetwork.SparseRows(cols, (int) x.columns(), x.dataType());
  }

  private static void checkGradient(boolean dropout, boolean sparseInput) {
    int items = 7;
    SplittableRandom rnd = new SplittableRandom(5L);
    MlpNetwork net = new MlpNetwork(items, new int[] {6, 5, 4}, rnd, DataType.DOUBLE);
    // biases away from zero so that no ReLU input sits at its kink
    // (from a seeded generator: ND4J's global one depends on the tests run before)
    SplittableRandom biases = new SplittableRandom(8L);
    for (INDArray b : net.bias) {
      for (long j = 0; j < b.length(); j++) {
        b.putScalar(j, (biases.nextBoolean() ? 1 : -1) * (0.02 + 0.08 * biases.nextDouble()));
      }
    }
    INDArray x = binaryRows(4, items, 0.4, 3L);
    INDArray[] masks = dropout ? net.dropoutMasks(4, 0.5, new SplittableRandom(9L)) : null;
    MlpNetwork.SparseRows sparse = sparseInput ? rows(x) : null;
    net.backward(x, sparse, x, masks);
    double worst = 0;
    String where = "";
    for (int set = 0; set < 2; set++) {
      INDArray[] values = set == 0 ? net.weight : net.bias;
      INDArray[] grads = set == 0 ? net.weightGrad : net.biasGrad;
      for (int l = 0; l < values.length; l++) {
        INDArray flat = values[l].reshape(values[l].length());
        INDArray analytic = grads[l].dup().reshape(values[l].length());
        for (long i = 0; i < flat.length(); i++) {
          double orig = flat.getDouble(i);
          flat.putScalar(i, orig + H);
          double plus = MlpNetwork.loss(net.logits(x, sparse, masks, null, null), x);
          flat.putScalar(i, orig - H);
          double minus = MlpNetwork.loss(net.logits(x, sparse, masks, null, null), x);
          flat.putScalar(i, orig);
          double numeric = (plus - minus) / (2 * H);
          double a = analytic.getDouble(i);
          double err = Math.abs(numeric - a) / Math.max(1e-4, Math.abs(numeric) + Math.abs(a));
          if (err > worst) {
            worst = err;
            where =
                String.format(
                    Locale.ROOT,
                    "%s %d [%d]: analytic %.8g, numeric %.8g",
                    set == 0 ? "weight" : "bias",
                    l,
                    i,
                    a,
                    numeric);
          }
        }
      }
    }
    assertTrue(worst < 1e-5, "worst relative error " + worst + " at " + where);
  }

  @Test
  void predict_isTheSigmoidOfTheLogitsWithoutDropout() {
    MlpNetwork net =
        new MlpNetwork(9, new int[] {8, 6, 5}, new SplittableRandom(1L), DataType.FLOAT);
    INDArray x = binaryRows(3, 9, 0.4, 2L).castTo(DataType.FLOAT);
    INDArray z = net.logits(x, null, null, null);
    assertArrayEquals(
        NdArrays.floats(Transforms.sigmoid(z, true)), NdArrays.floats(net.predict(x)), 1e-7f);
  }

  @Test
  void dropoutMasks_dropAboutTheRateAndScaleTheRest() {
    MlpNetwork net =
        new MlpNetwork(9, MlpNetwork.REFERENCE_HIDDEN, new SplittableRandom(1L), DataType.FLOAT);
    INDArray[] masks = net.dropoutMasks(200, 0.5, new SplittableRandom(4L));
    assertEquals(3, masks.length);
    for (INDArray m : masks) {
      float[] v = NdArrays.floats(m);
      int zeros = 0;
      for (float f : v) {
        assertTrue(f == 0f || f == 2f, "mask value " + f);
        zeros += f == 0f ? 1 : 0;
      }
      assertEquals(0.5, zeros / (double) v.length, 0.01);
    }
  }

  @Test
  void kerasAdam_followsKerasUpdateRule() {
    MlpNetwork net = new MlpNetwork(3, new int[] {2}, new SplittableRandom(1L), DataType.FLOAT);
    MlpRecommender.KerasAdam adam = new MlpRecommender.KerasAdam(net);
    float[] w0 = NdArrays.floats(net.weight[0]);
    double[] m = new double[w0.length];
    double[] v = new double[w0.length];
    double[] p = new double[w0.length];
    for (int i = 0; i < p.length; i++) {
      p[i] = w0[i];
    }
    SplittableRandom rnd = new SplittableRandom(3L);
    for (int t = 1; t <= 3; t++) {
      double[] g = new double[w0.length];
      for (int i = 0; i < g.length; i++) {
        g[i] = rnd.nextDouble() - 0.5;
      }
      net.weightGrad[0].assign(Nd4j.create(g, new long[] {3, 2}, DataType.DOUBLE));
      for (INDArray other : new INDArray[] {net.weightGrad[1], net.biasGrad[0], net.biasGrad[1]}) {
        other.assign(0);
      }
      adam.step();
      double lrT = 1e-3 * Math.sqrt(1 - Math.pow(0.999, t)) / (1 - Math.pow(0.9, t));
      for (int i = 0; i < p.length; i++) {
        m[i] = 0.9 * m[i] + 0.1 * g[i];
        v[i] = 0.999 * v[i] + 0.001 * g[i] * g[i];
        p[i] -= lrT * m[i] / (Math.sqrt(v[i]) + 1e-7);
      }
    }
    // the optimiser keeps the first layer; the network's ND4J copy is brought up to date on demand
    net.syncFirstLayer();
    float[] w = NdArrays.floats(net.weight[0]);
    for (int i = 0; i < p.length; i++) {
      assertEquals(p[i], w[i], 1e-6, "weight " + i);
    }
    assertTrue(Math.abs(p[0] - w0[0]) > 1e-4, "the weights moved");
  }

  static INDArray binaryRows(int rows, int cols, double density, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] v = new double[rows * cols];
    for (int i = 0; i < v.length; i++) {
      v[i] = rnd.nextDouble() < density ? 1 : 0;
    }
    return Nd4j.create(v, new long[] {rows, cols}, DataType.DOUBLE);
  }
}
