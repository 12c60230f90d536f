package io.github.sdrm.examples;

import io.github.sdrm.FittedSdrm;
import io.github.sdrm.Resolution;
import io.github.sdrm.data.InteractionMatrix;
import io.github.sdrm.datasets.TripletCsv;
import io.github.sdrm.eval.FoldInSplit;
import io.github.sdrm.eval.RankingMetrics;
import io.github.sdrm.recsys.FoldInEvaluation;
import io.github.sdrm.recsys.Setting;
import io.github.sdrm.recsys.TruncatedSvdRecommender;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * ML-100K / SVD with the published hyperparameters: trains SDRM on TRAIN + the VALID fold-in rows
 * (NumPy-compatible split, seed 123, whose held-out entries only serve early stopping), generates
 * as many users as TRAIN has with F-SDRM, M-SDRM and the MultiVAE baseline (equal sparsity), and
 * prints SVD's Recall@10 and NDCG@10 in ORIGINAL, REPLACE and AUGMENT. Options: see {@code --help}.
 */
@Command(name = "FidelityCheck", mixinStandardHelpOptions = true, sortOptions = false)
public final class FidelityCheck implements Callable<Integer> {
  @Option(names = "--runs", paramLabel = "N", description = "runs (default 1)")
  int runs = 1;

  @Option(names = "--threads", paramLabel = "N", description = "BLAS threads (default 2)")
  int threads = 2;

  @Mixin DataDirOption data;

  @Option(
      names = "--patience",
      paramLabel = "N",
      description = "VAE early-stopping patience (default 20)")
  int patience = 20;

  @Option(
      names = "--vae-epochs",
      paramLabel = "N",
      description = "train the VAE exactly N epochs (default 0 = early stopping)")
  int fixedVaeEpochs = 0;

  private FidelityCheck() {}

  /** Runs the check. */
  public static void main(String[] args) {
    BenchSupport.execute(new FidelityCheck(), args);
  }

  @Override
  public Integer call() throws Exception {
    run();
    return 0;
  }

  private void run() throws Exception {
    Path dir = data.dir().resolve("sdrm-splits/ml-100k");
    InteractionMatrix train = TripletCsv.read(dir.resolve("ml-100k_train_test.csv"));
    InteractionMatrix valid = TripletCsv.read(dir.resolve("ml-100k_valid.csv"));
    FoldInSplit split = FoldInSplit.reference(valid);
    Map<String, double[]> sums = new LinkedHashMap<>();
    for (int run = 0; run < runs; run++) {
      long t0 = System.nanoTime();
      FittedSdrm model =
          Presets.ml100kSvd()
              .seed(run)
              .threads(threads)
              .elementwiseThreads(1)
              .vaePatience(patience)
              .vaeEarlyStopping(fixedVaeEpochs == 0)
              .vaeMaxEpochs(fixedVaeEpochs == 0 ? 500 : fixedVaeEpochs)
              .build()
              .fit(train, split);
      Map<String, InteractionMatrix> synthetic = new LinkedHashMap<>();
      synthetic.put("F-SDRM", model.generate(train.rows(), Resolution.FULL));
      synthetic.put("M-SDRM", model.generate(train.rows(), Resolution.MULTI));
      synthetic.put("MultiVAE", model.generateVae(train.rows()));
      report(sums, "ORIGINAL", Setting.ORIGINAL.trainingMatrix(train, split.foldIn(), null), split);
      for (Map.Entry<String, InteractionMatrix> e : synthetic.entrySet()) {
        for (Setting s : new Setting[] {Setting.REPLACE, Setting.AUGMENT}) {
          report(
              sums,
              s + " " + e.getKey(),
              s.trainingMatrix(train, split.foldIn(), e.getValue()),
              split);
        }
      }
      System.out.printf(
          Locale.ROOT,
          "run %d done in %.0f s (VAE stopped at %d, best %.4f)%n",
          run,
          (System.nanoTime() - t0) / 1e9,
          model.provenance().vaeEpochs(),
          model.provenance().vaeBestRecall());
    }
    System.out.println("\n| setting | mean Recall@10 | mean NDCG@10 |\n|---|---|---|");
    for (Map.Entry<String, double[]> e : sums.entrySet()) {
      System.out.printf(
          Locale.ROOT,
          "| %s | %.4f | %.4f |%n",
          e.getKey(),
          e.getValue()[0] / runs,
          e.getValue()[1] / runs);
    }
  }

  private static void report(
      Map<String, double[]> sums, String name, InteractionMatrix training, FoldInSplit split) {
    RankingMetrics.Result r =
        FoldInEvaluation.evaluate(
            new TruncatedSvdRecommender(), training, split, RankingMetrics.PAPER_CUTOFFS);
    System.out.printf(
        Locale.ROOT, "  %-18s Recall@10 %.4f NDCG@10 %.4f%n", name, r.recall(10), r.ndcg(10));
    double[] s = sums.computeIfAbsent(name, k -> new double[2]);
    s[0] += r.recall(10);
    s[1] += r.ndcg(10);
  }
}
