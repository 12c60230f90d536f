package io.github.sdrm.model;

import io.github.sdrm.nn.Buffers;
import io.github.sdrm.nn.Initializers;
import io.github.sdrm.nn.Param;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.indexaccum.custom.ArgMax;
import org.nd4j.linalg.api.ops.impl.transforms.custom.SoftMax;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * MultiVAE (Liang et al. 2018) as SDRM's stage 1 ("MultiVAE++" in the reference).
 *
 * <p>Encoder: L2-normalise each row, dropout 0.5 (training only), Linear(I,H), tanh, Linear(H,2d)
 * split into μ and log σ². Decoder: Linear(d,H), tanh, Linear(H,I) giving item logits. Weights are
 * Xavier-uniform, biases N(0, 0.001²). The loss of a batch of B rows is
 *
 * <pre>
 * −(1/B) Σ_u Σ_i x_ui · log_softmax(logits_u)_i + β · KL,
 * KL = −(1/2B) Σ_u Σ_j (1 + log σ²_uj − μ²_uj − σ²_uj)
 * </pre>
 *
 * with z = μ + σ ⊙ ε during training. Internal.
 */
public final class MultiVae {
  /** Dropout on the normalised input while training. */
  public static final double INPUT_DROPOUT = 0.5;

  private static final double NORM_EPS = 1e-12;

  private final int items;
  private final int hidden;
  private final int latent;
  private final DataType dataType;
  final Param w1;
  final Param b1;
  final Param w2;
  final Param b2;
  final Param w3;
  final Param b3;
  final Param w4;
  final Param b4;
  private final List<Param> params;

  /** Creates a network with freshly initialised weights. */
  public MultiVae(int items, int hidden, int latent, long seed, DataType dataType) {
    this.items = items;
    this.hidden = hidden;
    this.latent = latent;
    this.dataType = dataType;
    SplittableRandom rnd = new SplittableRandom(seed);
    w1 = new Param("vae.w1", Initializers.xavierUniform(items, hidden, rnd, dataType));
    b1 = new Param("vae.b1", Initializers.normal(new long[] {1, hidden}, 0.001, rnd, dataType));
    w2 = new Param("vae.w2", Initializers.xavierUniform(hidden, 2 * latent, rnd, dataType));
    b2 =
        new Param("vae.b2", Initializers.normal(new long[] {1, 2L * latent}, 0.001, rnd, dataType));
    w3 = new Param("vae.w3", Initializers.xavierUniform(latent, hidden, rnd, dataType));
    b3 = new Param("vae.b3", Initializers.normal(new long[] {1, hidden}, 0.001, rnd, dataType));
    w4 = new Param("vae.w4", Initializers.xavierUniform(hidden, items, rnd, dataType));
    b4 = new Param("vae.b4", Initializers.normal(new long[] {1, items}, 0.001, rnd, dataType));
    params = List.of(w1, b1, w2, b2, w3, b3, w4, b4);
  }

  /** The trainable parameters, in a fixed order. */
  public List<Param> params() {
    return params;
  }

  /** Number of items (input and output width). */
  public int items() {
    return items;
  }

  /** Hidden width H. */
  public int hidden() {
    return hidden;
  }

  /** Latent width d. */
  public int latent() {
    return latent;
  }

  /** Element type of the weights. */
  public DataType dataType() {
    return dataType;
  }

  /** Copies the given parameter values into this network (shapes must match). */
  public void load(Map<String, INDArray> values) {
    ParamIo.assign(params, values);
  }

  /** μ for a batch of rows (no dropout, no sampling): the deterministic latent code. */
  public INDArray encodeMean(INDArray x) {
    return meanFromHidden(Linear.tanhInPlace(Linear.forward(normalise(x), w1, b1)));
  }

  /** μ from the encoder's hidden layer. */
  private INDArray meanFromHidden(INDArray h1) {
    INDArray out = Linear.forward(h1, w2, b2);
    return out.get(NDArrayIndex.all(), NDArrayIndex.interval(0, latent)).dup();
  }

  /**
   * μ for a batch of rows given by their stored entries: the same function as {@link
   * #encodeMean(INDArray)} (within float rounding), the first layer reading only the W₁ rows of the
   * batch's items.
   */
  public INDArray encodeMean(SparseBatch x) {
    double[] vals = normalised(x, null);
    return meanFromHidden(Linear.tanhInPlace(sparseForward(x, vals, gather(x, vals))));
  }

  /** Item logits for a batch of latent codes. */
  public INDArray decode(INDArray z) {
    INDArray h3 = Linear.tanhInPlace(Linear.forward(z, w3, b3));
    return Linear.forward(h3, w4, b4);
  }

  /** Reconstruction logits from μ (used for validation). */
  public INDArray reconstruct(INDArray x) {
    return decode(encodeMean(x));
  }

  /**
   * Computes the loss of one batch and <em>sets</em> every parameter's gradient to its gradient.
   *
   * @param x the batch, [B, I], stored values
   * @param dropMask the inverted-dropout mask for the normalised input, [B, I]
   * @param eps standard normal noise for the reparameterisation, [B, d]
   * @param beta the KL weight
   * @return the loss
   */
  public double lossAndGradient(INDArray x, INDArray dropMask, INDArray eps, double beta) {
    for (Param p : params) {
      p.zeroGrad();
    }
    INDArray xd = normalise(x).muli(dropMask);
    INDArray h1 = Linear.tanhInPlace(Linear.forward(xd, w1, b1));
    return lossAndGradientAfterFirstLayer(x, xd, null, null, null, h1, eps, beta);
  }

  /**
   * The same loss and gradients from a batch's stored entries, never forming the dense [B, I]
   * input: the first layer adds the W₁ rows of each row's items (and its gradient touches only
   * those rows), the dropout mask is needed only at the stored entries, and the reconstruction term
   * reads the log-softmax only there. Equal to {@link #lossAndGradient(INDArray, INDArray,
   * INDArray, double)} within float rounding when {@code storedMask} holds the dense mask's values
   * at the stored entries.
   *
   * @param x the batch's rows
   * @param storedMask the inverted-dropout mask at each stored entry, in {@code x}'s order (any
   *     shape with that many elements); may be null when there is no stored entry
   */
  public double lossAndGradient(SparseBatch x, INDArray storedMask, INDArray eps, double beta) {
    for (Param p : params) {
      p.zeroGrad();
    }
    if (x.storedCount() > 0 && storedMask == null) {
      throw new IllegalArgumentException(
          "storedMask is required when the batch has stored entries");
    }
    double[] xdVals = normalised(x, storedMask);
    // the batch's distinct items, found once for the forward and the backward pass
    Gathered rows = gather(x, xdVals);
    INDArray h1 = Linear.tanhInPlace(sparseForward(x, xdVals, rows));
    return lossAndGradientAfterFirstLayer(null, null, x, xdVals, rows, h1, eps, beta);
  }

  private double lossAndGradientAfterFirstLayer(
      INDArray x,
      INDArray xd,
      SparseBatch sparse,
      double[] xdVals,
      Gathered rows,
      INDArray h1,
      INDArray eps,
      double beta) {
    long batch = h1.rows();
    INDArray out = Linear.forward(h1, w2, b2);
    // contiguous copies: element-wise ops on column views were several times slower
    INDArray mu = out.get(NDArrayIndex.all(), NDArrayIndex.interval(0, latent)).dup();
    INDArray logvar = out.get(NDArrayIndex.all(), NDArrayIndex.interval(latent, 2 * latent)).dup();
    INDArray std = Transforms.exp(logvar.mul(0.5), false);
    INDArray z = eps.mul(std).addi(mu);
    INDArray h3 = Linear.tanhInPlace(Linear.forward(z, w3, b3));
    INDArray logits = Linear.forward(h3, w4, b4);

    double nll;
    INDArray dLogits;
    if (sparse == null) {
      INDArray logSoftmax = logSoftmax(logits);
      nll = -x.mul(logSoftmax).sumNumber().doubleValue() / batch;
      INDArray rowSums = x.sum(true, 1);
      dLogits = Transforms.exp(logSoftmax, false).muliColumnVector(rowSums).subi(x).divi(batch);
    } else {
      nll = sparseReconstruction(sparse, logits, batch);
      dLogits = logits;
    }
    INDArray var = std.mul(std);
    double kl = klDivergence(mu, logvar, var) / batch;
    double loss = nll + beta * kl;

    INDArray dh3 = Linear.backward(h3, dLogits, w4, b4, true, sparse != null);
    INDArray da3 = dh3.muli(tanhDerivative(h3));
    INDArray dz = Linear.backward(z, da3, w3, b3, true);
    INDArray dMu = mu.mul(beta / batch).addi(dz);
    INDArray dLogvar = dz.muli(eps).muli(std).muli(0.5).addi(var.sub(1.0).muli(0.5 * beta / batch));
    INDArray dOut = Nd4j.hstack(dMu, dLogvar);
    INDArray dh1 = Linear.backward(h1, dOut, w2, b2, true);
    INDArray da1 = dh1.muli(tanhDerivative(h1));
    if (sparse == null) {
      Linear.backward(xd, da1, w1, b1, false);
    } else {
      sparseBackward(sparse, xdVals, rows, da1);
    }
    return loss;
  }

  /**
   * −½ Σ (1 + log σ² − μ² − σ²) over the batch, summed in double from Java copies (three ND4J
   * reductions over these small arrays took milliseconds per batch).
   */
  private static double klDivergence(INDArray mu, INDArray logvar, INDArray var) {
    double[] m = mu.data().asDouble();
    double[] lv = logvar.data().asDouble();
    double[] v = var.data().asDouble();
    double sum = 0;
    for (int i = 0; i < m.length; i++) {
      sum += 1 + lv[i] - m[i] * m[i] - v[i];
    }
    return -0.5 * sum;
  }

  /**
   * The multinomial negative log-likelihood −(1/B) Σ x·log_softmax(logits) from the stored entries;
   * overwrites {@code logits} with its gradient, (softmax · rowSum − x) / B.
   */
  private double sparseReconstruction(SparseBatch s, INDArray logits, long batch) {
    // log_softmax(x)_i = x_i − lse with lse = x_max − log(softmax(x)_max): the row's largest logit
    // has softmax ≥ 1/items, so its log is exact enough, and ND4J's fused softmax replaces the
    // five passes (max, subtract, exp, sum, scale) over the [B, items] logits
    DataBuffer buf = contiguous(logits);
    long[] argmax = Nd4j.exec(new ArgMax(logits, false, new int[] {1}))[0].data().asLong();
    double[] stored = new double[s.cols.length];
    double[] rowMax = new double[s.rows];
    for (int b = 0; b < s.rows; b++) {
      rowMax[b] = buf.getDouble(b * (long) items + argmax[b]);
      for (int k = s.ptr[b]; k < s.ptr[b + 1]; k++) {
        stored[k] = s.vals[k] == 0f ? 0 : buf.getDouble((long) b * items + s.cols[k]);
      }
    }
    Nd4j.exec(new SoftMax(logits, logits, 1));
    double[] rowScale = new double[s.rows];
    double total = 0;
    for (int b = 0; b < s.rows; b++) {
      double lse = rowMax[b] - Math.log(buf.getDouble(b * (long) items + argmax[b]));
      double rowSum = 0;
      for (int k = s.ptr[b]; k < s.ptr[b + 1]; k++) {
        float v = s.vals[k];
        if (v != 0f) {
          total += v * (stored[k] - lse);
          rowSum += v;
        }
      }
      rowScale[b] = rowSum / batch;
    }
    // the gradient (softmax · rowSum − x) / B
    logits.muliColumnVector(
        Nd4j.create(rowScale, new long[] {s.rows, 1}, DataType.DOUBLE).castTo(logits.dataType()));
    for (int b = 0; b < s.rows; b++) {
      for (int k = s.ptr[b]; k < s.ptr[b + 1]; k++) {
        float v = s.vals[k];
        if (v != 0f) {
          long cell = (long) b * items + s.cols[k];
          buf.put(cell, buf.getDouble(cell) - v / (double) batch);
        }
      }
    }
    return -total / batch;
  }

  private static DataBuffer contiguous(INDArray a) {
    if (a.isView() || a.ordering() != 'c' || a.offset() != 0) {
      throw new IllegalStateException("expected a contiguous c-ordered array");
    }
    return a.data();
  }

  /**
   * The stored values divided by their row's L2 norm, times the dropout mask at each ({@code
   * storedMask} null: no dropout).
   */
  private static double[] normalised(SparseBatch s, INDArray storedMask) {
    double[] out = new double[s.vals.length];
    double[] mask =
        out.length == 0 ? out : storedMask == null ? null : storedMask.data().asDouble();
    if (mask != null && mask.length != out.length) {
      throw new IllegalArgumentException(
          "storedMask must have one value per stored entry ("
              + out.length
              + "), found "
              + mask.length);
    }
    for (int b = 0; b < s.rows; b++) {
      double ss = 0;
      for (int k = s.ptr[b]; k < s.ptr[b + 1]; k++) {
        ss += (double) s.vals[k] * s.vals[k];
      }
      double norm = Math.max(Math.sqrt(ss), NORM_EPS);
      for (int k = s.ptr[b]; k < s.ptr[b + 1]; k++) {
        out[k] = mask == null ? s.vals[k] / norm : s.vals[k] / norm * mask[k];
      }
    }
    return out;
  }

  // The two loops below run on float arrays for float networks (vectorised by the JIT) and on
  // double arrays for double ones (the gradient checks).

  /** x̃·W₁ + b₁ from the stored entries: each row adds the W₁ rows of its items. */
  private INDArray sparseForward(SparseBatch s, double[] xdVals, Gathered g) {
    long[] shape = {s.rows, hidden};
    if (dataType == DataType.DOUBLE) {
      double[] w = w1.value().data().asDouble();
      double[] bias = b1.value().data().asDouble();
      double[] out = new double[s.rows * hidden];
      for (int b = 0; b < s.rows; b++) {
        System.arraycopy(bias, 0, out, b * hidden, hidden);
        for (int k = s.ptr[b]; k < s.ptr[b + 1]; k++) {
          double v = xdVals[k];
          int r = s.cols[k] * hidden;
          int o = b * hidden;
          for (int j = 0; v != 0 && j < hidden; j++) {
            out[o + j] += v * w[r + j];
          }
        }
      }
      return Nd4j.create(out, shape, DataType.DOUBLE);
    }
    // only the W₁ rows of the batch's items are read, in bulk
    FloatBuffer w = Buffers.view(w1.value());
    float[] wRows = new float[g.columns.length * hidden];
    for (int j = 0; j < g.columns.length; j++) {
      w.get(g.columns[j] * hidden, wRows, j * hidden, hidden);
    }
    float[] bias = Buffers.floats(b1.value());
    float[] out = new float[s.rows * hidden];
    for (int b = 0; b < s.rows; b++) {
      int o = b * hidden;
      System.arraycopy(bias, 0, out, o, hidden);
      for (int k = s.ptr[b]; k < s.ptr[b + 1]; k++) {
        float v = (float) xdVals[k];
        if (v == 0f) {
          continue;
        }
        int r = g.slot[k] * hidden;
        for (int j = 0; j < hidden; j++) {
          out[o + j] += v * wRows[r + j];
        }
      }
    }
    return Buffers.floats(out, shape);
  }

  /** The distinct items of a batch's non-zero inputs, and each stored entry's index among them. */
  private record Gathered(int[] columns, int[] slot) {}

  private Gathered gather(SparseBatch s, double[] xdVals) {
    int[] slotOfColumn = new int[items];
    Arrays.fill(slotOfColumn, -1);
    int[] slot = new int[s.cols.length];
    int[] columns = new int[Math.min(items, s.cols.length)];
    int distinct = 0;
    for (int k = 0; k < s.cols.length; k++) {
      if (xdVals[k] == 0) {
        slot[k] = -1;
        continue;
      }
      int c = s.cols[k];
      if (slotOfColumn[c] < 0) {
        slotOfColumn[c] = distinct;
        columns[distinct++] = c;
      }
      slot[k] = slotOfColumn[c];
    }
    return new Gathered(Arrays.copyOf(columns, distinct), slot);
  }

  /** dW₁ += x̃ᵀ·δ over the stored entries only, db₁ += Σ_rows δ. */
  private void sparseBackward(SparseBatch s, double[] xdVals, Gathered gathered, INDArray da1) {
    long[] shape = {items, hidden};
    if (dataType == DataType.DOUBLE) {
      double[] d = da1.data().asDouble();
      double[] g = new double[items * hidden];
      for (int b = 0; b < s.rows; b++) {
        for (int k = s.ptr[b]; k < s.ptr[b + 1]; k++) {
          double v = xdVals[k];
          int r = s.cols[k] * hidden;
          int o = b * hidden;
          for (int j = 0; v != 0 && j < hidden; j++) {
            g[r + j] += v * d[o + j];
          }
        }
      }
      w1.grad().addi(Nd4j.create(g, shape, DataType.DOUBLE));
    } else {
      // the gradient's rows of the batch's items are summed here and written in bulk; every other
      // row stays zero (lossAndGradient zeroed it), so this sets dW₁ rather than adding to it
      float[] d = Buffers.floats(da1);
      float[] g = new float[gathered.columns.length * hidden];
      for (int b = 0; b < s.rows; b++) {
        int o = b * hidden;
        for (int k = s.ptr[b]; k < s.ptr[b + 1]; k++) {
          float v = (float) xdVals[k];
          if (v == 0f) {
            continue;
          }
          int r = gathered.slot[k] * hidden;
          for (int j = 0; j < hidden; j++) {
            g[r + j] += v * d[o + j];
          }
        }
      }
      FloatBuffer grad = Buffers.view(w1.grad());
      for (int j = 0; j < gathered.columns.length; j++) {
        grad.put(gathered.columns[j] * hidden, g, j * hidden, hidden);
      }
    }
    INDArray ones = Nd4j.ones(da1.dataType(), 1, da1.rows());
    Nd4j.gemm(ones, da1, b1.grad(), false, false, 1.0, 1.0);
  }

  static INDArray normalise(INDArray x) {
    INDArray norms = x.norm2(true, 1);
    Transforms.max(norms, NORM_EPS, false);
    return x.divColumnVector(norms);
  }

  static INDArray logSoftmax(INDArray logits) {
    INDArray shifted = logits.subColumnVector(logits.max(true, 1));
    INDArray lse = Transforms.log(Transforms.exp(shifted, true).sum(true, 1), false);
    return shifted.subiColumnVector(lse);
  }

  private static INDArray tanhDerivative(INDArray tanh) {
    return tanh.mul(tanh).rsubi(1.0);
  }
}
