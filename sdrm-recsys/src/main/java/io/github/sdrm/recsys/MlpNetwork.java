package io.github.sdrm.recsys;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The MLP autoencoder of {@link MlpRecommender}, written out on ND4J's matrix products: input → 512
 * → 256 → 256 → input width, ReLU on the hidden layers, inverted dropout after each of them (masks
 * given by the caller), sigmoid output scored by binary cross-entropy, the mean over every output
 * as Keras's {@code binary_crossentropy} takes it. Weights are drawn from a Java generator as the
 * reference's Keras model draws them: Glorot-uniform for the hidden layers, LeCun-uniform (U(±√(3 /
 * fan-in))) for the output layer; biases zero. The gradient of the loss fills {@link #weightGrad}
 * and {@link #biasGrad}; it is checked against finite differences in {@code MlpNetworkTest}.
 */
final class MlpNetwork {
  /** The reference's hidden layers. */
  static final int[] REFERENCE_HIDDEN = {512, 256, 256};

  /** Layers: weights [in, out] and biases [1, out]; the last is the output layer. */
  final INDArray[] weight;

  final INDArray[] bias;
  final INDArray[] weightGrad;
  final INDArray[] biasGrad;
  private final int[] hidden;
  private final DataType dataType;

  /**
   * The first layer's weights as the optimiser's Java copy ([in × out], row-major), or null. When
   * set, sparse batches read their rows from here and leave their gradient rows in {@link
   * SparseRows#gradRows} instead of {@link #weightGrad}[0]; {@link #weight}[0] is brought up to
   * date from here only when a dense product needs it ({@link #firstLayerStale}). On ADM (8,582 ×
   * 512 first-layer weights) this saves copying 17.6 MB in and out of ND4J and zeroing it every
   * step.
   */
  float[] firstLayerMaster;

  /** Whether {@link #firstLayerMaster} holds newer values than {@link #weight}[0]. */
  boolean firstLayerStale;

  /** The sparse rows of the last {@link #backward} call, null if it was dense. */
  SparseRows lastSparse;

  /**
   * The reference's value-embedding first layer, or null for a dense first layer. When set, {@link
   * #weight}[0] holds its effective weights and {@link #firstLayerOffset} its offset, which the
   * first layer adds to its bias; {@link #weightGrad}[0] (or the sparse rows' gradient) and {@link
   * #biasGrad}[0] are what its own gradients are computed from.
   */
  final ValueEmbeddingLayer embedding;

  /** The value-embedding layer's offset, [1, width], or null for a dense first layer. */
  INDArray firstLayerOffset;

  /** A network with the given hidden widths (the reference's: {@link #REFERENCE_HIDDEN}). */
  MlpNetwork(int items, int[] hidden, SplittableRandom rnd, DataType dataType) {
    this(items, hidden, rnd, dataType, 0);
  }

  /**
   * A network whose first layer is the reference's value embedding ({@link ValueEmbeddingLayer},
   * its embedding sized by {@code embeddingUsers} rows) when {@code embeddingUsers} > 0, else
   * dense. The value-embedding layer's parameters are drawn first, as Keras builds its layers.
   */
  MlpNetwork(int items, int[] hidden, SplittableRandom rnd, DataType dataType, int embeddingUsers) {
    this.hidden = hidden.clone();
    this.dataType = dataType;
    weight = new INDArray[hidden.length + 1];
    bias = new INDArray[hidden.length + 1];
    weightGrad = new INDArray[hidden.length + 1];
    biasGrad = new INDArray[hidden.length + 1];
    embedding =
        embeddingUsers > 0 ? new ValueEmbeddingLayer(items, hidden[0], embeddingUsers, rnd) : null;
    int in = items;
    for (int l = 0; l < weight.length; l++) {
      int out = l < hidden.length ? hidden[l] : items;
      weight[l] =
          l == 0 && embedding != null
              ? Nd4j.zeros(dataType, in, out)
              : l < hidden.length
                  ? NdArrays.uniform(
                      new long[] {in, out},
                      -Math.sqrt(6.0 / (in + out)),
                      Math.sqrt(6.0 / (in + out)),
                      rnd,
                      dataType)
                  : NdArrays.uniform(
                      new long[] {in, out},
                      -Math.sqrt(3.0 / in),
                      Math.sqrt(3.0 / in),
                      rnd,
                      dataType);
      bias[l] = Nd4j.zeros(dataType, 1, out);
      weightGrad[l] = Nd4j.zeros(dataType, in, out);
      biasGrad[l] = Nd4j.zeros(dataType, 1, out);
      in = out;
    }
    if (embedding != null) {
      firstLayerOffset = Nd4j.zeros(dataType, 1, hidden[0]);
      embeddingChanged();
    }
  }

  /**
   * Copies the value-embedding layer's effective weights and offset into {@link #weight}[0] and
   * {@link #firstLayerOffset} (after its parameters changed other than by the optimiser's step).
   */
  void embeddingChanged() {
    INDArray u = NdArrays.floats(embedding.effective, weight[0].rows(), weight[0].columns());
    weight[0].assign(u);
    firstLayerOffset.assign(NdArrays.floats(embedding.offset, 1, embedding.width));
    firstLayerStale = false;
  }

  /**
   * Dropout masks for a batch of {@code rows}: one [rows, width] array per hidden layer holding 0
   * (dropped, probability {@code rate}) or 1 / (1 − rate) (kept).
   */
  INDArray[] dropoutMasks(int rows, double rate, SplittableRandom rnd) {
    INDArray[] masks = new INDArray[hidden.length];
    double kept = 1.0 / (1.0 - rate);
    for (int l = 0; l < hidden.length; l++) {
      float[] m = new float[rows * hidden[l]];
      for (int i = 0; i < m.length; i++) {
        m[i] = rnd.nextDouble() < rate ? 0f : (float) kept;
      }
      INDArray mask = NdArrays.floats(m, rows, hidden[l]);
      masks[l] = dataType == DataType.FLOAT ? mask : mask.castTo(dataType);
    }
    return masks;
  }

  /** The output probabilities for x (no dropout). */
  INDArray predict(INDArray x) {
    syncFirstLayer();
    INDArray a = x;
    for (int l = 0; l < hidden.length; l++) {
      a = Transforms.relu(affine(a, l), false);
    }
    return Transforms.sigmoid(affine(a, hidden.length), false);
  }

  /**
   * A batch of 0/1 rows given by their columns, for a first layer that reads only the weight rows
   * of the batch's items: x·W₁ = S·W₁[columns], with S the [rows, distinct columns] 0/1 selection.
   * Worth it for sparse data (ADM: ≈ 10 items a row of 8,582); the dense product is cheaper when a
   * batch touches most items.
   */
  static final class SparseRows {
    final int[] columns;
    final INDArray selection;

    /**
     * The first layer's gradient rows of {@link #columns} ([columns × out], row-major), left here
     * by {@link MlpNetwork#backward} when the network has a {@link #firstLayerMaster}.
     */
    float[] gradRows;

    /** {@code rowColumns[r]}: the columns of row r's ones. */
    SparseRows(int[][] rowColumns, int items, DataType dataType) {
      int[] slot = new int[items];
      Arrays.fill(slot, -1);
      int[] cols = new int[items];
      int distinct = 0;
      for (int[] row : rowColumns) {
        for (int c : row) {
          if (slot[c] < 0) {
            slot[c] = distinct;
            cols[distinct++] = c;
          }
        }
      }
      columns = Arrays.copyOf(cols, distinct);
      int width = Math.max(1, distinct);
      float[] sel = new float[rowColumns.length * width];
      for (int r = 0; r < rowColumns.length; r++) {
        for (int c : rowColumns[r]) {
          sel[r * width + slot[c]] = 1f;
        }
      }
      INDArray s = NdArrays.floats(sel, rowColumns.length, width);
      selection = dataType == DataType.FLOAT ? s : s.castTo(dataType);
    }
  }

  /**
   * The output logits for x with the given dropout masks (null: none), keeping each layer's input
   * in {@code inputs} (length 4) and each hidden layer's ReLU output in {@code relu} (length 3)
   * when these are not null. {@code sparse}, if not null, is x's ones by column (x must be 0/1);
   * the first layer then reads only their weight rows.
   */
  INDArray logits(
      INDArray x, SparseRows sparse, INDArray[] masks, INDArray[] inputs, INDArray[] relu) {
    INDArray a = x;
    for (int l = 0; l < hidden.length; l++) {
      if (inputs != null) {
        inputs[l] = a;
      }
      INDArray pre;
      if (l == 0 && sparse != null) {
        pre =
            sparse.columns.length == 0
                ? bias[0].repmat(x.rows(), 1)
                : Nd4j.gemm(sparse.selection, firstLayerRows(sparse.columns), false, false)
                    .addiRowVector(bias[0]);
        if (firstLayerOffset != null) {
          pre.addiRowVector(firstLayerOffset);
        }
      } else {
        if (l == 0) {
          syncFirstLayer();
        }
        pre = affine(a, l);
      }
      INDArray h = Transforms.relu(pre, false);
      if (relu != null) {
        relu[l] = h;
      }
      a = masks == null ? h : h.mul(masks[l]);
    }
    if (inputs != null) {
      inputs[hidden.length] = a;
    }
    return affine(a, hidden.length);
  }

  /** The logits for a dense x (see the five-argument form). */
  INDArray logits(INDArray x, INDArray[] masks, INDArray[] inputs, INDArray[] relu) {
    return logits(x, null, masks, inputs, relu);
  }

  /**
   * Fills the gradients of the mean binary cross-entropy of the outputs for x against targets y,
   * with the given dropout masks, and returns the logits.
   */
  INDArray backward(INDArray x, INDArray y, INDArray[] masks) {
    return backward(x, null, y, masks);
  }

  /**
   * As the three-argument form, with x's ones also given by column ({@code sparse}, may be null):
   * the first layer's weight gradient is then set for the batch's items' rows only, the other rows
   * zero.
   */
  INDArray backward(INDArray x, SparseRows sparse, INDArray y, INDArray[] masks) {
    INDArray[] inputs = new INDArray[weight.length];
    INDArray[] relu = new INDArray[hidden.length];
    INDArray z = logits(x, sparse, masks, inputs, relu);
    lastSparse = sparse;
    // d(mean BCE)/dz = (σ(z) − y) / (rows · items)
    INDArray delta = Transforms.sigmoid(z, true).subi(y).divi((double) z.length());
    INDArray ones = Nd4j.ones(dataType, 1, x.rows());
    for (int l = weight.length - 1; l >= 0; l--) {
      if (l == 0 && sparse != null) {
        INDArray rows =
            sparse.columns.length == 0 ? null : Nd4j.gemm(sparse.selection, delta, true, false);
        if (firstLayerMaster != null) {
          sparse.gradRows = rows == null ? new float[0] : NdArrays.floats(rows);
        } else {
          weightGrad[0].assign(0);
          if (rows != null) {
            scatterRows(weightGrad[0], sparse.columns, rows);
          }
        }
      } else {
        Nd4j.gemm(inputs[l], delta, weightGrad[l], true, false, 1.0, 0.0);
      }
      Nd4j.gemm(ones, delta, biasGrad[l], false, false, 1.0, 0.0);
      if (l > 0) {
        INDArray da = Nd4j.gemm(delta, weight[l], false, true);
        if (masks != null) {
          da.muli(masks[l - 1]);
        }
        delta = da.muli(Transforms.step(relu[l - 1]));
      }
    }
    return z;
  }

  /** The first layer's weight rows of {@code columns}, from the Java copy when there is one. */
  private INDArray firstLayerRows(int[] columns) {
    if (firstLayerMaster == null) {
      return Nd4j.pullRows(weight[0], 1, columns);
    }
    int width = (int) weight[0].columns();
    float[] rows = new float[columns.length * width];
    for (int j = 0; j < columns.length; j++) {
      System.arraycopy(firstLayerMaster, columns[j] * width, rows, j * width, width);
    }
    return NdArrays.floats(rows, columns.length, width);
  }

  /** Writes {@link #firstLayerMaster} into {@link #weight}[0] if it is newer. */
  void syncFirstLayer() {
    if (firstLayerStale) {
      NdArrays.view(weight[0]).put(0, firstLayerMaster, 0, firstLayerMaster.length);
      firstLayerStale = false;
    }
  }

  /** target[rows[j]] = values[j] for every j. */
  private static void scatterRows(INDArray target, int[] rows, INDArray values) {
    int width = (int) target.columns();
    if (target.dataType() == DataType.FLOAT) {
      FloatBuffer t = NdArrays.view(target);
      float[] v = NdArrays.floats(values);
      for (int j = 0; j < rows.length; j++) {
        t.put(rows[j] * width, v, j * width, width);
      }
    } else {
      for (int j = 0; j < rows.length; j++) {
        target.putRow(rows[j], values.getRow(j));
      }
    }
  }

  /** The mean binary cross-entropy of σ(z) against y, from the logits (stable form). */
  static double loss(INDArray z, INDArray y) {
    double[] zv = z.dup('c').reshape(z.length()).toDoubleVector();
    double[] yv = y.dup('c').reshape(y.length()).toDoubleVector();
    double s = 0;
    for (int i = 0; i < zv.length; i++) {
      s += Math.max(zv[i], 0) - yv[i] * zv[i] + Math.log1p(Math.exp(-Math.abs(zv[i])));
    }
    return s / zv.length;
  }

  private INDArray affine(INDArray a, int l) {
    INDArray pre = Nd4j.gemm(a, weight[l], false, false).addiRowVector(bias[l]);
    return l == 0 && firstLayerOffset != null ? pre.addiRowVector(firstLayerOffset) : pre;
  }
}
