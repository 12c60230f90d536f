package io.github.sdrm.recsys;

import io.github.sdrm.Nd4jSeeds;
import io.github.sdrm.data.InteractionMatrix;
import io.github.sdrm.data.Permutations;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MLP autoencoder of the SDRM reference: the user's multi-hot row → 512 → 256 → 256 → items,
 * ReLU, dropout 0.5 after each hidden layer, sigmoid output, binary cross-entropy against the same
 * row, Adam 1e−3, batch 16, at most 200 epochs. The last 20 % of the training rows are held out
 * (Keras's {@code validation_split}); training stops after 10 epochs without an improvement of at
 * least 0.001 in their RMSE and the best weights are restored. Built from Deeplearning4j's layers
 * (Xavier-uniform weights, Keras's default).
 *
 * <p>Deeplearning4j draws its dropout masks from ND4J's global random generator; {@link #fit} seeds
 * it, so results are reproducible but other users of that generator are disturbed.
 */
public final class MlpRecommender implements Recommender {
  private static final Logger LOG = LoggerFactory.getLogger(MlpRecommender.class);

  private final int maxEpochs;
  private final int batchSize;
  private final int patience;
  private final double minDelta;
  private final long seed;
  private MultiLayerNetwork network;
  private int items;
  private int epochsRun;

  /** The reference's settings: 200 epochs, batch 16, patience 10, min Δ 0.001, seed 0. */
  public MlpRecommender() {
    this(200, 16, 10, 0.001, 0L);
  }

  /**
   * Creates an MLP recommender.
   *
   * @throws IllegalArgumentException if a count is below 1 or minDelta is negative
   */
  public MlpRecommender(int maxEpochs, int batchSize, int patience, double minDelta, long seed) {
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
    // the fit seeds and draws from ND4J's generator; the caller's draws stay as they were
    Nd4jSeeds.preservingGlobalRandom(() -> fitSeeded(train));
  }

  private void fitSeeded(InteractionMatrix train) {
    if (train.rows() < 2) {
      throw new IllegalArgumentException(
          "mlp needs at least 2 training rows, found " + train.rows());
    }
    items = train.columns();
    InteractionMatrix positives = train.onesOnly();
    int validRows = Math.max(1, (int) Math.round(0.2 * train.rows()));
    int fitRows = train.rows() - validRows;
    INDArray valid = positives.rowRange(fitRows, train.rows()).toDense(DataType.FLOAT);

    Nd4j.getRandom().setSeed(Nd4jSeeds.nativeSeed(seed));
    MultiLayerConfiguration conf =
        new NeuralNetConfiguration.Builder()
            .seed(Nd4jSeeds.nativeSeed(seed))
            .dataType(DataType.FLOAT)
            .updater(new Adam(1e-3))
            .weightInit(WeightInit.XAVIER_UNIFORM)
            .list()
            .layer(
                new DenseLayer.Builder().nIn(items).nOut(512).activation(Activation.RELU).build())
            // Deeplearning4j applies a layer's dropout to its input; 0.5 is the retain probability
            .layer(
                new DenseLayer.Builder().nOut(256).activation(Activation.RELU).dropOut(0.5).build())
            .layer(
                new DenseLayer.Builder().nOut(256).activation(Activation.RELU).dropOut(0.5).build())
            .layer(
                new OutputLayer.Builder(LossFunctions.LossFunction.XENT)
                    .nOut(items)
                    .activation(Activation.SIGMOID)
                    .dropOut(0.5)
                    .build())
            .build();
    MultiLayerNetwork net = new MultiLayerNetwork(conf);
    net.init();

    SplittableRandom rnd = new SplittableRandom(seed);
    double best = Double.POSITIVE_INFINITY;
    INDArray bestParams = null;
    int sinceBest = 0;
    epochsRun = 0;
    for (int epoch = 0; epoch < maxEpochs; epoch++) {
      int[] order = Permutations.random(fitRows, rnd);
      for (int from = 0; from < fitRows; from += batchSize) {
        int[] idx = Arrays.copyOfRange(order, from, Math.min(fitRows, from + batchSize));
        INDArray x = positives.denseRows(idx, DataType.FLOAT);
        net.fit(x, x);
      }
      epochsRun++;
      INDArray out = net.output(valid, false);
      double rmse = Math.sqrt(out.squaredDistance(valid) / valid.length());
      if (rmse < best - minDelta) {
        best = rmse;
        bestParams = net.params().dup();
        sinceBest = 0;
      } else if (++sinceBest >= patience) {
        break;
      }
    }
    if (bestParams != null) {
      net.setParams(bestParams);
    }
    LOG.debug("mlp: {} epochs, best validation RMSE {}", epochsRun, best);
    network = net;
  }

  @Override
  public float[][] score(InteractionMatrix users) {
    Recommenders.checkScorable(name(), network != null, items, users);
    return network.output(users.onesOnly().toDense(DataType.FLOAT), false).toFloatMatrix();
  }
}
