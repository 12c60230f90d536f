package io.github.sdrm.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sdrm.data.InteractionMatrix;
import io.github.sdrm.nn.NoiseSource;
import io.github.sdrm.nn.Param;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The sparse first VAE layer gives the dense path's loss and gradients within float rounding. */
class SparseDenseTest {

  /** Random rows with stored ones and stored zeros (some rows possibly empty). */
  static InteractionMatrix randomRows(int rows, int items, double density, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    InteractionMatrix.Builder b = InteractionMatrix.builder(rows, items);
    for (int u = 0; u < rows; u++) {
      for (int i = 0; i < items; i++) {
        if (rnd.nextDouble() < density) {
          b.add(u, i, rnd.nextDouble() < 0.7 ? 1 : 0);
        }
      }
    }
    return b.build();
  }

  @Property(tries = 30)
  void sparseEqualsDense(
      @ForAll @IntRange(min = 1, max = 40) int rows,
      @ForAll @IntRange(min = 2, max = 90) int items,
      @ForAll @IntRange(min = 0, max = 60) int pct,
      @ForAll long seed) {
    InteractionMatrix m = randomRows(rows + 3, items, pct / 100.0, seed);
    int[] idx = new int[rows];
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int i = 0; i < rows; i++) {
      idx[i] = rnd.nextInt(m.rows());
    }
    MultiVae dense = new MultiVae(items, 17, 5, seed, DataType.FLOAT);
    MultiVae sparse = new MultiVae(items, 17, 5, seed, DataType.FLOAT);
    INDArray x = m.denseRows(idx, DataType.FLOAT);
    try (NoiseSource noise = new NoiseSource(seed, DataType.FLOAT)) {
      INDArray mask = noise.dropoutMask(rows, items, MultiVae.INPUT_DROPOUT);
      INDArray eps = noise.gaussian(rows, 5, 1.0);
      double a = dense.lossAndGradient(x, mask, eps, 0.2);
      SparseBatch sb = SparseBatch.of(m, idx);
      double b =
          sparse.lossAndGradient(sb, sb.storedCount() == 0 ? null : sb.atStored(mask), eps, 0.2);
      assertEquals(a, b, 1e-5 * Math.max(1, Math.abs(a)), "loss");
    }
    List<Param> pd = dense.params();
    List<Param> ps = sparse.params();
    for (int k = 0; k < pd.size(); k++) {
      INDArray gd = pd.get(k).grad();
      INDArray gs = ps.get(k).grad();
      double scale = Math.max(1e-3, gd.amaxNumber().doubleValue());
      double diff = gd.sub(gs).amaxNumber().doubleValue();
      assertTrue(
          diff <= 1e-5 * scale,
          pd.get(k).name() + ": max difference " + diff + " at gradient scale " + scale);
    }
  }

  @org.junit.jupiter.api.Test
  void sparseTraining_sameSeedSameWeights_andLearns() {
    InteractionMatrix m = randomRows(60, 40, 0.08, 5L);
    VaeTrainer.Settings settings = new VaeTrainer.Settings(16, 1e-2, 6, 0, 0.2, 1000, false, 0);
    double[] firstLoss = new double[2];
    double[] lastLoss = new double[2];
    INDArray[] w = new INDArray[2];
    for (int run = 0; run < 2; run++) {
      MultiVae vae = new MultiVae(40, 12, 4, 9L, DataType.FLOAT);
      int r = run;
      VaeTrainer.train(
          vae,
          m,
          null,
          settings,
          17L,
          (epoch, loss, metric) -> {
            if (epoch == 0) {
              firstLoss[r] = loss;
            }
            lastLoss[r] = loss;
          },
          VaeTrainer.Input.SPARSE);
      w[run] = vae.params().get(0).value().dup();
    }
    assertEquals(w[0], w[1], "same seed, same weights");
    assertEquals(firstLoss[0], firstLoss[1], 0);
    assertTrue(
        lastLoss[0] < firstLoss[0], "the loss falls: " + firstLoss[0] + " -> " + lastLoss[0]);
  }

  /** The encoder from stored entries gives the dense encoder's μ; validation scores agree. */
  @Property(tries = 30)
  void sparseEncoderEqualsDense(
      @ForAll @IntRange(min = 1, max = 40) int rows,
      @ForAll @IntRange(min = 2, max = 90) int items,
      @ForAll @IntRange(min = 0, max = 60) int pct,
      @ForAll long seed) {
    InteractionMatrix m = randomRows(rows, items, pct / 100.0, seed);
    int[] idx = new int[rows];
    for (int i = 0; i < rows; i++) {
      idx[i] = i;
    }
    MultiVae vae = new MultiVae(items, 17, 5, seed, DataType.FLOAT);
    float[] dense = vae.encodeMean(m.denseRows(idx, DataType.FLOAT)).data().asFloat();
    float[] sparse = vae.encodeMean(SparseBatch.of(m, idx)).data().asFloat();
    assertEquals(dense.length, sparse.length);
    for (int i = 0; i < dense.length; i++) {
      assertEquals(dense[i], sparse[i], 1e-5 * Math.max(1, Math.abs(dense[i])), "mu " + i);
    }
    // held-out: every other stored one of each row, fold-in: the rest
    InteractionMatrix.Builder in = InteractionMatrix.builder(rows, items);
    InteractionMatrix.Builder out = InteractionMatrix.builder(rows, items);
    for (int u = 0; u < rows; u++) {
      int[] cols = m.rowColumns(u);
      for (int j = 0; j < cols.length; j++) {
        (j % 2 == 0 ? in : out).add(u, cols[j], 1);
      }
    }
    InteractionMatrix foldIn = in.build();
    InteractionMatrix heldOut = out.build();
    Assume.that(heldOut.storedCount() > 0);
    int k = Math.min(10, items);
    assertEquals(
        VaeTrainer.validationRecall(vae, foldIn, heldOut, k, 7, false),
        VaeTrainer.validationRecall(vae, foldIn, heldOut, k, 7, true),
        1e-12);
    // a double network's scores are cast to float for ranking
    MultiVae vaeDouble = new MultiVae(items, 17, 5, seed, DataType.DOUBLE);
    assertEquals(
        VaeTrainer.validationRecall(vaeDouble, foldIn, heldOut, k, 7, false),
        VaeTrainer.validationRecall(vaeDouble, foldIn, heldOut, k, 7, true),
        1e-12);
  }
}
