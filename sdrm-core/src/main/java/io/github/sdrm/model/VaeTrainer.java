package io.github.sdrm.model;

import io.github.sdrm.Stage;
import io.github.sdrm.TrainingDivergedException;
import io.github.sdrm.data.InteractionMatrix;
import io.github.sdrm.eval.FoldInSplit;
import io.github.sdrm.eval.RankingMetrics;
import io.github.sdrm.nn.Adam;
import io.github.sdrm.nn.Buffers;
import io.github.sdrm.nn.NoiseSource;
import io.github.sdrm.nn.Param;
import io.github.sdrm.nn.Shuffle;
import io.github.sdrm.nn.Workspaces;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Trains a {@link MultiVae} as the reference does: Adam, shuffled mini-batches, KL annealing β =
 * min(cap, step / totalAnnealSteps) per mini-batch, and early stopping on the validation Recall@10
 * (truncated) with the best weights restored. Internal.
 */
public final class VaeTrainer {
  /** The cut-off of the early-stopping metric. */
  public static final int VALIDATION_K = 10;

  /**
   * Training matrices below this density train from their stored entries ({@link
   * MultiVae#lossAndGradient(SparseBatch, INDArray, INDArray, double)}); denser ones keep the dense
   * path, whose dropout draws reproduce the published ML-100K and ALB runs bit for bit.
   */
  public static final double SPARSE_INPUT_BELOW_DENSITY = 0.01;

  /** How the first layer reads its input. */
  public enum Input {
    /** Sparse below {@link #SPARSE_INPUT_BELOW_DENSITY}, dense otherwise. */
    AUTO,
    /** Dense [B, I] products. */
    DENSE,
    /** From the stored entries. */
    SPARSE
  }

  /** Training settings. */
  public record Settings(
      int batchSize,
      double learningRate,
      int maxEpochs,
      int patience,
      double annealCap,
      int totalAnnealSteps,
      boolean earlyStopping,
      int minEpochs) {}

  /** What training achieved. */
  public record Result(int epochsRun, int bestEpoch, double bestValidationRecall) {}

  private VaeTrainer() {}

  /**
   * Trains {@code vae} on {@code rows}; after every epoch {@code validation} gives the split to
   * score (its fold-in rows are reconstructed, its held-out entries are the targets). When {@code
   * validation} is null or the split of epoch 0 has no held-out entries, or early stopping is off,
   * all {@code maxEpochs} are run and the last weights are kept.
   */
  public static Result train(
      MultiVae vae,
      InteractionMatrix rows,
      IntFunction<FoldInSplit> validation,
      Settings s,
      long seed,
      EpochCallback callback) {
    return train(vae, rows, validation, s, seed, callback, Input.AUTO);
  }

  /**
   * As {@link #train(MultiVae, InteractionMatrix, IntFunction, Settings, long, EpochCallback)} with
   * the first layer's input path chosen (benchmarks compare them).
   */
  public static Result train(
      MultiVae vae,
      InteractionMatrix rows,
      IntFunction<FoldInSplit> validation,
      Settings s,
      long seed,
      EpochCallback callback,
      Input input) {
    boolean sparse =
        input == Input.SPARSE
            || (input == Input.AUTO && rows.density() < SPARSE_INPUT_BELOW_DENSITY);
    SplittableRandom rnd = new SplittableRandom(seed);
    Adam adam = Adam.pytorchDefaults(0.0);
    FoldInSplit first = validation == null ? null : validation.apply(0);
    boolean validate = first != null && first.heldOut().storedCount() > 0;
    int k = Math.min(VALIDATION_K, vae.items());
    long steps = 0;
    double best = Double.NEGATIVE_INFINITY;
    int bestEpoch = -1;
    int sinceBest = 0;
    Map<String, INDArray> bestWeights = null;
    int epoch = 0;
    try (NoiseSource noise = new NoiseSource(rnd.nextLong(), vae.dataType())) {
      for (; epoch < s.maxEpochs(); epoch++) {
        int[] order = Shuffle.permutation(rows.rows(), rnd);
        double lossSum = 0;
        int batches = 0;
        for (int from = 0; from < order.length; from += s.batchSize()) {
          int[] idx = Shuffle.slice(order, from, Math.min(order.length, from + s.batchSize()));
          double beta = Math.min(s.annealCap(), (double) steps / s.totalAnnealSteps());
          double loss;
          try (MemoryWorkspace ws = Workspaces.open("SDRM_VAE_STEP")) {
            if (sparse) {
              // the mask is drawn only where it matters, at the stored entries
              SparseBatch x = SparseBatch.of(rows, idx);
              INDArray mask =
                  x.storedCount() == 0
                      ? null
                      : noise.dropoutMask(1, x.storedCount(), MultiVae.INPUT_DROPOUT);
              INDArray eps = noise.gaussian(idx.length, vae.latent(), 1.0);
              loss = vae.lossAndGradient(x, mask, eps, beta);
            } else {
              INDArray x = rows.denseRows(idx, vae.dataType());
              INDArray mask = noise.dropoutMask(idx.length, vae.items(), MultiVae.INPUT_DROPOUT);
              INDArray eps = noise.gaussian(idx.length, vae.latent(), 1.0);
              loss = vae.lossAndGradient(x, mask, eps, beta);
            }
            if (!Double.isFinite(loss)) {
              throw new TrainingDivergedException(Stage.VAE, epoch, loss);
            }
            adam.step(vae.params(), s.learningRate());
          }
          steps++;
          lossSum += loss;
          batches++;
        }
        double metric = Double.NaN;
        if (validate) {
          FoldInSplit split = epoch == 0 ? first : validation.apply(epoch);
          metric = validationRecall(vae, split.foldIn(), split.heldOut(), k, s.batchSize(), sparse);
          if (metric > best) {
            best = metric;
            bestEpoch = epoch;
            sinceBest = 0;
            if (s.earlyStopping()) {
              bestWeights = ParamIo.snapshot(vae.params());
            }
          } else {
            sinceBest++;
          }
        }
        callback.onEpoch(epoch, lossSum / batches, metric);
        if (validate
            && s.earlyStopping()
            && sinceBest > s.patience()
            && epoch + 1 >= s.minEpochs()) {
          epoch++;
          break;
        }
      }
    }
    if (bestWeights != null) {
      ParamIo.assign(vae.params(), bestWeights);
    }
    for (Param p : vae.params()) {
      p.zeroGrad();
    }
    return new Result(epoch, bestEpoch, validate ? best : Double.NaN);
  }

  /** Recall@k (truncated) of the reconstruction from μ, fold-in items masked. */
  public static double validationRecall(
      MultiVae vae, InteractionMatrix foldIn, InteractionMatrix heldOut, int k, int batchSize) {
    return validationRecall(vae, foldIn, heldOut, k, batchSize, false);
  }

  /**
   * As {@link #validationRecall(MultiVae, InteractionMatrix, InteractionMatrix, int, int)}, the
   * encoder reading the fold-in rows from their stored entries when {@code sparse} (as the training
   * of a sparse matrix does; the same scores within float rounding, without a dense [B, I] input).
   */
  static double validationRecall(
      MultiVae vae,
      InteractionMatrix foldIn,
      InteractionMatrix heldOut,
      int k,
      int batchSize,
      boolean sparse) {
    int items = vae.items();
    RankingMetrics.Accumulator acc = new RankingMetrics.Accumulator(items, k);
    for (int from = 0; from < foldIn.rows(); from += batchSize) {
      int to = Math.min(foldIn.rows(), from + batchSize);
      int[] idx = Shuffle.range(from, to);
      try (MemoryWorkspace ws = Workspaces.open("SDRM_VAE_EVAL")) {
        INDArray mu =
            sparse
                ? vae.encodeMean(SparseBatch.of(foldIn, idx))
                : vae.encodeMean(foldIn.denseRows(idx, vae.dataType()));
        INDArray logits = vae.decode(mu);
        // one bulk copy (toFloatMatrix copied element by element, ≈ 5 ns each)
        float[] scores =
            Buffers.floats(
                logits.dataType() == DataType.FLOAT ? logits : logits.castTo(DataType.FLOAT));
        for (int i = 0; i < idx.length; i++) {
          int u = idx[i];
          acc.add(
              u,
              Arrays.copyOfRange(scores, i * items, (i + 1) * items),
              foldIn.rowColumns(u),
              heldOut.rowColumns(u));
        }
      }
    }
    return acc.result().recall(k);
  }
}
