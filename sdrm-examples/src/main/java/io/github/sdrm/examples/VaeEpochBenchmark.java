package io.github.sdrm.examples;

import io.github.sdrm.Sdrm;
import io.github.sdrm.data.InteractionMatrix;
import io.github.sdrm.datasets.TripletCsv;
import io.github.sdrm.model.MultiVae;
import io.github.sdrm.model.VaeTrainer;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.nd4j.linalg.api.buffer.DataType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Time per VAE training epoch with the first layer dense or sparse (from the stored entries), on
 * ML-100K's TRAIN (843 × 1008, ~10 % dense; the ML-100K/SVD preset) and ADM's (9,560 × 8,582, ~0.1
 * %; the ADM/SVD preset), no validation. The two paths draw their dropout masks differently (dense
 * [B, I] or only at the stored entries), so their weights are not compared here; {@code
 * SparseDenseTest} checks them on equal masks. Targets (issue 11): ML-100K ≤ 0.13 s, ADM ≤ 1.5 s
 * per epoch. Options: see {@code --help}.
 */
@Command(name = "VaeEpochBenchmark", mixinStandardHelpOptions = true, sortOptions = false)
public final class VaeEpochBenchmark implements Callable<Integer> {
  @Option(
      names = "--ml-100k-epochs",
      paramLabel = "N",
      description = "ML-100K epochs, the first not timed (default 12)")
  int mlEpochs = 12;

  @Option(
      names = "--adm-epochs",
      paramLabel = "N",
      description = "ADM epochs, the first not timed (default 4)")
  int admEpochs = 4;

  @Mixin DataDirOption data;

  private VaeEpochBenchmark() {}

  /** Runs the benchmark. */
  public static void main(String[] args) {
    BenchSupport.execute(new VaeEpochBenchmark(), args);
  }

  @Override
  public Integer call() throws Exception {
    if (mlEpochs < 2 || admEpochs < 2) {
      // the first epoch only warms the JIT up and is not timed
      throw new IllegalArgumentException(
          "--ml-100k-epochs and --adm-epochs must be at least 2 (the first is not timed), found "
              + mlEpochs
              + " and "
              + admEpochs);
    }
    run();
    return 0;
  }

  private void run() throws Exception {
    BenchSupport.useThreads(2);
    System.out.printf(
        Locale.ROOT,
        "sgemm 1000^3: %.1f GFLOP/s (BLAS 2 threads), %s%n",
        BenchSupport.sgemmGflops(1000, 9),
        BenchSupport.openblasWait());
    run(
        "ML-100K",
        TripletCsv.read(data.dir().resolve("sdrm-splits/ml-100k/ml-100k_train_test.csv")),
        Presets.get("ml-100k/svd").build(),
        mlEpochs,
        0.13);
    run(
        "ADM",
        TripletCsv.read(data.dir().resolve("sdrm-splits/adm/adm_train_test.csv")),
        Presets.get("adm/svd").build(),
        admEpochs,
        1.5);
  }

  private static void run(
      String name, InteractionMatrix train, Sdrm cfg, int epochs, double target) {
    double[] perEpoch = new double[2];
    for (VaeTrainer.Input input :
        new VaeTrainer.Input[] {VaeTrainer.Input.DENSE, VaeTrainer.Input.SPARSE}) {
      MultiVae vae =
          new MultiVae(train.columns(), cfg.vaeHiddenSize(), cfg.latentSize(), 1L, DataType.FLOAT);
      double[] seconds = new double[epochs];
      long[] last = {System.nanoTime()};
      VaeTrainer.train(
          vae,
          train,
          null,
          new VaeTrainer.Settings(
              cfg.vaeBatchSize(), cfg.vaeLearningRate(), epochs, 0, 0.2, 200_000, false, 0),
          3L,
          (epoch, loss, metric) -> {
            long now = System.nanoTime();
            seconds[epoch] = (now - last[0]) / 1e9;
            last[0] = now;
          },
          input);
      // the first epoch warms the JIT up
      double[] steady = Arrays.copyOfRange(seconds, 1, epochs);
      Arrays.sort(steady);
      double median = steady[steady.length / 2];
      perEpoch[input == VaeTrainer.Input.DENSE ? 0 : 1] = median;
    }
    System.out.printf(
        Locale.ROOT,
        "%s %d x %d (density %.4f), batch %d, H %d, d %d: VAE epoch"
            + " median dense %.3f s, sparse %.3f s (%.2fx); target <= %.2f s %s%n",
        name,
        train.rows(),
        train.columns(),
        train.density(),
        cfg.vaeBatchSize(),
        cfg.vaeHiddenSize(),
        cfg.latentSize(),
        perEpoch[0],
        perEpoch[1],
        perEpoch[0] / perEpoch[1],
        target,
        perEpoch[1] <= target ? "met" : "MISSED");
  }
}
