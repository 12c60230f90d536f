package io.github.sdrm.model;

import io.github.sdrm.Stage;
import io.github.sdrm.TrainingDivergedException;
import io.github.sdrm.nn.Adam;
import io.github.sdrm.nn.NoiseSource;
import io.github.sdrm.nn.Param;
import io.github.sdrm.nn.Shuffle;
import io.github.sdrm.nn.Workspaces;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains the {@link LatentDenoiser} on fixed latent codes with the {@link ScoreLoss}: t ~ U{1..T}
 * per row, ε ~ N(0, ν²I), Adam with coupled weight decay and a learning rate decaying linearly per
 * epoch, lr·(1 − epoch/E). Internal.
 */
public final class DiffusionTrainer {
  /** The reference's coupled L2 weight decay. */
  public static final double WEIGHT_DECAY = 1e-4;

  /** Training settings. */
  public record Settings(
      int batchSize, double learningRate, int epochs, double noiseVarianceDiminisher) {}

  private DiffusionTrainer() {}

  /** Trains {@code net} on {@code latents} ([N, d], the frozen VAE's μ of the training rows). */
  public static void train(
      LatentDenoiser net,
      NoiseSchedule schedule,
      INDArray latents,
      Settings s,
      long seed,
      EpochCallback callback) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Adam adam = Adam.pytorchDefaults(WEIGHT_DECAY);
    int n = (int) latents.rows();
    int d = net.latent();
    int timesteps = schedule.timesteps();
    try (NoiseSource noise = new NoiseSource(rnd.nextLong(), net.dataType())) {
      for (int epoch = 0; epoch < s.epochs(); epoch++) {
        double lr = s.learningRate() * (1.0 - (double) epoch / s.epochs());
        int[] order = Shuffle.permutation(n, rnd);
        double lossSum = 0;
        int batches = 0;
        for (int from = 0; from < n; from += s.batchSize()) {
          int[] idx = Shuffle.slice(order, from, Math.min(n, from + s.batchSize()));
          int[] t = new int[idx.length];
          for (int i = 0; i < t.length; i++) {
            t[i] = 1 + rnd.nextInt(timesteps);
          }
          double loss;
          try (MemoryWorkspace ws = Workspaces.open("SDRM_DIFFUSION_STEP")) {
            INDArray z0 = Nd4j.pullRows(latents, 1, idx);
            INDArray eps = noise.gaussian(idx.length, d, s.noiseVarianceDiminisher());
            INDArray masks = noise.dropoutMask(3L * idx.length, d, LatentDenoiser.INPUT_DROPOUT);
            loss = ScoreLoss.lossAndGradient(net, schedule, z0, t, eps, masks);
            if (!Double.isFinite(loss)) {
              throw new TrainingDivergedException(Stage.DIFFUSION, epoch, loss);
            }
            adam.step(net.params(), lr);
          }
          lossSum += loss;
          batches++;
        }
        callback.onEpoch(epoch, lossSum / batches, Double.NaN);
      }
    }
    for (Param p : net.params()) {
      p.zeroGrad();
    }
  }
}
