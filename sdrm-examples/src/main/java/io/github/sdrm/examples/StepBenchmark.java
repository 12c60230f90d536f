package io.github.sdrm.examples;

import io.github.sdrm.model.LatentDenoiser;
import io.github.sdrm.model.MultiVae;
import io.github.sdrm.model.NoiseSchedule;
import io.github.sdrm.model.ScoreLoss;
import io.github.sdrm.nn.Adam;
import io.github.sdrm.nn.NoiseSource;
import io.github.sdrm.nn.Workspaces;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Times single training steps of both networks at the ML-100K/SVD sizes (I = 1008, H = 930, d =
 * 830, T = 83, L = 2, batches 780 and 550) for a given split of OpenMP and BLAS threads. Options:
 * see {@code --help}.
 */
@Command(name = "StepBenchmark", mixinStandardHelpOptions = true, sortOptions = false)
public final class StepBenchmark implements Callable<Integer> {
  @Option(
      names = "--omp-threads",
      paramLabel = "N",
      description = "ND4J element-wise (OpenMP) threads (default 1)")
  int omp = 1;

  @Option(names = "--blas-threads", paramLabel = "N", description = "BLAS threads (default 2)")
  int blas = 2;

  @Option(names = "--steps", paramLabel = "N", description = "timed steps per network (default 30)")
  int steps = 30;

  @Option(
      names = "--elementwise-threshold",
      paramLabel = "N",
      description = "ND4J's element-wise threshold (default: ND4J's)")
  Integer threshold;

  private StepBenchmark() {}

  /** Runs the benchmark. */
  public static void main(String[] args) {
    BenchSupport.execute(new StepBenchmark(), args);
  }

  @Override
  public Integer call() throws Exception {
    run();
    return 0;
  }

  private void run() throws Exception {
    if (threshold != null) {
      Nd4j.getEnvironment().setElementwiseThreshold(threshold);
    }
    Nd4j.getEnvironment().setMaxThreads(omp);
    Nd4j.getEnvironment().setMaxMasterThreads(omp);
    Nd4j.factory().blas().setMaxThreads(blas);
    double sgemm = BenchSupport.sgemmGflops(1000, 9);
    int items = 1008;
    int h = 930;
    int d = 830;
    int t = 83;
    int vaeBatch = 780;
    int denBatch = 550;

    MultiVae vae = new MultiVae(items, h, d, 1L, DataType.FLOAT);
    LatentDenoiser den = new LatentDenoiser(d, t, 2, 2L, DataType.FLOAT);
    NoiseSchedule schedule = new NoiseSchedule(t);
    Adam vaeAdam = Adam.pytorchDefaults(0);
    Adam denAdam = Adam.pytorchDefaults(1e-4);
    SplittableRandom rnd = new SplittableRandom(3);
    INDArray x;
    INDArray z0;
    try (NoiseSource noise = new NoiseSource(4L, DataType.FLOAT)) {
      x =
          Nd4j.getExecutioner()
              .exec(
                  new org.nd4j.linalg.api.ops.random.impl.BernoulliDistribution(
                      Nd4j.createUninitialized(DataType.FLOAT, vaeBatch, items), 0.1));
      z0 = noise.gaussian(denBatch, d, 0.3);
      long vaeNanos = 0;
      long denNanos = 0;
      for (int s = 0; s < steps + 3; s++) {
        long t0 = System.nanoTime();
        try (MemoryWorkspace ws = Workspaces.open("BENCH_VAE")) {
          INDArray mask = noise.dropoutMask(vaeBatch, items, 0.5);
          INDArray eps = noise.gaussian(vaeBatch, d, 1.0);
          vae.lossAndGradient(x, mask, eps, 0.1);
          vaeAdam.step(vae.params(), 1e-4);
        }
        long t1 = System.nanoTime();
        try (MemoryWorkspace ws = Workspaces.open("BENCH_DEN")) {
          int[] ts = new int[denBatch];
          for (int i = 0; i < ts.length; i++) {
            ts[i] = 1 + rnd.nextInt(t);
          }
          INDArray eps = noise.gaussian(denBatch, d, 1.0);
          INDArray masks = noise.dropoutMask(3L * denBatch, d, 0.5);
          ScoreLoss.lossAndGradient(den, schedule, z0, ts, eps, masks);
          denAdam.step(den.params(), 1e-5);
        }
        long t2 = System.nanoTime();
        if (s >= 3) {
          vaeNanos += t1 - t0;
          denNanos += t2 - t1;
        }
      }
      double vaeMs = vaeNanos / 1e6 / steps;
      double denMs = denNanos / 1e6 / steps;
      double vaeFlop =
          3
              * 2.0
              * vaeBatch
              * ((double) items * h + h * 2.0 * d + (double) d * h + (double) h * items);
      double denFlop =
          3
              * 3
              * 2.0
              * denBatch
              * ((double) t * t + (double) (d + t) * d + 2.0 * d * d + (double) d * d);
      System.out.printf(
          Locale.ROOT,
          "omp %d (threshold %d) blas %d sgemm %.0f GFLOP/s | VAE step %.1f ms"
              + " (%.0f GFLOP/s) | diffusion step %.1f ms (%.0f GFLOP/s) | RSS %.0f MiB | %s%n",
          omp,
          Nd4j.getEnvironment().elementwiseThreshold(),
          blas,
          sgemm,
          vaeMs,
          vaeFlop / vaeMs / 1e6,
          denMs,
          denFlop / denMs / 1e6,
          BenchSupport.procStatusMiB("VmRSS"),
          BenchSupport.openblasWait());
    }
  }
}
