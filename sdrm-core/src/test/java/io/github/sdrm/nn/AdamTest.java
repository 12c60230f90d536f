package io.github.sdrm.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.updaters.AdamUpdater;
import org.nd4j.linalg.factory.Nd4j;

/** Adam against an independent double-precision transcription of torch.optim.Adam (1.13). */
class AdamTest {
  @Test
  void matchesPytorchFormula_withCoupledWeightDecay() {
    int n = 7;
    double lr = 0.01;
    double wd = 1e-2;
    SplittableRandom rnd = new SplittableRandom(1);
    double[] p = new double[n];
    for (int i = 0; i < n; i++) {
      p[i] = rnd.nextDouble() - 0.5;
    }
    Param param = new Param("w", Nd4j.create(p.clone(), new long[] {1, n}, DataType.DOUBLE));
    Adam adam = new Adam(0.9, 0.999, 1e-8, wd);
    double[] m = new double[n];
    double[] v = new double[n];
    for (int step = 1; step <= 25; step++) {
      double[] g = new double[n];
      for (int i = 0; i < n; i++) {
        // small gradients make ε matter; some exactly zero
        g[i] = i == 0 ? 0.0 : (rnd.nextDouble() - 0.5) * Math.pow(10, -(i % 4) * 2);
      }
      param.zeroGrad();
      param.grad().assign(Nd4j.create(g.clone(), new long[] {1, n}, DataType.DOUBLE));
      adam.step(List.of(param), lr);
      double bc1 = 1 - Math.pow(0.9, step);
      double bc2 = 1 - Math.pow(0.999, step);
      for (int i = 0; i < n; i++) {
        double gi = g[i] + wd * p[i];
        m[i] = 0.9 * m[i] + 0.1 * gi;
        v[i] = 0.999 * v[i] + 0.001 * gi * gi;
        double denom = Math.sqrt(v[i]) / Math.sqrt(bc2) + 1e-8;
        p[i] -= lr / bc1 * m[i] / denom;
      }
      for (int i = 0; i < n; i++) {
        assertEquals(
            p[i],
            param.value().getDouble(i),
            1e-12 * Math.max(1, Math.abs(p[i])),
            "parameter " + i + " after step " + step);
      }
    }
  }

  /**
   * The float path (a Java loop) gives the bits of Deeplearning4j's fused adam_updater kernel, the
   * path every published run used: 400 steps, gradients from 1e-7 to 10 with exact zeros, coupled
   * weight decay, a learning rate that changes between steps.
   */
  @Test
  void floatPath_isBitIdenticalToTheNd4jKernel() {
    int n = 4099;
    double wd = 3e-4;
    SplittableRandom rnd = new SplittableRandom(7);
    float[] init = new float[n];
    for (int i = 0; i < n; i++) {
      init[i] = (float) (rnd.nextDouble() - 0.5);
    }
    Param param = new Param("w", Nd4j.create(init.clone(), new long[] {1, n}, 'c'));
    Adam adam = Adam.pytorchDefaults(wd);
    INDArray kernelValue = Nd4j.createFromArray(init.clone()).reshape(1, n);
    INDArray kernelM = Nd4j.zeros(DataType.FLOAT, 1, n);
    INDArray kernelV = Nd4j.zeros(DataType.FLOAT, 1, n);
    for (int step = 1; step <= 400; step++) {
      float[] g = new float[n];
      double scale = Math.pow(10, -rnd.nextInt(8) + 1);
      for (int i = 0; i < n; i++) {
        g[i] = i % 11 == 0 ? 0f : (float) ((rnd.nextDouble() - 0.5) * scale);
      }
      double lr = 1e-3 * (0.5 + rnd.nextDouble());
      param.zeroGrad();
      param.grad().assign(Nd4j.createFromArray(g.clone()).reshape(1, n));
      adam.step(List.of(param), lr);

      INDArray kernelGrad = Nd4j.createFromArray(g.clone()).reshape(1, n);
      Nd4j.getBlasWrapper().level1().axpy(n, wd, kernelValue, kernelGrad);
      double fusedEpsilon = 1e-8 * Math.sqrt(1 - Math.pow(0.999, step));
      Nd4j.exec(
          new AdamUpdater(kernelGrad, kernelV, kernelM, lr, 0.9, 0.999, fusedEpsilon, step - 1));
      kernelValue.subi(kernelGrad);
      assertArrayEquals(
          kernelValue.toFloatVector(), param.value().toFloatVector(), 0f, "after step " + step);
    }
    assertArrayEquals(kernelM.toFloatVector(), param.firstMomentF, 0f);
    assertArrayEquals(kernelV.toFloatVector(), param.secondMomentF, 0f);
  }
}
