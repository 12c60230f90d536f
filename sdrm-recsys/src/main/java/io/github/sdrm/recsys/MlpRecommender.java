package io.github.sdrm.recsys;

import io.github.sdrm.data.InteractionMatrix;
import io.github.sdrm.data.Permutations;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MLP autoencoder of the SDRM reference: the user's multi-hot row → 512 → 256 → 256 → items,
 * ReLU, dropout 0.5 after each hidden layer, sigmoid output, binary cross-entropy against the same
 * row, Adam 1e−3, batch 16, at most 200 epochs. The last 20 % of the training rows are held out
 * (Keras's {@code validation_split}); training stops after 10 epochs without an improvement of at
 * least 0.001 in their RMSE and the best weights are restored. Adam as Keras has it (β = 0.9,
 * 0.999, ε = 1e−7 added to √v). Weights as the reference's Keras model draws them (Glorot-uniform,
 * LeCun-uniform for the output layer).
 *
 * <p>The first layer: the reference's is Keras's {@code Embedding(users, 8)} applied to each 0/1
 * value of the row, flattened into {@code Dense(512)} ({@link FirstLayer#VALUE_EMBEDDING}). That
 * computes the same family of functions as the dense first layer used by default ({@link
 * FirstLayer#DENSE}), but Adam trains the two parameterisations differently: on ML-100K the two
 * give about the same Recall@10; on ADM (8,582 items) the reference's learns more slowly, and its
 * step costs ≈ 60 ms more (Adam over 35 M kernel weights). The measurements are in {@code
 * docs/RESULTS.md}, section "ADM × MLP".
 *
 * <p>The network is written out on ND4J's matrix products ({@code MlpNetwork}, its gradient checked
 * by finite differences); initial weights, shuffles and dropout masks come from one Java generator
 * seeded with the recommender's seed, so a fit depends only on its seed and its data, not on the
 * JVM or ND4J's global generator. Sparse batches (fewer ones than half the items, as on ALB and
 * ADM) take a first layer that reads only the weight rows of their items. (An earlier version built
 * the network from Deeplearning4j's layers; its Adam updater and per-step overhead made a fit about
 * 2× slower.)
 */
public final class MlpRecommender implements Recommender {
  private static final Logger LOG = LoggerFactory.getLogger(MlpRecommender.class);
  private static final double DROPOUT = 0.5;
  private static final int SCORE_BATCH = 1024;

  /** The first layer's parameterisation. */
  public enum FirstLayer {
    /** A dense layer on the 0/1 row: items × 512 weights (the default). */
    DENSE,
    /**
     * The reference's: each 0/1 value looked up in an 8-wide embedding, the items × 8 lookups
     * flattened into a dense layer of items · 8 × 512 weights. The same family of functions as
     * {@link #DENSE}, trained differently by Adam (every weight moves at every step); 8× the memory
     * (three float arrays of items · 8 · 512: 422 MB for ADM's 8,582 items) and slower.
     */
    VALUE_EMBEDDING
  }

  private final int maxEpochs;
  private final int batchSize;
  private final int patience;
  private final double minDelta;
  private final long seed;
  private final FirstLayer firstLayer;

  private MlpNetwork network;
  private int items;
  private int epochsRun;

  /** The reference's settings: 200 epochs, batch 16, patience 10, min Δ 0.001, seed 0. */
  public MlpRecommender() {
    this(200, 16, 10, 0.001, 0L);
  }

  /**
   * Creates an MLP recommender with a dense first layer.
   *
   * @throws IllegalArgumentException if a count is below 1 or minDelta is negative
   */
  public MlpRecommender(int maxEpochs, int batchSize, int patience, double minDelta, long seed) {
    this(maxEpochs, batchSize, patience, minDelta, seed, FirstLayer.DENSE);
  }

  /** The reference's settings (see {@link #MlpRecommender()}) with the given first layer. */
  public MlpRecommender(FirstLayer firstLayer) {
    this(200, 16, 10, 0.001, 0L, firstLayer);
  }

  /**
   * Creates an MLP recommender.
   *
   * @throws IllegalArgumentException if a count is below 1 or minDelta is negative
   * @throws NullPointerException if firstLayer is null
   */
  public MlpRecommender(
      int maxEpochs,
      int batchSize,
      int patience,
      double minDelta,
      long seed,
      FirstLayer firstLayer) {
    if (maxEpochs < 1 || batchSize < 1 || patience < 1) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "maxEpochs, batchSize and patience must be at least 1, found %d, %d, %d",
              maxEpochs,
              batchSize,
              patience));
    }
    if (!(minDelta >= 0)) {
      throw new IllegalArgumentException("minDelta must be at least 0, found " + minDelta);
    }
    this.maxEpochs = maxEpochs;
    this.batchSize = batchSize;
    this.patience = patience;
    this.minDelta = minDelta;
    this.seed = seed;
    this.firstLayer = Objects.requireNonNull(firstLayer, "firstLayer");
  }

  /** The first layer's parameterisation. */
  public FirstLayer firstLayer() {
    return firstLayer;
  }

  @Override
  public String name() {
    return "mlp";
  }

  /** Epochs run by the last {@link #fit}. */
  public int epochsRun() {
    return epochsRun;
  }

  @Override
  public void fit(InteractionMatrix train) {
    Objects.requireNonNull(train, "train");
    // batches of 16 rows make every element-wise op small; a second OpenMP thread made the fit
    // 2.5x slower here
    NdArrays.withElementwiseThreads(1, () -> fitSingleThreaded(train));
  }

  private void fitSingleThreaded(InteractionMatrix train) {
    if (train.rows() < 2) {
      throw new IllegalArgumentException(
          "mlp needs at least 2 training rows, found " + train.rows());
    }
    items = train.columns();
    InteractionMatrix positives = train.onesOnly();
    // Keras's validation_split: the last rows, after floor((1 - 0.2) n) for training
    int fitRows = Math.max(1, (int) Math.floor(0.8 * train.rows()));
    INDArray valid = positives.rowRange(fitRows, train.rows()).toDense(DataType.FLOAT);

    SplittableRandom rnd = new SplittableRandom(seed);
    // the reference sizes its embedding by the training rows before it appends the fold-in rows;
    // here all rows given to fit count (a slightly narrower initial embedding)
    MlpNetwork net =
        new MlpNetwork(
            items,
            MlpNetwork.REFERENCE_HIDDEN,
            rnd,
            DataType.FLOAT,
            firstLayer == FirstLayer.VALUE_EMBEDDING ? train.rows() : 0);
    KerasAdam adam = new KerasAdam(net);
    double best = Double.POSITIVE_INFINITY;
    float[][] bestParams = adam.parameters();
    int sinceBest = 0;
    epochsRun = 0;
    for (int epoch = 0; epoch < maxEpochs; epoch++) {
      int[] order = Permutations.random(fitRows, rnd);
      for (int from = 0; from < fitRows; from += batchSize) {
        int[] idx = Arrays.copyOfRange(order, from, Math.min(fitRows, from + batchSize));
        try (MemoryWorkspace ws = NdArrays.workspace("sdrm-mlp-step")) {
          INDArray x = positives.denseRows(idx, DataType.FLOAT);
          MlpNetwork.SparseRows sparse = sparseRows(positives, idx);
          net.backward(x, sparse, x, net.dropoutMasks(idx.length, DROPOUT, rnd));
        }
        adam.step();
      }
      epochsRun++;
      double rmse;
      try (MemoryWorkspace ws = NdArrays.workspace("sdrm-mlp-step")) {
        rmse = Math.sqrt(net.predict(valid).squaredDistance(valid) / valid.length());
      }
      if (rmse < best - minDelta) {
        best = rmse;
        bestParams = adam.parameters();
        sinceBest = 0;
      } else if (++sinceBest >= patience) {
        break;
      }
    }
    adam.setParameters(bestParams);
    LOG.debug("mlp: {} epochs, best validation RMSE {}", epochsRun, best);
    network = net;
  }

  /**
   * The batch's ones by column when they touch fewer than half the items (the first layer then
   * reads only their weight rows: same values, less work on sparse data such as ADM), else null.
   */
  private MlpNetwork.SparseRows sparseRows(InteractionMatrix positives, int[] idx) {
    long stored = 0;
    for (int r : idx) {
      stored += positives.rowLength(r);
    }
    if (stored >= items / 2) {
      return null;
    }
    int[][] cols = new int[idx.length][];
    for (int i = 0; i < idx.length; i++) {
      cols[i] = positives.rowColumns(idx[i]);
    }
    return new MlpNetwork.SparseRows(cols, items, DataType.FLOAT);
  }

  @Override
  public float[][] score(InteractionMatrix users) {
    Recommenders.checkScorable(name(), network != null, items, users);
    InteractionMatrix positives = users.onesOnly();
    float[][] out = new float[users.rows()][];
    for (int from = 0; from < users.rows(); from += SCORE_BATCH) {
      int to = Math.min(users.rows(), from + SCORE_BATCH);
      try (MemoryWorkspace ws = NdArrays.workspace("sdrm-mlp-score")) {
        float[] p =
            NdArrays.floats(network.predict(positives.rowRange(from, to).toDense(DataType.FLOAT)));
        for (int u = from; u < to; u++) {
          out[u] = Arrays.copyOfRange(p, (u - from) * items, (u - from + 1) * items);
        }
      }
    }
    return out;
  }

  /**
   * Adam as Keras 2 applies it: m ← β1·m + (1−β1)·g, v ← β2·v + (1−β2)·g², p ← p − lr·√(1−β2^t) /
   * (1−β1^t) · m / (√v + ε), with lr 1e−3, β = (0.9, 0.999), ε = 1e−7. The update runs over Java
   * copies of the parameters (several times faster here than ND4J's Adam kernel at these sizes),
   * which are written back to the network after every step.
   */
  static final class KerasAdam {
    private static final float LR = 1e-3f;
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final float EPSILON = 1e-7f;
    private static final float B1 = (float) BETA1;
    private static final float C1 = (float) (1 - BETA1);
    private static final float B2 = (float) BETA2;
    private static final float C2 = (float) (1 - BETA2);

    private final INDArray[] values;
    private final INDArray[] grads;
    private final float[][] p;
    private final float[][] g;
    private final float[][] m;
    private final float[][] v;
    private final MlpNetwork net;
    private final int width;
    // the first layer's gradient rows set by the last sparse step (zeroed before the next), or null
    // after a dense step (g[0] then holds a full gradient)
    private int[] sparseGradColumns;
    private long t;

    KerasAdam(MlpNetwork net) {
      int n = net.weight.length;
      values = new INDArray[2 * n];
      grads = new INDArray[2 * n];
      for (int l = 0; l < n; l++) {
        values[2 * l] = net.weight[l];
        values[2 * l + 1] = net.bias[l];
        grads[2 * l] = net.weightGrad[l];
        grads[2 * l + 1] = net.biasGrad[l];
      }
      p = new float[values.length][];
      g = new float[values.length][];
      m = new float[values.length][];
      v = new float[values.length][];
      for (int i = 0; i < values.length; i++) {
        // with a value-embedding first layer, p[0] is that layer's effective weights, derived from
        // its parameters, which it updates itself
        boolean derived = i == 0 && net.embedding != null;
        p[i] = derived ? net.embedding.effective : NdArrays.floats(values[i]);
        g[i] = new float[p[i].length];
        m[i] = derived ? null : new float[p[i].length];
        v[i] = derived ? null : new float[p[i].length];
      }
      this.net = net;
      // the first layer's weights live here; the network reads sparse batches' rows from this copy
      net.firstLayerMaster = p[0];
      width = (int) net.weight[0].columns();
    }

    /** One update from the gradients in the network, written back into its parameters. */
    void step() {
      t++;
      float lrT = (float) (LR * Math.sqrt(1 - Math.pow(BETA2, t)) / (1 - Math.pow(BETA1, t)));
      firstLayerGradient();
      for (int i = 1; i < values.length; i++) {
        NdArrays.view(grads[i]).get(0, g[i], 0, g[i].length);
      }
      for (int i = 0; i < values.length; i++) {
        if (i == 0 && net.embedding != null) {
          // g[1], the first layer's bias gradient, is Σ_b δ_b
          net.embedding.step(g[0], sparseGradColumns, g[1], lrT);
          NdArrays.view(net.firstLayerOffset).put(0, net.embedding.offset);
        } else {
          update(p[i], g[i], m[i], v[i], lrT);
        }
        if (i > 0) {
          NdArrays.view(values[i]).put(0, p[i], 0, p[i].length);
        }
      }
      // the network copies the first layer into ND4J when a dense product needs it
      net.firstLayerStale = true;
    }

    /**
     * g[0] ← the first layer's gradient: the rows the last sparse backward pass left (every other
     * row zero, as the dense gradient of a sparse batch is), or the network's dense gradient.
     */
    private void firstLayerGradient() {
      MlpNetwork.SparseRows sparse = net.lastSparse;
      if (sparse == null) {
        NdArrays.view(grads[0]).get(0, g[0], 0, g[0].length);
        sparseGradColumns = null;
        return;
      }
      if (sparseGradColumns == null) {
        Arrays.fill(g[0], 0f);
      } else {
        for (int c : sparseGradColumns) {
          Arrays.fill(g[0], c * width, (c + 1) * width, 0f);
        }
      }
      for (int j = 0; j < sparse.columns.length; j++) {
        System.arraycopy(sparse.gradRows, j * width, g[0], sparse.columns[j] * width, width);
      }
      sparseGradColumns = sparse.columns;
    }

    /** One Keras Adam update of p from g with moments m, v and step size lrT, in place. */
    static void update(float[] p, float[] g, float[] m, float[] v, float lrT) {
      for (int j = 0; j < p.length; j++) {
        p[j] = updated(p[j], g[j], m, v, j, lrT);
      }
    }

    /**
     * Keras's Adam for one weight w with gradient gj: updates its moments m[j] and v[j] and returns
     * the new weight. The one place of the update rule ({@link ValueEmbeddingLayer}'s fused pass
     * calls it too).
     */
    static float updated(float w, float gj, float[] m, float[] v, int j, float lrT) {
      float mj = B1 * m[j] + C1 * gj;
      float vj = B2 * v[j] + C2 * gj * gj;
      m[j] = mj;
      v[j] = vj;
      return w - lrT * mj / ((float) Math.sqrt(vj) + EPSILON);
    }

    /**
     * A copy of every parameter (with a value-embedding first layer: its kernel and embedding last,
     * after the arrays of the layers).
     */
    float[][] parameters() {
      ValueEmbeddingLayer e = net.embedding;
      float[][] copy = new float[p.length + (e == null ? 0 : 2)][];
      for (int i = 0; i < p.length; i++) {
        copy[i] = p[i].clone();
      }
      if (e != null) {
        copy[p.length] = e.kernel.clone();
        copy[p.length + 1] = e.embedding.clone();
      }
      return copy;
    }

    /** Sets every parameter from {@link #parameters()}'s form (moments are left as they are). */
    void setParameters(float[][] params) {
      ValueEmbeddingLayer e = net.embedding;
      if (e != null) {
        System.arraycopy(params[p.length], 0, e.kernel, 0, e.kernel.length);
        System.arraycopy(params[p.length + 1], 0, e.embedding, 0, e.embedding.length);
        e.refresh();
        net.embeddingChanged();
      }
      for (int i = e == null ? 0 : 1; i < p.length; i++) {
        System.arraycopy(params[i], 0, p[i], 0, p[i].length);
        NdArrays.view(values[i]).put(0, p[i], 0, p[i].length);
      }
      net.firstLayerStale = false;
    }
  }
}
