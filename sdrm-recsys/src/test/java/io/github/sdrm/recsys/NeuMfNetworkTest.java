package io.github.sdrm.recsys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The hand-written NeuMF network: gradient against finite differences, scoring, optimiser. */
class NeuMfNetworkTest {
  private static final double H = 1e-6;

  @Test
  void gradientMatchesFiniteDifferences_withDropout() {
    checkGradient(true);
  }

  @Test
  void gradientMatchesFiniteDifferences_withoutDropout() {
    checkGradient(false);
  }

  private static void checkGradient(boolean dropout) {
    int users = 4;
    int items = 6;
    NeuMfNetwork net = new NeuMfNetwork(users, items, new SplittableRandom(3L));
    // larger weights than Xavier's for tables of 4 and 6 rows, so every ReLU sees both signs
    SplittableRandom rnd = new SplittableRandom(5L);
    for (int k = 0; k < net.params.length; k++) {
      net.params[k] = (rnd.nextDouble() - 0.5) * 1.2;
    }
    int[] user = {0, 1, 3, 3, 2, 0, 1};
    int[] item = {5, 0, 2, 4, 4, 1, 5};
    double[] label = {1, 0, 1, 0, 1, 1, 0};
    double[][] masks = dropout ? NeuMfNetwork.dropoutMasks(user.length, 0.5, rnd) : null;
    net.lossAndGradient(user, item, label, masks);
    double[] analytic = net.grads.clone();
    int checked = 0;
    int nonZero = 0;
    for (int k = 0; k < net.params.length; k++) {
      double saved = net.params[k];
      net.params[k] = saved + H;
      double plus = net.lossAndGradient(user, item, label, masks);
      net.params[k] = saved - H;
      double minus = net.lossAndGradient(user, item, label, masks);
      net.params[k] = saved;
      double numeric = (plus - minus) / (2 * H);
      assertEquals(
          numeric,
          analytic[k],
          1e-6 + 1e-4 * Math.abs(numeric),
          "parameter " + k + " of the flat array");
      checked++;
      if (analytic[k] != 0) {
        nonZero++;
      }
    }
    assertEquals(net.params.length, checked);
    // the users and items of the batch, the tower and the output layer all carry gradient
    assertTrue(nonZero > 0.3 * checked, nonZero + " non-zero of " + checked);
  }

  @Test
  void scoreAllItems_isSigmoidOfTheLogitsWithoutDropout() {
    NeuMfNetwork net = new NeuMfNetwork(3, 9, new SplittableRandom(11L));
    SplittableRandom rnd = new SplittableRandom(12L);
    for (int k = 0; k < net.params.length; k++) {
      net.params[k] = (rnd.nextDouble() - 0.5);
    }
    double[] halves = net.itemHalves();
    for (int u = 0; u < 3; u++) {
      int[] user = new int[9];
      int[] item = new int[9];
      for (int i = 0; i < 9; i++) {
        user[i] = u;
        item[i] = i;
      }
      double[] logits = net.logits(user, item, null);
      float[] scores = net.scoreAllItems(u, halves);
      for (int i = 0; i < 9; i++) {
        assertEquals(NeuMfNetwork.sigmoid(logits[i]), scores[i], 1e-6, "user " + u + " item " + i);
      }
    }
  }

  @Test
  void dropoutMasks_dropAboutHalfAndScaleTheRest() {
    double[][] masks = NeuMfNetwork.dropoutMasks(500, 0.5, new SplittableRandom(1L));
    int[] widths = {64, 32, 16};
    for (int l = 0; l < 3; l++) {
      assertEquals(500 * widths[l], masks[l].length);
      int zeros = 0;
      for (double m : masks[l]) {
        assertTrue(m == 0 || m == 2, "mask value " + m);
        zeros += m == 0 ? 1 : 0;
      }
      assertEquals(0.5, zeros / (double) masks[l].length, 0.03);
    }
  }

  @Test
  void adam_firstStepsFollowDl4jRule() {
    double[] p = {0.5, -0.25, 1.0};
    double[] g = {0.2, -3.0, 0.0};
    NeuMfNetwork.Adam adam = new NeuMfNetwork.Adam(3);
    adam.step(p, g);
    // step 1: m = 0.1 g, v = 0.001 g², lr_t = 1e-3 · √0.001 / 0.1, so p moves by ≈ lr · sign(g)
    assertEquals(0.5 - 1e-3 * 0.2 / (0.2 + 1e-8 / Math.sqrt(0.001)), p[0], 1e-12);
    assertEquals(-0.25 + 1e-3 * 3.0 / (3.0 + 1e-8 / Math.sqrt(0.001)), p[1], 1e-12);
    assertEquals(1.0, p[2], 0);
    // step 2 with a zero gradient still moves the parameters (the moments decay, as in
    // Deeplearning4j)
    adam.step(p, new double[] {0, 0, 0});
    double lr2 = 1e-3 * Math.sqrt(1 - 0.999 * 0.999) / (1 - 0.9 * 0.9);
    double m2 = 0.9 * 0.1 * 0.2;
    double v2 = 0.999 * 0.001 * 0.04;
    double expected =
        0.5 - 1e-3 * 0.2 / (0.2 + 1e-8 / Math.sqrt(0.001)) - lr2 * m2 / (Math.sqrt(v2) + 1e-8);
    assertEquals(expected, p[0], 1e-12);
  }
}
