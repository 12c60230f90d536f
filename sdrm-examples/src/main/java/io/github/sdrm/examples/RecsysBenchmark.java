package io.github.sdrm.examples;

import io.github.sdrm.data.InteractionMatrix;
import io.github.sdrm.datasets.TripletCsv;
import io.github.sdrm.eval.FoldInSplit;
import io.github.sdrm.eval.RankingMetrics;
import io.github.sdrm.recsys.FoldInEvaluation;
import io.github.sdrm.recsys.MlpRecommender;
import io.github.sdrm.recsys.NeuMfRecommender;
import io.github.sdrm.recsys.Recommender;
import io.github.sdrm.recsys.Setting;
import io.github.sdrm.recsys.TruncatedSvdRecommender;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Wall time of the ORIGINAL baseline per run: rank-20 SVD on ADM (target ≤ 3 s per run; the
 * reference's dense SVD takes ≈ 137 s), and SVD, MLP and NeuMF on ML-100K, with their metrics.
 * Options: see {@code --help}.
 */
@Command(name = "RecsysBenchmark", mixinStandardHelpOptions = true, sortOptions = false)
public final class RecsysBenchmark implements Callable<Integer> {
  @Option(names = "--svd-runs", paramLabel = "N", description = "SVD runs per dataset (default 5)")
  int svdRuns = 5;

  @Option(names = "--mlp-runs", paramLabel = "N", description = "MLP and NeuMF runs (default 1)")
  int mlpRuns = 1;

  @Option(
      names = "--adm-mlp-epochs",
      paramLabel = "N",
      description =
          "epochs of the MLP with the value-embedding first layer on ADM ORIGINAL, timed per"
              + " step (default 1; 0 skips it)")
  int admMlpEpochs = 1;

  @Mixin DataDirOption data;

  private RecsysBenchmark() {}

  /** Runs the benchmark. */
  public static void main(String[] args) {
    BenchSupport.execute(new RecsysBenchmark(), args);
  }

  @Override
  public Integer call() throws Exception {
    run();
    return 0;
  }

  private void run() throws Exception {
    if (admMlpEpochs < 0) {
      throw new IllegalArgumentException(
          "--adm-mlp-epochs must be at least 0, found " + admMlpEpochs);
    }
    BenchSupport.useThreads(2);
    // the machine's speed of the day, for comparing sittings (see docs/PERFORMANCE.md)
    System.out.printf(
        Locale.ROOT,
        "sgemm 1000^3: %.1f GFLOP/s (BLAS 2 threads), %s%n",
        BenchSupport.sgemmGflops(1000, 9),
        BenchSupport.openblasWait());
    System.out.println("| dataset | recommender | runs | median s/run | Recall@10 | NDCG@10 |");
    System.out.println("|---|---|---|---|---|---|");
    time(data.dir(), "adm", "svd", TruncatedSvdRecommender::new, svdRuns);
    time(data.dir(), "ml-100k", "svd", TruncatedSvdRecommender::new, svdRuns);
    time(data.dir(), "ml-100k", "mlp", MlpRecommender::new, mlpRuns);
    time(data.dir(), "ml-100k", "neumf", NeuMfRecommender::new, mlpRuns);
    if (admMlpEpochs > 0) {
      timeValueEmbeddingSteps(data.dir(), admMlpEpochs);
    }
    System.out.printf(
        Locale.ROOT,
        "peak heap %.0f MiB, peak resident %.0f MiB%n",
        BenchSupport.peakHeapMiB(),
        BenchSupport.procStatusMiB("VmHWM"));
  }

  /**
   * The MLP with the reference's value-embedding first layer on ADM ORIGINAL for a fixed number of
   * epochs: the fit's wall time per training step (batch 16 over the 80 % of the rows Keras's
   * validation_split leaves; each epoch's validation pass included). Its kernel has 8,582 × 8 × 512
   * weights, all moved by Adam at every step, so the step is the kernel's pass.
   */
  private static void timeValueEmbeddingSteps(Path data, int epochs) throws Exception {
    InteractionMatrix training = original(data, "adm").training();
    MlpRecommender mlp =
        new MlpRecommender(epochs, 16, 10, 0.001, 0L, MlpRecommender.FirstLayer.VALUE_EMBEDDING);
    long t0 = System.nanoTime();
    mlp.fit(training);
    double seconds = (System.nanoTime() - t0) / 1e9;
    // Keras's validation_split keeps floor(0.8 n) rows for training
    int fitRows = (int) Math.floor(0.8 * training.rows());
    long steps = (long) mlp.epochsRun() * ((fitRows + 15) / 16);
    System.out.printf(
        Locale.ROOT,
        "adm mlp, value-embedding first layer (%d × 8 × 512 kernel weights): %d epochs, %d"
            + " steps in %.1f s, %.1f ms per step (validation included)%n",
        training.columns(),
        mlp.epochsRun(),
        steps,
        seconds,
        1000 * seconds / steps);
  }

  /** A dataset's reference fold-in split and its ORIGINAL training rows (TRAIN + fold-in). */
  private record Original(FoldInSplit split, InteractionMatrix training) {}

  private static Original original(Path data, String dataset) throws Exception {
    Path dir = data.resolve("sdrm-splits").resolve(dataset);
    InteractionMatrix train = TripletCsv.read(dir.resolve(dataset + "_train_test.csv"));
    InteractionMatrix valid = TripletCsv.read(dir.resolve(dataset + "_valid.csv"));
    FoldInSplit split = FoldInSplit.reference(valid);
    return new Original(split, Setting.ORIGINAL.trainingMatrix(train, split.foldIn(), null));
  }

  private static void time(
      Path data, String dataset, String name, Supplier<Recommender> factory, int runs)
      throws Exception {
    Original o = original(data, dataset);
    double[] seconds = new double[runs];
    RankingMetrics.Result last = null;
    for (int r = 0; r < runs; r++) {
      long t0 = System.nanoTime();
      last =
          FoldInEvaluation.evaluate(
              factory.get(), o.training(), o.split(), RankingMetrics.PAPER_CUTOFFS);
      seconds[r] = (System.nanoTime() - t0) / 1e9;
    }
    Arrays.sort(seconds);
    System.out.printf(
        Locale.ROOT,
        "| %s | %s | %d | %.2f | %.4f | %.4f |%n",
        dataset,
        name,
        runs,
        seconds[runs / 2],
        last.recall(10),
        last.ndcg(10));
  }
}
