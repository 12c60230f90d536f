package io.github.sdrm.recsys;

import io.github.sdrm.Nd4jSeeds;
import io.github.sdrm.data.InteractionMatrix;
import io.github.sdrm.data.Permutations;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.EmbeddingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * NeuMF ("NeuMF-end" of He et al., Neural Collaborative Filtering, 2017) as the SDRM reference
 * configures it: GMF embeddings of 8 and MLP embeddings of 32 per side, an MLP tower 64 → 32 → 16 →
 * 8 with dropout 0.5 before each layer and ReLU, the GMF and MLP outputs concatenated into a
 * Linear(16, 1) with a sigmoid and logistic loss, Adam 1e−3, batch 256, at most 20 epochs. Written
 * out on Java arrays ({@link NeuMfNetwork}, gradient checked by finite differences): the network is
 * small, and the Deeplearning4j graph it replaces spent ≈ 20 ms per step dispatching ops (161 s for
 * a fit on ML-100K). One seeded Java generator draws the initial weights, the negatives, the order
 * and the dropout masks, so the same seed gives the same model in any JVM. The reference's own
 * NeuMF protocol ({@link ReferenceNeuMfExperiment}) keeps the Deeplearning4j graph of {@link
 * #configuration(int, int, long, boolean)}.
 *
 * <p>Training triples are every stored one (label 1) and, each epoch, one freshly drawn negative
 * (label 0) per positive, for the same user: one of the user's stored zeros, or, for a user without
 * stored zeros (synthetic and fold-in rows store only ones), one of the user's unobserved items. A
 * seeded 5 % of each epoch's triples is held out; the weights of the epoch with the lowest held-out
 * loss are kept.
 *
 * <p>Differences from the reference, both bugs there: the reference reloads the checkpoint of its
 * first epoch instead of its best one, and its NDCG divides by an inflated ideal value (so its NDCG
 * falls as k grows); here the best epoch is kept and NDCG comes from {@link
 * io.github.sdrm.eval.RankingMetrics}.
 *
 * <p>NeuMF has a vector per user, so it scores only users that are rows of the training matrix:
 * {@link #score} looks each given row up by its content (in every {@link Setting} the fold-in rows
 * are part of the training matrix).
 */
public final class NeuMfRecommender implements Recommender {
  private static final Logger LOG = LoggerFactory.getLogger(NeuMfRecommender.class);
  private static final double HELD_OUT = 0.05;
  private static final double DROPOUT = 0.5;

  private final int maxEpochs;
  private final int batchSize;
  private final long seed;
  private NeuMfNetwork network;
  private Map<RowKey, Integer> rowIndex;
  private int items;

  /** The reference's settings: 20 epochs, batch 256, seed 0. */
  public NeuMfRecommender() {
    this(20, 256, 0L);
  }

  /** Creates a NeuMF recommender. */
  public NeuMfRecommender(int maxEpochs, int batchSize, long seed) {
    if (maxEpochs < 1 || batchSize < 1) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "maxEpochs and batchSize must be at least 1, found %d and %d",
              maxEpochs,
              batchSize));
    }
    this.maxEpochs = maxEpochs;
    this.batchSize = batchSize;
    this.seed = seed;
  }

  @Override
  public String name() {
    return "neumf";
  }

  @Override
  public void fit(InteractionMatrix train) {
    Objects.requireNonNull(train, "train");
    if (train.onesCount() == 0) {
      throw new IllegalArgumentException("neumf needs at least one stored one to train on");
    }
    int users = train.rows();
    items = train.columns();
    rowIndex = new HashMap<>();
    for (int r = 0; r < users; r++) {
      rowIndex.putIfAbsent(new RowKey(train.rowColumns(r), train.rowValues(r)), r);
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    NeuMfNetwork net = new NeuMfNetwork(users, items, rnd);
    NeuMfNetwork.Adam adam = new NeuMfNetwork.Adam(net.params.length);

    int[] posUser = new int[(int) train.onesCount()];
    int[] posItem = new int[posUser.length];
    int[] n = {0};
    train.forEachStored(
        (r, c, v) -> {
          if (v == 1) {
            posUser[n[0]] = r;
            posItem[n[0]++] = c;
          }
        });
    // each user's stored items and stored zeros, once: negatives are drawn from them every epoch
    int[][] stored = new int[users][];
    int[][] zeros = new int[users][];
    for (int r = 0; r < users; r++) {
      stored[r] = train.rowColumns(r);
      byte[] vals = train.rowValues(r);
      int[] z = new int[stored[r].length];
      int nz = 0;
      for (int i = 0; i < vals.length; i++) {
        if (vals[i] == 0) {
          z[nz++] = stored[r][i];
        }
      }
      zeros[r] = Arrays.copyOf(z, nz);
    }
    double best = Double.POSITIVE_INFINITY;
    double[] bestParams = net.params.clone();
    for (int epoch = 0; epoch < maxEpochs; epoch++) {
      int total = 2 * posUser.length;
      int[] u = new int[total];
      int[] it = new int[total];
      double[] y = new double[total];
      for (int p = 0; p < posUser.length; p++) {
        u[2 * p] = posUser[p];
        it[2 * p] = posItem[p];
        y[2 * p] = 1;
        u[2 * p + 1] = posUser[p];
        it[2 * p + 1] = negative(stored[posUser[p]], zeros[posUser[p]], items, rnd);
      }
      int[] order = Permutations.random(total, rnd);
      int held = Math.max(1, (int) Math.round(HELD_OUT * total));
      int fitCount = total - held;
      for (int from = 0; from < fitCount; from += batchSize) {
        int[] idx = Arrays.copyOfRange(order, from, Math.min(fitCount, from + batchSize));
        net.lossAndGradient(
            select(u, idx),
            select(it, idx),
            select(y, idx),
            NeuMfNetwork.dropoutMasks(idx.length, DROPOUT, rnd));
        adam.step(net.params, net.grads);
      }
      int[] heldIdx = Arrays.copyOfRange(order, fitCount, total);
      double loss =
          logLoss(net.logits(select(u, heldIdx), select(it, heldIdx), null), select(y, heldIdx));
      if (loss < best) {
        best = loss;
        bestParams = net.params.clone();
      }
      LOG.debug("neumf epoch {}: held-out log loss {}", epoch, loss);
    }
    System.arraycopy(bestParams, 0, net.params, 0, bestParams.length);
    network = net;
  }

  private static ComputationGraphConfiguration configuration(int users, int items, long seed) {
    return configuration(users, items, seed, false);
  }

  /**
   * The network. {@code referenceInit} initialises as the reference's NCF module does: embeddings
   * N(0, 0.01²), the prediction layer Kaiming-uniform with gain 1 (LeCun uniform); otherwise every
   * weight is Xavier-uniform (this recommender's own protocol). Biases start at 0 in both.
   */
  static ComputationGraphConfiguration configuration(
      int users, int items, long seed, boolean referenceInit) {
    return new NeuralNetConfiguration.Builder()
        .seed(Nd4jSeeds.nativeSeed(seed))
        .dataType(DataType.FLOAT)
        .updater(new Adam(1e-3))
        .weightInit(WeightInit.XAVIER_UNIFORM)
        .graphBuilder()
        .addInputs("user", "item")
        .addLayer("gmfUser", embedding(users, 8, referenceInit), "user")
        .addLayer("gmfItem", embedding(items, 8, referenceInit), "item")
        .addLayer("mlpUser", embedding(users, 32, referenceInit), "user")
        .addLayer("mlpItem", embedding(items, 32, referenceInit), "item")
        .addVertex("gmf", new ElementWiseVertex(ElementWiseVertex.Op.Product), "gmfUser", "gmfItem")
        .addVertex("mlpIn", new MergeVertex(), "mlpUser", "mlpItem")
        // dropout in Deeplearning4j acts on a layer's input; 0.5 is the retain probability
        .addLayer("mlp1", tower(64, 32), "mlpIn")
        .addLayer("mlp2", tower(32, 16), "mlp1")
        .addLayer("mlp3", tower(16, 8), "mlp2")
        .addVertex("joint", new MergeVertex(), "gmf", "mlp3")
        .addLayer(
            "out",
            new OutputLayer.Builder(LossFunctions.LossFunction.XENT)
                .nIn(16)
                .nOut(1)
                .activation(Activation.SIGMOID)
                .weightInit(referenceInit ? WeightInit.LECUN_UNIFORM : WeightInit.XAVIER_UNIFORM)
                .build(),
            "joint")
        .setOutputs("out")
        .build();
  }

  private static EmbeddingLayer embedding(int n, int width, boolean referenceInit) {
    EmbeddingLayer.Builder b =
        new EmbeddingLayer.Builder()
            .nIn(n)
            .nOut(width)
            .hasBias(false)
            .activation(Activation.IDENTITY);
    if (referenceInit) {
      b.weightInit(new NormalDistribution(0, 0.01));
    }
    return b.build();
  }

  private static DenseLayer tower(int in, int out) {
    return new DenseLayer.Builder()
        .nIn(in)
        .nOut(out)
        .activation(Activation.RELU)
        .dropOut(0.5)
        .build();
  }

  /**
   * A negative item for user u: one of {@code zeros} (the user's stored zeros, ascending) if there
   * are any, else an item outside {@code stored} (all the user's stored items, ascending).
   */
  private static int negative(int[] stored, int[] zeros, int items, SplittableRandom rnd) {
    if (zeros.length > 0) {
      return zeros[rnd.nextInt(zeros.length)];
    }
    if (stored.length >= items) {
      return rnd.nextInt(items); // nothing unobserved: any item, as a last resort
    }
    while (true) {
      int c = rnd.nextInt(items);
      if (Arrays.binarySearch(stored, c) < 0) {
        return c;
      }
    }
  }

  private static int[] select(int[] v, int[] idx) {
    int[] out = new int[idx.length];
    for (int i = 0; i < idx.length; i++) {
      out[i] = v[idx[i]];
    }
    return out;
  }

  private static double[] select(double[] v, int[] idx) {
    double[] out = new double[idx.length];
    for (int i = 0; i < idx.length; i++) {
      out[i] = v[idx[i]];
    }
    return out;
  }

  /**
   * The mean log loss of σ(logit) against 0/1 labels, probabilities clipped to [1e−7, 1 − 1e−7].
   */
  private static double logLoss(double[] logits, double[] y) {
    double s = 0;
    for (int i = 0; i < logits.length; i++) {
      double q = Math.min(Math.max(NeuMfNetwork.sigmoid(logits[i]), 1e-7), 1 - 1e-7);
      s -= y[i] == 1 ? Math.log(q) : Math.log(1 - q);
    }
    return s / logits.length;
  }

  @Override
  public float[][] score(InteractionMatrix users) {
    Recommenders.checkScorable(name(), network != null, items, users);
    double[] itemHalves = network.itemHalves();
    float[][] out = new float[users.rows()][];
    for (int u = 0; u < users.rows(); u++) {
      Integer row = rowIndex.get(new RowKey(users.rowColumns(u), users.rowValues(u)));
      if (row == null) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "user %d is not a row of the training matrix; NeuMF scores only users it was"
                    + " trained on (add their fold-in rows to the training matrix)",
                u));
      }
      out[u] = network.scoreAllItems(row, itemHalves);
    }
    return out;
  }

  /** A row's content, as a map key. */
  private static final class RowKey {
    private final int[] cols;
    private final byte[] vals;
    private final int hash;

    RowKey(int[] cols, byte[] vals) {
      this.cols = cols;
      this.vals = vals;
      this.hash = 31 * Arrays.hashCode(cols) + Arrays.hashCode(vals);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof RowKey
          && Arrays.equals(cols, ((RowKey) o).cols)
          && Arrays.equals(vals, ((RowKey) o).vals);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
