package io.github.sdrm.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
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
}
