package io.github.sdrm.model;

import io.github.sdrm.nn.Param;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The reference's finite-difference score loss for the latent denoiser.
 *
 * <p>With latent codes z₀, per-row timesteps t and noise ε ~ N(0, ν²I):
 *
 * <pre>
 * x_t = √ᾱ_t·z₀ + (1 − ᾱ_t)·ε                  (the reference's perturbation, not √(1 − ᾱ_t))
 * ε̂ = s(x_t, t);  a = s(z₀, t);  b = s(z₀ + μ·ε, t);  r = ε̂ − z₀
 * L = ½·[MSE((b − a)/μ², r) + MSE(r, a)] / (Var(r) + 1e−8)
 * </pre>
 *
 * with μ = 0.1, MSE the mean over all elements and Var the unbiased variance over all elements of r
 * (PyTorch's {@code Tensor.var()}). Gradients flow through all three passes and through the
 * variance. The three passes are run as one stacked batch of 3B rows, each row with its own dropout
 * mask, which is the same computation as three separate calls.
 */
public final class ScoreLoss {
  /** The finite-difference step μ of the reference. */
  public static final double STEP = 0.1;

  static final double VARIANCE_EPS = 1e-8;

  private ScoreLoss() {}

  /**
   * Computes the loss of one batch and <em>sets</em> the denoiser's gradients to its gradient.
   *
   * @param net the denoiser
   * @param schedule the noise schedule
   * @param z0 clean latent codes, [B, d]
   * @param t timesteps in 1..T, one per row
   * @param eps noise already scaled by ν, [B, d]
   * @param dropMasks inverted-dropout masks for the three stacked passes, [3B, d]
   * @return the loss
   */
  public static double lossAndGradient(
      LatentDenoiser net,
      NoiseSchedule schedule,
      INDArray z0,
      int[] t,
      INDArray eps,
      INDArray dropMasks) {
    for (Param p : net.params()) {
      p.zeroGrad();
    }
    int batch = (int) z0.rows();
    double[] signal = new double[batch];
    double[] noise = new double[batch];
    for (int i = 0; i < batch; i++) {
      double ab = schedule.alphaBar(t[i]);
      signal[i] = Math.sqrt(ab);
      noise[i] = 1.0 - ab;
    }
    INDArray signalCol = Nd4j.create(signal, new long[] {batch, 1}, z0.dataType());
    INDArray noiseCol = Nd4j.create(noise, new long[] {batch, 1}, z0.dataType());
    INDArray xt = z0.mulColumnVector(signalCol).addi(eps.mulColumnVector(noiseCol));
    INDArray shifted = eps.mul(STEP).addi(z0);
    INDArray stacked = Nd4j.vstack(xt, z0, shifted);
    INDArray sin3 = net.sinusoids(t, 3);

    LatentDenoiser.Pass pass = net.forward(stacked, sin3, dropMasks);
    INDArray out = pass.output;
    INDArray epsHat = rows(out, 0, batch);
    INDArray a = rows(out, batch, 2 * batch);
    INDArray b = rows(out, 2 * batch, 3 * batch);

    double n = (double) z0.length();
    double mu2 = STEP * STEP;
    INDArray r = epsHat.sub(z0);
    INDArray diff = b.sub(a).divi(mu2); // (b − a)/μ²
    INDArray e1 = diff.sub(r); // D − r
    INDArray e2 = r.sub(a); // r − a
    double m1 = e1.mul(e1).sumNumber().doubleValue() / n;
    double m2 = e2.mul(e2).sumNumber().doubleValue() / n;
    double mean = r.sumNumber().doubleValue() / n;
    INDArray centred = r.sub(mean);
    double var = centred.mul(centred).sumNumber().doubleValue() / (n - 1) + VARIANCE_EPS;
    double loss = 0.5 * (m1 + m2) / var;

    double c = 1.0 / (var * n); // d(½·M/V)/dM · 2/N
    double dVar = -0.5 * (m1 + m2) / (var * var);
    // dL/dr = c·(−(D − r) + (r − a)) + dVar·2(r − r̄)/(N − 1)
    INDArray dR = e2.mul(c).subi(e1.mul(c)).addi(centred.muli(2.0 * dVar / (n - 1)));
    INDArray dDiff = e1.muli(c / mu2); // dL/db; dL/da gets its negative
    INDArray dA = dDiff.neg().subi(e2.muli(c));
    INDArray dOut = Nd4j.vstack(dR, dA, dDiff);
    net.backward(pass, dOut);
    return loss;
  }

  /** A contiguous copy of rows [from, to): element-wise ops on row views were ~5× slower. */
  private static INDArray rows(INDArray m, int from, int to) {
    return m.get(NDArrayIndex.interval(from, to), NDArrayIndex.all()).dup();
  }
}
