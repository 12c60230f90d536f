package io.github.sdrm.examples;

import io.github.sdrm.FittedSdrm;
import io.github.sdrm.Resolution;
import io.github.sdrm.Sdrm;
import io.github.sdrm.Stage;
import io.github.sdrm.TrainingEvent;
import io.github.sdrm.TrainingListener;
import io.github.sdrm.data.InteractionMatrix;
import io.github.sdrm.datasets.TripletCsv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Trains SDRM on ML-100K (TRAIN = ml-100k_train_test.csv, validation = ml-100k_valid.csv) with the
 * published ML-100K/SVD hyperparameters and prints, per stage, epochs, wall time, achieved GFLOP/s
 * against the sgemm rate measured in the same run, and peak heap and resident memory.
 *
 * <p>Targets (docs/PERFORMANCE.md, 2-core machine): VAE ≤ 40 s, diffusion ≤ 90 s, M-SDRM + F-SDRM
 * sampling of 843 users ≤ 4 s. Options: see {@code --help}. Run from the repository root.
 */
@Command(name = "TrainingBenchmark", mixinStandardHelpOptions = true, sortOptions = false)
public final class TrainingBenchmark implements Callable<Integer> {
  @Option(names = "--threads", paramLabel = "N", description = "BLAS threads (default 2)")
  int threads = 2;

  @Mixin DataDirOption data;

  private TrainingBenchmark() {}

  /** Runs the benchmark. */
  public static void main(String[] args) {
    BenchSupport.execute(new TrainingBenchmark(), args);
  }

  @Override
  public Integer call() throws Exception {
    run();
    return 0;
  }

  private void run() throws Exception {
    Path dir = data.dir().resolve("sdrm-splits/ml-100k");
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(
          "ML-100K splits not found at "
              + dir.toAbsolutePath()
              + "; give the data directory with --data");
    }
    InteractionMatrix train = TripletCsv.read(dir.resolve("ml-100k_train_test.csv"));
    InteractionMatrix valid = TripletCsv.read(dir.resolve("ml-100k_valid.csv"));
    BenchSupport.useThreads(threads);
    double sgemm = BenchSupport.sgemmGflops(1000, 9);

    Map<Stage, Integer> epochs = new EnumMap<>(Stage.class);
    Map<Stage, Long> startNanos = new EnumMap<>(Stage.class);
    Map<Stage, Double> seconds = new EnumMap<>(Stage.class);
    TrainingListener listener =
        new TrainingListener() {
          @Override
          public void onEpoch(TrainingEvent e) {
            if (e.epoch() % 25 == 0) {
              System.out.println("  " + e);
            }
          }

          @Override
          public void onStageStart(Stage stage, int maxEpochs) {
            startNanos.put(stage, System.nanoTime());
          }

          @Override
          public void onStageEnd(Stage stage, int n) {
            seconds.put(stage, (System.nanoTime() - startNanos.get(stage)) / 1e9);
            epochs.put(stage, n);
          }
        };
    Sdrm sdrm =
        Presets.ml100kSvd()
            .seed(7)
            .threads(threads)
            .elementwiseThreads(1)
            .listener(listener)
            .build();
    System.out.printf(
        Locale.ROOT,
        "ML-100K: train %s, valid %s%nconfig %s%nBLAS threads %d,"
            + " element-wise threads 1, sgemm 1000x1000 %.1f GFLOP/s, %s%n",
        train,
        valid,
        sdrm,
        threads,
        sgemm,
        BenchSupport.openblasWait());

    FittedSdrm model = sdrm.fit(train, valid);
    int n = train.rows();
    long t0 = System.nanoTime();
    InteractionMatrix multi = model.generate(n, Resolution.MULTI);
    double multiSeconds = (System.nanoTime() - t0) / 1e9;
    t0 = System.nanoTime();
    InteractionMatrix full = model.generate(n, Resolution.FULL);
    double fullSeconds = (System.nanoTime() - t0) / 1e9;

    int items = train.columns();
    int h = sdrm.vaeHiddenSize();
    int d = sdrm.latentSize();
    int t = sdrm.timesteps();
    int l = sdrm.denoiserLayers();
    long rows = model.provenance().trainingRows();
    double vaeForwardPerRow =
        2.0 * ((double) items * h + (double) h * 2 * d + (double) d * h + (double) h * items);
    double vaeFlops = epochs.get(Stage.VAE) * (3.0 * rows + valid.rows()) * vaeForwardPerRow;
    double denForwardPerRow =
        2.0 * ((double) t * t + (double) (d + t) * d + (double) l * d * d + (double) d * d);
    double denFlops = epochs.get(Stage.DIFFUSION) * 3.0 * rows * 3.0 * denForwardPerRow;
    double decodePerRow = 2.0 * ((double) d * h + (double) h * items);
    double fullFlops = n * (t * denForwardPerRow + decodePerRow);
    double multiFlops = n * (t / 2.0 * denForwardPerRow + decodePerRow);

    System.out.println();
    System.out.println("| stage | epochs | wall s | GFLOP | GFLOP/s | % of sgemm | target s |");
    System.out.println("|---|---|---|---|---|---|---|");
    row("VAE training", epochs.get(Stage.VAE), seconds.get(Stage.VAE), vaeFlops, sgemm, 40);
    row(
        "diffusion training",
        epochs.get(Stage.DIFFUSION),
        seconds.get(Stage.DIFFUSION),
        denFlops,
        sgemm,
        90);
    row("M-SDRM sampling, " + n + " users", 0, multiSeconds, multiFlops, sgemm, 2);
    row("F-SDRM sampling, " + n + " users", 0, fullSeconds, fullFlops, sgemm, 2);
    System.out.printf(
        Locale.ROOT,
        "%nVAE early stop: %d epochs, best validation Recall@10 %.4f" + " at epoch %d%n",
        model.provenance().vaeEpochs(),
        model.provenance().vaeBestRecall(),
        model.provenance().vaeBestEpoch());
    System.out.printf(
        Locale.ROOT,
        "synthetic: F-SDRM %s, M-SDRM %s; train density %.5f%n",
        full,
        multi,
        train.density());
    System.out.printf(
        Locale.ROOT,
        "peak heap %.0f MiB, peak resident %.0f MiB, resident now" + " %.0f MiB%n",
        BenchSupport.peakHeapMiB(),
        BenchSupport.procStatusMiB("VmHWM"),
        BenchSupport.procStatusMiB("VmRSS"));
  }

  private static void row(
      String stage, int epochs, double seconds, double flops, double sgemm, double target) {
    double rate = flops / seconds / 1e9;
    System.out.printf(
        Locale.ROOT,
        "| %s | %s | %.1f | %.0f | %.1f | %.0f%% | %s %.0f |%n",
        stage,
        epochs == 0 ? "-" : Integer.toString(epochs),
        seconds,
        flops / 1e9,
        rate,
        100 * rate / sgemm,
        seconds <= target ? "met ≤" : "MISSED ≤",
        target);
  }
}
