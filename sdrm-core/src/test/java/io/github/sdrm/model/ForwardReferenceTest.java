package io.github.sdrm.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sdrm.nn.NoiseSource;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Each network's forward pass (float32, ND4J) against an independent plain-Java double-precision
 * computation on the same random weights.
 */
class ForwardReferenceTest {
  private static final double TOL = 2e-4;

  @Test
  void multiVae_encodeAndDecode() {
    int items = 23;
    int hidden = 11;
    int latent = 5;
    MultiVae vae = new MultiVae(items, hidden, latent, 4L, DataType.FLOAT);
    double[][] x = new double[6][items];
    SplittableRandom rnd = new SplittableRandom(9);
    for (double[] row : x) {
      for (int i = 0; i < items; i++) {
        row[i] = rnd.nextDouble() < 0.3 ? 1 : 0;
      }
    }
    x[5] = new double[items]; // an empty row must stay finite (norm clamped)
    INDArray xf = Nd4j.create(x).castTo(DataType.FLOAT);
    double[][] mu = vae.encodeMean(xf).castTo(DataType.DOUBLE).toDoubleMatrix();
    double[][] logits =
        vae.decode(Nd4j.create(mu).castTo(DataType.FLOAT)).castTo(DataType.DOUBLE).toDoubleMatrix();

    double[][] w1 = w(vae.w1.value());
    double[][] w2 = w(vae.w2.value());
    double[][] w3 = w(vae.w3.value());
    double[][] w4 = w(vae.w4.value());
    for (int r = 0; r < x.length; r++) {
      double norm = 0;
      for (double v : x[r]) {
        norm += v * v;
      }
      norm = Math.max(Math.sqrt(norm), 1e-12);
      double[] xn = new double[items];
      for (int i = 0; i < items; i++) {
        xn[i] = x[r][i] / norm;
      }
      double[] h1 = tanh(affine(xn, w1, b(vae.b1.value())));
      double[] out = affine(h1, w2, b(vae.b2.value()));
      for (int j = 0; j < latent; j++) {
        assertEquals(out[j], mu[r][j], TOL * (1 + Math.abs(out[j])), "mu[" + r + "][" + j + "]");
      }
      double[] h3 = tanh(affine(mu[r], w3, b(vae.b3.value())));
      double[] lg = affine(h3, w4, b(vae.b4.value()));
      for (int i = 0; i < items; i++) {
        assertEquals(lg[i], logits[r][i], TOL * (1 + Math.abs(lg[i])), "logit " + r + "," + i);
      }
    }
  }

  @Test
  void latentDenoiser_predict() {
    for (int layers : new int[] {0, 3}) {
      for (int timesteps : new int[] {7, 12}) {
        checkDenoiser(6, timesteps, layers);
      }
    }
  }

  private static void checkDenoiser(int d, int timesteps, int layers) {
    LatentDenoiser net = new LatentDenoiser(d, timesteps, layers, 5L, DataType.FLOAT);
    net.inSlope.value().assign(0.3);
    net.hidSlope.value().assign(-0.15);
    int n = 5;
    int[] t = {1, timesteps, 3, 2, timesteps - 1};
    INDArray x;
    INDArray mask;
    try (NoiseSource noise = new NoiseSource(3L, DataType.FLOAT)) {
      x = noise.gaussian(n, d, 1.0);
      mask = noise.dropoutMask(n, d, 0.5);
    }
    double[][] out =
        net.predict(x, net.sinusoids(t), mask).castTo(DataType.DOUBLE).toDoubleMatrix();
    double[][] xd = x.castTo(DataType.DOUBLE).toDoubleMatrix();
    double[][] md = mask.castTo(DataType.DOUBLE).toDoubleMatrix();
    int half = timesteps / 2;
    for (int r = 0; r < n; r++) {
      double[] sin = new double[timesteps];
      for (int j = 0; j < half; j++) {
        double arg = t[r] * Math.exp(-Math.log(10000) * j / half);
        sin[j] = Math.cos(arg);
        sin[half + j] = Math.sin(arg);
      }
      double[] e = affine(sin, w(net.embW.value()), b(net.embB.value()));
      double[] in = new double[d + timesteps];
      for (int j = 0; j < d; j++) {
        in[j] = xd[r][j] * md[r][j];
      }
      System.arraycopy(e, 0, in, d, timesteps);
      double[] h = prelu(affine(in, w(net.inW.value()), b(net.inB.value())), 0.3);
      for (int l = 0; l < layers; l++) {
        h = prelu(affine(h, w(net.hidW.value()), b(net.hidB.value())), -0.15);
      }
      double[] s = tanh(affine(h, w(net.outW.value()), b(net.outB.value())));
      for (int j = 0; j < d; j++) {
        assertEquals(s[j], out[r][j], TOL, "T=" + timesteps + " L=" + layers + " row " + r);
      }
    }
  }

  private static double[][] w(INDArray a) {
    return a.castTo(DataType.DOUBLE).toDoubleMatrix();
  }

  private static double[] b(INDArray a) {
    return a.castTo(DataType.DOUBLE).toDoubleVector();
  }

  private static double[] affine(double[] x, double[][] w, double[] b) {
    double[] y = b.clone();
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < y.length; j++) {
        y[j] += x[i] * w[i][j];
      }
    }
    return y;
  }

  private static double[] tanh(double[] v) {
    double[] o = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      o[i] = Math.tanh(v[i]);
    }
    return o;
  }

  private static double[] prelu(double[] v, double slope) {
    double[] o = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      o[i] = v[i] > 0 ? v[i] : slope * v[i];
    }
    return o;
  }
}
