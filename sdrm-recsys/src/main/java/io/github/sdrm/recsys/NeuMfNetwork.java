package io.github.sdrm.recsys;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The NeuMF network of {@link NeuMfRecommender}, written out on Java arrays (double precision): GMF
 * embeddings of {@value #GMF} and MLP embeddings of {@value #MLP} per side, the GMF part the
 * element-wise product of the user's and the item's GMF vectors, the MLP part a tower 64 → 32 → 16
 * → 8 with ReLU and inverted dropout on each layer's input, the two parts concatenated into one
 * logit. The loss is the mean binary cross-entropy of its sigmoid. Weights are Xavier-uniform
 * (U(±√(6 / (fan-in + fan-out))), an embedding table of n rows and width w counting n and w),
 * biases zero, as the Deeplearning4j graph it replaces initialised them. The network is small (≈ 40
 * numbers per user and item, 2,700 tower weights), so a step is a few Java loops where
 * Deeplearning4j spent ≈ 20 ms dispatching ops. Its gradient is checked against finite differences
 * in {@code NeuMfNetworkTest}.
 */
final class NeuMfNetwork {
  static final int GMF = 8;
  static final int MLP = 32;

  /** Tower widths: input (both MLP embeddings), then each layer's output. */
  static final int[] TOWER = {2 * MLP, 32, 16, 8};

  /** Inputs to the last layer: the GMF product and the tower's output. */
  static final int JOINT = GMF + 8;

  final int users;
  final int items;

  /**
   * Every parameter, in one array so the optimiser runs one loop: the four embedding tables, the
   * tower's weights [in, out] and biases, the output weights [JOINT] and bias.
   */
  final double[] params;

  final double[] grads;
  final int gmfUser;
  final int gmfItem;
  final int mlpUser;
  final int mlpItem;
  final int[] towerW = new int[3];
  final int[] towerB = new int[3];
  final int outW;
  final int outB;

  NeuMfNetwork(int users, int items, SplittableRandom rnd) {
    this.users = users;
    this.items = items;
    int o = 0;
    gmfUser = o;
    o += users * GMF;
    gmfItem = o;
    o += items * GMF;
    mlpUser = o;
    o += users * MLP;
    mlpItem = o;
    o += items * MLP;
    for (int l = 0; l < 3; l++) {
      towerW[l] = o;
      o += TOWER[l] * TOWER[l + 1];
      towerB[l] = o;
      o += TOWER[l + 1];
    }
    outW = o;
    o += JOINT;
    outB = o;
    o += 1;
    params = new double[o];
    grads = new double[o];
    xavier(gmfUser, users, GMF, rnd);
    xavier(gmfItem, items, GMF, rnd);
    xavier(mlpUser, users, MLP, rnd);
    xavier(mlpItem, items, MLP, rnd);
    for (int l = 0; l < 3; l++) {
      xavier(towerW[l], TOWER[l], TOWER[l + 1], rnd);
    }
    xavier(outW, JOINT, 1, rnd);
  }

  private void xavier(int offset, int fanIn, int fanOut, SplittableRandom rnd) {
    double limit = Math.sqrt(6.0 / (fanIn + fanOut));
    for (int k = 0; k < fanIn * fanOut; k++) {
      params[offset + k] = (rnd.nextDouble() * 2 - 1) * limit;
    }
  }

  /**
   * Inverted-dropout masks for a batch: for each tower layer's input, [rows × width] values of 0
   * (dropped with probability {@code rate}) or 1 / (1 − rate).
   */
  static double[][] dropoutMasks(int rows, double rate, SplittableRandom rnd) {
    double[][] masks = new double[3][];
    double kept = 1.0 / (1.0 - rate);
    for (int l = 0; l < 3; l++) {
      double[] m = new double[rows * TOWER[l]];
      for (int k = 0; k < m.length; k++) {
        m[k] = rnd.nextDouble() < rate ? 0 : kept;
      }
      masks[l] = m;
    }
    return masks;
  }

  /** What the forward pass of a batch keeps for the backward pass. */
  private static final class Pass {
    final int rows;
    final double[] gmf;
    final double[][] input = new double[3][]; // each tower layer's input after dropout
    final double[][] relu = new double[3][]; // each tower layer's output
    final double[] logit;

    Pass(int rows) {
      this.rows = rows;
      gmf = new double[rows * GMF];
      logit = new double[rows];
    }
  }

  /** The logits of the (user, item) pairs; {@code masks} null: no dropout. */
  double[] logits(int[] user, int[] item, double[][] masks) {
    return forward(user, item, masks).logit;
  }

  private Pass forward(int[] user, int[] item, double[][] masks) {
    int n = user.length;
    Pass p = new Pass(n);
    double[] x = new double[n * TOWER[0]];
    for (int r = 0; r < n; r++) {
      int gu = gmfUser + user[r] * GMF;
      int gi = gmfItem + item[r] * GMF;
      for (int k = 0; k < GMF; k++) {
        p.gmf[r * GMF + k] = params[gu + k] * params[gi + k];
      }
      System.arraycopy(params, mlpUser + user[r] * MLP, x, r * TOWER[0], MLP);
      System.arraycopy(params, mlpItem + item[r] * MLP, x, r * TOWER[0] + MLP, MLP);
    }
    for (int l = 0; l < 3; l++) {
      if (masks != null) {
        double[] dropped = new double[x.length];
        for (int k = 0; k < x.length; k++) {
          dropped[k] = x[k] * masks[l][k];
        }
        x = dropped;
      }
      p.input[l] = x;
      x = affine(x, n, l);
      for (int k = 0; k < x.length; k++) {
        x[k] = Math.max(0, x[k]);
      }
      p.relu[l] = x;
    }
    double bias = params[outB];
    for (int r = 0; r < n; r++) {
      double z = bias;
      for (int k = 0; k < GMF; k++) {
        z += p.gmf[r * GMF + k] * params[outW + k];
      }
      for (int k = 0; k < 8; k++) {
        z += x[r * 8 + k] * params[outW + GMF + k];
      }
      p.logit[r] = z;
    }
    return p;
  }

  /** x·W_l + b_l for the tower layer l. */
  private double[] affine(double[] x, int rows, int l) {
    int in = TOWER[l];
    int out = TOWER[l + 1];
    double[] y = new double[rows * out];
    int w = towerW[l];
    for (int r = 0; r < rows; r++) {
      int yo = r * out;
      System.arraycopy(params, towerB[l], y, yo, out);
      for (int i = 0; i < in; i++) {
        double xi = x[r * in + i];
        if (xi == 0) {
          continue;
        }
        int wo = w + i * out;
        for (int j = 0; j < out; j++) {
          y[yo + j] += xi * params[wo + j];
        }
      }
    }
    return y;
  }

  /**
   * Sets {@link #grads} to the gradient of the mean binary cross-entropy of the batch (labels 0 or
   * 1) and returns that loss.
   */
  double lossAndGradient(int[] user, int[] item, double[] label, double[][] masks) {
    Arrays.fill(grads, 0);
    Pass p = forward(user, item, masks);
    int n = p.rows;
    double loss = 0;
    double[] dz = new double[n];
    for (int r = 0; r < n; r++) {
      double z = p.logit[r];
      // −[y log σ(z) + (1 − y) log(1 − σ(z))] in its stable form
      loss += Math.max(z, 0) - label[r] * z + Math.log1p(Math.exp(-Math.abs(z)));
      dz[r] = (sigmoid(z) - label[r]) / n;
    }
    // the output layer
    double[] h = p.relu[2];
    double[] dGmf = new double[n * GMF];
    double[] dh = new double[n * 8];
    for (int r = 0; r < n; r++) {
      double d = dz[r];
      grads[outB] += d;
      for (int k = 0; k < GMF; k++) {
        grads[outW + k] += d * p.gmf[r * GMF + k];
        dGmf[r * GMF + k] = d * params[outW + k];
      }
      for (int k = 0; k < 8; k++) {
        grads[outW + GMF + k] += d * h[r * 8 + k];
        dh[r * 8 + k] = d * params[outW + GMF + k];
      }
    }
    // the tower, top down
    double[] delta = dh;
    for (int l = 2; l >= 0; l--) {
      int in = TOWER[l];
      int out = TOWER[l + 1];
      double[] relu = p.relu[l];
      for (int k = 0; k < delta.length; k++) {
        if (relu[k] <= 0) {
          delta[k] = 0;
        }
      }
      double[] x = p.input[l];
      double[] dx = new double[n * in];
      int w = towerW[l];
      for (int r = 0; r < n; r++) {
        int d0 = r * out;
        for (int j = 0; j < out; j++) {
          grads[towerB[l] + j] += delta[d0 + j];
        }
        for (int i = 0; i < in; i++) {
          double xi = x[r * in + i];
          int wo = w + i * out;
          double s = 0;
          for (int j = 0; j < out; j++) {
            grads[wo + j] += xi * delta[d0 + j];
            s += params[wo + j] * delta[d0 + j];
          }
          dx[r * in + i] = masks == null ? s : s * masks[l][r * in + i];
        }
      }
      delta = dx;
    }
    // the embeddings
    for (int r = 0; r < n; r++) {
      int gu = gmfUser + user[r] * GMF;
      int gi = gmfItem + item[r] * GMF;
      for (int k = 0; k < GMF; k++) {
        double d = dGmf[r * GMF + k];
        grads[gu + k] += d * params[gi + k];
        grads[gi + k] += d * params[gu + k];
      }
      int mu = mlpUser + user[r] * MLP;
      int mi = mlpItem + item[r] * MLP;
      for (int k = 0; k < MLP; k++) {
        grads[mu + k] += delta[r * TOWER[0] + k];
        grads[mi + k] += delta[r * TOWER[0] + MLP + k];
      }
    }
    return loss / n;
  }

  /**
   * σ(logit) of every item for one user, without dropout: the user's half of the first tower layer
   * is computed once, each item's half comes from {@code itemHalf} ({@link #itemHalves}).
   */
  float[] scoreAllItems(int user, double[] itemHalf) {
    int out0 = TOWER[1];
    double[] userHalf = new double[out0];
    int mu = mlpUser + user * MLP;
    for (int i = 0; i < MLP; i++) {
      int wo = towerW[0] + i * out0;
      for (int j = 0; j < out0; j++) {
        userHalf[j] += params[mu + i] * params[wo + j];
      }
    }
    for (int j = 0; j < out0; j++) {
      userHalf[j] += params[towerB[0] + j];
    }
    float[] scores = new float[items];
    double[] h1 = new double[out0];
    int gu = gmfUser + user * GMF;
    for (int it = 0; it < items; it++) {
      for (int j = 0; j < out0; j++) {
        h1[j] = Math.max(0, userHalf[j] + itemHalf[it * out0 + j]);
      }
      double[] h2 = layer(h1, 1);
      double[] h3 = layer(h2, 2);
      double z = params[outB];
      int gi = gmfItem + it * GMF;
      for (int k = 0; k < GMF; k++) {
        z += params[gu + k] * params[gi + k] * params[outW + k];
      }
      for (int k = 0; k < 8; k++) {
        z += h3[k] * params[outW + GMF + k];
      }
      scores[it] = (float) sigmoid(z);
    }
    return scores;
  }

  /** Each item's MLP embedding times the item half of the first tower layer's weights. */
  double[] itemHalves() {
    int out0 = TOWER[1];
    double[] half = new double[items * out0];
    for (int it = 0; it < items; it++) {
      int mi = mlpItem + it * MLP;
      for (int i = 0; i < MLP; i++) {
        double v = params[mi + i];
        int wo = towerW[0] + (MLP + i) * out0;
        for (int j = 0; j < out0; j++) {
          half[it * out0 + j] += v * params[wo + j];
        }
      }
    }
    return half;
  }

  /** relu(x·W_l + b_l) for one row. */
  private double[] layer(double[] x, int l) {
    int in = TOWER[l];
    int out = TOWER[l + 1];
    double[] y = new double[out];
    System.arraycopy(params, towerB[l], y, 0, out);
    for (int i = 0; i < in; i++) {
      double xi = x[i];
      if (xi == 0) {
        continue;
      }
      int wo = towerW[l] + i * out;
      for (int j = 0; j < out; j++) {
        y[j] += xi * params[wo + j];
      }
    }
    for (int j = 0; j < out; j++) {
      y[j] = Math.max(0, y[j]);
    }
    return y;
  }

  static double sigmoid(double z) {
    return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
  }

  /**
   * Adam as Deeplearning4j (ND4J's {@code adam_updater}) applies it, to every parameter each step:
   * m ← β1·m + (1−β1)·g, v ← β2·v + (1−β2)·g², p ← p − lr·√(1−β2^t) / (1−β1^t) · m / (√v + ε), lr
   * 1e−3, β = (0.9, 0.999), ε = 1e−8.
   */
  static final class Adam {
    static final double LR = 1e-3;
    static final double BETA1 = 0.9;
    static final double BETA2 = 0.999;
    static final double EPSILON = 1e-8;
    private final double[] m;
    private final double[] v;
    private long t;

    Adam(int size) {
      m = new double[size];
      v = new double[size];
    }

    void step(double[] params, double[] grads) {
      t++;
      double lrT = LR * Math.sqrt(1 - Math.pow(BETA2, t)) / (1 - Math.pow(BETA1, t));
      for (int k = 0; k < params.length; k++) {
        double g = grads[k];
        double mk = BETA1 * m[k] + (1 - BETA1) * g;
        double vk = BETA2 * v[k] + (1 - BETA2) * g * g;
        m[k] = mk;
        v[k] = vk;
        params[k] -= lrT * mk / (Math.sqrt(vk) + EPSILON);
      }
    }
  }
}
