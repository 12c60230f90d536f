package io.github.sdrm.recsys;

import static io.github.sdrm.recsys.MlpNetworkTest.binaryRows;
import static io.github.sdrm.recsys.MlpNetworkTest.rows;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The reference MLP's value-embedding first layer: its effective weights against the flattened
 * lookup it stands for, its gradient against finite differences, its fused Adam step against the
 * plain update.
 */
class ValueEmbeddingLayerTest {
  private static final int F = ValueEmbeddingLayer.FACTORS;

  @Test
  void firstLayerOutput_isTheFlattenedLookupTimesTheKernel() {
    // more items than one block of the fused pass, so that block sums are combined
    int items = 300;
    int width = 5;
    MlpNetwork net =
        new MlpNetwork(
            items, new int[] {width, 4, 3}, new SplittableRandom(4L), DataType.DOUBLE, 9);
    ValueEmbeddingLayer layer = net.embedding;
    SplittableRandom rnd = new SplittableRandom(10L);
    for (int j = 0; j < width; j++) {
      net.bias[0].putScalar(j, rnd.nextDouble() - 0.5);
    }
    INDArray x = binaryRows(6, items, 0.05, 8L);
    x.getRow(2).assign(0);
    INDArray[] relu = new INDArray[3];
    net.logits(x, null, null, relu);
    double[] bias = net.bias[0].toDoubleVector();
    for (int b = 0; b < 6; b++) {
      double[] row = x.getRow(b).toDoubleVector();
      for (int j = 0; j < width; j++) {
        // Flatten(E[x]) · W + bias, term by term
        double pre = bias[j];
        for (int i = 0; i < items; i++) {
          int value = (int) row[i];
          for (int k = 0; k < F; k++) {
            pre += (double) layer.embedding[value * F + k] * layer.kernel[(i * F + k) * width + j];
          }
        }
        assertEquals(Math.max(0, pre), relu[0].getDouble(b, j), 2e-6, "row " + b + " unit " + j);
      }
    }
  }

  @Test
  void gradientMatchesFiniteDifferences_dense() {
    checkGradient(false);
  }

  @Test
  void gradientMatchesFiniteDifferences_sparseRows() {
    checkGradient(true);
  }

  private static void checkGradient(boolean sparseInput) {
    int items = 6;
    int width = 5;
    MlpNetwork net =
        new MlpNetwork(
            items, new int[] {width, 4, 3}, new SplittableRandom(5L), DataType.DOUBLE, 7);
    ValueEmbeddingLayer layer = net.embedding;
    // embedding values of order 1 (a fresh one is ≈ 0.5 / √users) so that both rows matter, and
    // biases away from zero so that no ReLU input sits at its kink
    SplittableRandom rnd = new SplittableRandom(6L);
    for (int i = 0; i < layer.embedding.length; i++) {
      layer.embedding[i] = (float) (rnd.nextDouble() * 2 - 1);
    }
    layer.refresh();
    net.embeddingChanged();
    for (INDArray b : net.bias) {
      for (long j = 0; j < b.length(); j++) {
        b.putScalar(j, (rnd.nextBoolean() ? 1 : -1) * (0.05 + 0.1 * rnd.nextDouble()));
      }
    }
    INDArray x = binaryRows(4, items, 0.4, 3L);
    INDArray[] masks = net.dropoutMasks(4, 0.5, new SplittableRandom(9L));
    MlpNetwork.SparseRows sparse = sparseInput ? rows(x) : null;
    net.backward(x, sparse, x, masks);
    float[] g = NdArrays.floats(net.weightGrad[0].castTo(DataType.FLOAT));
    float[] g0 = NdArrays.floats(net.biasGrad[0].castTo(DataType.FLOAT));
    float[] kernelGrad = new float[layer.kernel.length];
    float[] embeddingGrad = new float[layer.embedding.length];
    layer.gradient(g, g0, kernelGrad, embeddingGrad);

    double worst = 0;
    String where = "";
    for (int set = 0; set < 2; set++) {
      float[] values = set == 0 ? layer.kernel : layer.embedding;
      float[] analytic = set == 0 ? kernelGrad : embeddingGrad;
      for (int i = 0; i < values.length; i++) {
        float orig = values[i];
        float plusValue = orig + 1e-3f;
        float minusValue = orig - 1e-3f;
        values[i] = plusValue;
        double plus = loss(net, x, sparse, masks);
        values[i] = minusValue;
        double minus = loss(net, x, sparse, masks);
        values[i] = orig;
        double numeric = (plus - minus) / ((double) plusValue - minusValue);
        // the kernel is float: its effective weights carry float rounding into the loss, so the
        // differences are good to ≈ 1e-6 absolute (measured over seeds), hence the floor
        double err =
            Math.abs(numeric - analytic[i])
                / Math.max(1e-3, Math.abs(numeric) + Math.abs(analytic[i]));
        if (err > worst) {
          worst = err;
          where =
              String.format(
                  Locale.ROOT,
                  "%s [%d]: analytic %.8g, numeric %.8g",
                  set == 0 ? "kernel" : "embedding",
                  i,
                  analytic[i],
                  numeric);
        }
      }
    }
    layer.refresh();
    assertTrue(worst < 2e-3, "worst relative error " + worst + " at " + where);
  }

  private static double loss(
      MlpNetwork net, INDArray x, MlpNetwork.SparseRows sparse, INDArray[] masks) {
    net.embedding.refresh();
    net.embeddingChanged();
    return MlpNetwork.loss(net.logits(x, sparse, masks, null, null), x);
  }

  @Test
  void fusedStep_equalsGradientThenKerasAdam() {
    int items = 260;
    int width = 7;
    ValueEmbeddingLayer fused = new ValueEmbeddingLayer(items, width, 50, new SplittableRandom(2L));
    ValueEmbeddingLayer plain = new ValueEmbeddingLayer(items, width, 50, new SplittableRandom(2L));
    float[] km = new float[plain.kernel.length];
    float[] kv = new float[plain.kernel.length];
    float[] em = new float[plain.embedding.length];
    float[] ev = new float[plain.embedding.length];
    SplittableRandom rnd = new SplittableRandom(3L);
    for (int t = 1; t <= 4; t++) {
      // a batch touching a few items (ascending), the other rows of g zero
      int[] touched = t % 2 == 0 ? new int[] {3, 17, 130, 259} : null;
      float[] g = new float[items * width];
      for (int i = 0; i < items; i++) {
        if (touched == null || java.util.Arrays.binarySearch(touched, i) >= 0) {
          for (int j = 0; j < width; j++) {
            g[i * width + j] = (float) (rnd.nextDouble() - 0.5);
          }
        }
      }
      float[] g0 = new float[width];
      for (int j = 0; j < width; j++) {
        g0[j] = (float) (rnd.nextDouble() - 0.5);
      }
      float lrT = (float) (1e-3 * Math.sqrt(1 - Math.pow(0.999, t)) / (1 - Math.pow(0.9, t)));
      fused.step(g, touched, g0, lrT);
      float[] kg = new float[plain.kernel.length];
      float[] eg = new float[plain.embedding.length];
      plain.gradient(g, g0, kg, eg);
      MlpRecommender.KerasAdam.update(plain.kernel, kg, km, kv, lrT);
      MlpRecommender.KerasAdam.update(plain.embedding, eg, em, ev, lrT);
      plain.refresh();
      assertArrayEquals(plain.embedding, fused.embedding, "embedding, step " + t);
      assertArrayEquals(plain.kernel, fused.kernel, "kernel, step " + t);
      assertArrayEquals(plain.effective, fused.effective, "effective weights, step " + t);
      assertArrayEquals(plain.offset, fused.offset, "offset, step " + t);
    }
    assertTrue(
        Math.abs(
                fused.kernel[0]
                    - new ValueEmbeddingLayer(items, width, 50, new SplittableRandom(2L)).kernel[0])
            > 1e-4,
        "the kernel moved");
  }

  @Test
  void kerasAdam_sparseAndDenseBatchesTakeTheSameStep() {
    int items = 150;
    MlpNetwork dense =
        new MlpNetwork(items, new int[] {16, 8, 8}, new SplittableRandom(2L), DataType.FLOAT, 30);
    MlpNetwork sparse =
        new MlpNetwork(items, new int[] {16, 8, 8}, new SplittableRandom(2L), DataType.FLOAT, 30);
    MlpRecommender.KerasAdam denseAdam = new MlpRecommender.KerasAdam(dense);
    MlpRecommender.KerasAdam sparseAdam = new MlpRecommender.KerasAdam(sparse);
    float[] before = dense.embedding.kernel.clone();
    for (long seed = 12; seed < 15; seed++) {
      INDArray x = binaryRows(5, items, 0.03, seed).castTo(DataType.FLOAT);
      INDArray[] masks = dense.dropoutMasks(5, 0.5, new SplittableRandom(seed));
      dense.backward(x, x, masks);
      sparse.backward(x, rows(x), x, masks);
      denseAdam.step();
      sparseAdam.step();
      assertArrayEquals(
          dense.embedding.embedding, sparse.embedding.embedding, 1e-6f, "embedding " + seed);
      assertArrayEquals(dense.embedding.kernel, sparse.embedding.kernel, 1e-6f, "kernel " + seed);
      assertArrayEquals(
          NdArrays.floats(dense.predict(x)), NdArrays.floats(sparse.predict(x)), 1e-5f);
    }
    // what the network runs is what the layer derives from its parameters
    sparse.syncFirstLayer();
    assertArrayEquals(sparse.embedding.effective, NdArrays.floats(sparse.weight[0]));
    assertArrayEquals(sparse.embedding.offset, NdArrays.floats(sparse.firstLayerOffset));
    // the restore of a snapshot brings back the layer and what the network derives from it
    float[][] snapshot = denseAdam.parameters();
    INDArray x = binaryRows(3, items, 0.05, 20L).castTo(DataType.FLOAT);
    float[] predicted = NdArrays.floats(dense.predict(x));
    dense.backward(x, x, null);
    denseAdam.step();
    assertTrue(Math.abs(NdArrays.floats(dense.predict(x))[0] - predicted[0]) > 0);
    denseAdam.setParameters(snapshot);
    assertArrayEquals(predicted, NdArrays.floats(dense.predict(x)));
    assertTrue(Math.abs(dense.embedding.kernel[0] - before[0]) > 1e-4, "the kernel moved");
  }

  @Test
  void initialValues_asKerasDrawsThem() {
    int items = 100;
    int width = 64;
    int users = 2_000;
    ValueEmbeddingLayer layer =
        new ValueEmbeddingLayer(items, width, users, new SplittableRandom(1L));
    double limit = Math.sqrt(6.0 / (items * F + width));
    double sum = 0;
    double sq = 0;
    for (float w : layer.kernel) {
      assertTrue(Math.abs(w) <= limit, "kernel weight " + w + " beyond ±" + limit);
      sum += w;
      sq += w * w;
    }
    int n = layer.kernel.length;
    assertEquals(0, sum / n, 0.01 * limit);
    assertEquals(limit * limit / 3, sq / n, 0.02 * limit * limit / 3);
    // He-normal, truncated at two standard deviations of the untruncated normal
    double sigma = Math.sqrt(2.0 / users) / 0.87962566103423978;
    for (float e : layer.embedding) {
      assertTrue(Math.abs(e) <= 2 * sigma + 1e-9, "embedding value " + e + " beyond 2σ");
    }
    SplittableRandom rnd = new SplittableRandom(11L);
    double var = 0;
    int draws = 0;
    for (int s = 0; s < 400; s++) {
      for (float e :
          new ValueEmbeddingLayer(1, 1, users, new SplittableRandom(rnd.nextLong())).embedding) {
        var += e * e;
        draws++;
      }
    }
    // a standard normal truncated at ±2 has variance 0.7737, so the draws' std is √(2/users)
    assertEquals(2.0 / users, var / draws, 0.05 * 2.0 / users);
  }

  @Test
  void invalidSizes_areRejected() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new ValueEmbeddingLayer(0, 4, 3, new SplittableRandom(1L)));
    IllegalArgumentException tooBig =
        assertThrows(
            IllegalArgumentException.class,
            () -> new ValueEmbeddingLayer(1_000_000, 512, 3, new SplittableRandom(1L)));
    assertTrue(tooBig.getMessage().contains("dense first layer"), tooBig.getMessage());
  }
}
