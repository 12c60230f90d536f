package io.github.sdrm;

import io.github.sdrm.data.InteractionMatrix;
import io.github.sdrm.eval.FoldInSplit;
import io.github.sdrm.model.DiffusionTrainer;
import io.github.sdrm.model.LatentDenoiser;
import io.github.sdrm.model.MultiVae;
import io.github.sdrm.model.NoiseSchedule;
import io.github.sdrm.model.VaeTrainer;
import io.github.sdrm.nn.Shuffle;
import io.github.sdrm.nn.Threads;
import io.github.sdrm.nn.Workspaces;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The two-stage training of {@link Sdrm#fit}. */
final class SdrmTrainer {
  private static final Logger LOG = LoggerFactory.getLogger(Sdrm.class);

  /** MultiVAE's KL annealing: β = min(cap, step / total). */
  static final double ANNEAL_CAP = 0.2;

  static final int TOTAL_ANNEAL_STEPS = 20000;

  private SdrmTrainer() {}

  static FittedSdrm fit(
      Sdrm cfg, InteractionMatrix train, InteractionMatrix validation, FoldInSplit givenSplit) {
    Objects.requireNonNull(train, "train");
    checkNotEmpty("train", train);
    if (validation != null) {
      checkNotEmpty("validation", validation);
      checkItems(validation.columns(), train.columns());
    }
    if (givenSplit != null) {
      checkItems(givenSplit.foldIn().columns(), train.columns());
    }
    Threads.apply(cfg.threads(), cfg.elementwiseThreads());
    SplittableRandom master = new SplittableRandom(cfg.seed());
    long splitSeed = master.nextLong();
    long vaeInitSeed = master.nextLong();
    long vaeTrainSeed = master.nextLong();
    long denoiserInitSeed = master.nextLong();
    long denoiserTrainSeed = master.nextLong();
    long generationSeed = master.nextLong();

    InteractionMatrix rows;
    FoldInSplit split = null;
    if (givenSplit != null) {
      split = givenSplit;
      rows = InteractionMatrix.vstack(train, split.foldIn());
    } else if (validation != null) {
      split = FoldInSplit.split(validation, splitSeed);
      rows = InteractionMatrix.vstack(train, split.foldIn());
    } else {
      int n = train.rows();
      int held = (int) Math.round(cfg.validationFraction() * n);
      if (held >= 1 && held < n) {
        int[] perm = Shuffle.permutation(n, new SplittableRandom(splitSeed));
        int[] validIdx = Arrays.copyOf(perm, held);
        int[] trainIdx = Arrays.copyOfRange(perm, held, n);
        Arrays.sort(validIdx);
        Arrays.sort(trainIdx);
        split = FoldInSplit.split(train.selectRows(validIdx), splitSeed ^ 0x5DEECE66DL);
        rows = InteractionMatrix.vstack(train.selectRows(trainIdx), split.foldIn());
      } else {
        LOG.warn(
            "{} users are too few to hold out a validation set; the VAE trains for all {}"
                + " epochs without early stopping",
            n,
            cfg.vaeMaxEpochs());
        rows = train;
      }
    }
    LOG.info(
        "fitting SDRM on {} rows x {} items ({} training rows incl. fold-in)",
        train.rows(),
        train.columns(),
        rows.rows());

    List<TrainingEvent> history = new ArrayList<>();
    TrainingListener listener = cfg.listener();
    DataType dt = DataType.FLOAT;

    MultiVae vae =
        new MultiVae(train.columns(), cfg.vaeHiddenSize(), cfg.latentSize(), vaeInitSeed, dt);
    listener.onStageStart(Stage.VAE, cfg.vaeMaxEpochs());
    long vaeStart = System.nanoTime();
    VaeTrainer.Result vaeResult =
        VaeTrainer.train(
            vae,
            rows,
            validation(cfg, split, splitSeed),
            new VaeTrainer.Settings(
                cfg.vaeBatchSize(),
                cfg.vaeLearningRate(),
                cfg.vaeMaxEpochs(),
                cfg.vaePatience(),
                ANNEAL_CAP,
                TOTAL_ANNEAL_STEPS,
                cfg.vaeEarlyStopping(),
                cfg.vaeMinEpochs()),
            vaeTrainSeed,
            (epoch, loss, metric) ->
                report(
                    history,
                    listener,
                    new TrainingEvent(
                        Stage.VAE, epoch, cfg.vaeMaxEpochs(), loss, metric, since(vaeStart))));
    listener.onStageEnd(Stage.VAE, vaeResult.epochsRun());
    LOG.info(
        "VAE stopped after {} epochs; best Recall@10 {} at epoch {}",
        vaeResult.epochsRun(),
        vaeResult.bestValidationRecall(),
        vaeResult.bestEpoch());

    INDArray latents = encode(vae, rows, cfg.vaeBatchSize());
    NoiseSchedule schedule = new NoiseSchedule(cfg.timesteps());
    LatentDenoiser denoiser =
        new LatentDenoiser(
            cfg.latentSize(), cfg.timesteps(), cfg.denoiserLayers(), denoiserInitSeed, dt);
    listener.onStageStart(Stage.DIFFUSION, cfg.diffusionEpochs());
    long denStart = System.nanoTime();
    DiffusionTrainer.train(
        denoiser,
        schedule,
        latents,
        new DiffusionTrainer.Settings(
            cfg.diffusionBatchSize(),
            cfg.diffusionLearningRate(),
            cfg.diffusionEpochs(),
            cfg.noiseVarianceDiminisher()),
        denoiserTrainSeed,
        (epoch, loss, metric) ->
            report(
                history,
                listener,
                new TrainingEvent(
                    Stage.DIFFUSION, epoch, cfg.diffusionEpochs(), loss, metric, since(denStart))));
    listener.onStageEnd(Stage.DIFFUSION, cfg.diffusionEpochs());
    latents.close();

    ModelProvenance provenance =
        new ModelProvenance(
            cfg.toBuilder().listener(TrainingListener.NONE).build(),
            SdrmVersion.get(),
            rows.rows(),
            train.columns(),
            train.density(),
            vaeResult.epochsRun(),
            vaeResult.bestEpoch(),
            vaeResult.bestValidationRecall(),
            generationSeed,
            history);
    return new FittedSdrm(vae, denoiser, provenance);
  }

  /**
   * The split scored after each VAE epoch: always {@code split} when leak-free; for the reference
   * mode, a fresh split of the same users each epoch, drawn from a seed derived from the run's.
   */
  static IntFunction<FoldInSplit> validation(Sdrm cfg, FoldInSplit split, long splitSeed) {
    if (split == null) {
      return null;
    }
    if (cfg.vaeValidation() == VaeValidation.LEAK_FREE) {
      return epoch -> split;
    }
    InteractionMatrix users = split.merged();
    SplittableRandom epochSeeds = new SplittableRandom(splitSeed ^ 0x9E3779B97F4A7C15L);
    long[] seeds = new long[cfg.vaeMaxEpochs()];
    for (int i = 0; i < seeds.length; i++) {
      seeds[i] = epochSeeds.nextLong();
    }
    return epoch -> FoldInSplit.split(users, seeds[epoch]);
  }

  /** μ of every row, computed once (the VAE is frozen), as one detached [rows, d] array. */
  static INDArray encode(MultiVae vae, InteractionMatrix rows, int batchSize) {
    INDArray out = Nd4j.create(vae.dataType(), rows.rows(), vae.latent());
    for (int from = 0; from < rows.rows(); from += batchSize) {
      int to = Math.min(rows.rows(), from + batchSize);
      int[] idx = Shuffle.range(from, to);
      try (var ws = Workspaces.open("SDRM_ENCODE")) {
        INDArray mu = vae.encodeMean(rows.denseRows(idx, vae.dataType()));
        out.get(NDArrayIndex.interval(from, to), NDArrayIndex.all()).assign(mu);
      }
    }
    return out;
  }

  private static void report(
      List<TrainingEvent> history, TrainingListener listener, TrainingEvent e) {
    history.add(e);
    LOG.debug("{}", e);
    listener.onEpoch(e);
  }

  private static Duration since(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  private static void checkItems(int validationItems, int trainItems) {
    if (validationItems != trainItems) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "validation must have as many items as train, found %d items in validation and %d"
                  + " in train",
              validationItems,
              trainItems));
    }
  }

  private static void checkNotEmpty(String name, InteractionMatrix m) {
    if (m.rows() == 0) {
      throw new IllegalArgumentException(name + " must have at least one row, found 0");
    }
    if (m.storedCount() == 0) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "%s must have at least one stored entry, found none in %d x %d",
              name,
              m.rows(),
              m.columns()));
    }
  }
}
