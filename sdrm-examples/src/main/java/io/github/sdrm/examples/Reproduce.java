package io.github.sdrm.examples;

import io.github.sdrm.FittedSdrm;
import io.github.sdrm.Sdrm;
import io.github.sdrm.data.InteractionMatrix;
import io.github.sdrm.datasets.TripletCsv;
import io.github.sdrm.eval.RankingMetrics;
import io.github.sdrm.recsys.Experiment;
import io.github.sdrm.recsys.MlpRecommender;
import io.github.sdrm.recsys.NeuMfRecommender;
import io.github.sdrm.recsys.Recommender;
import io.github.sdrm.recsys.ResultTable;
import io.github.sdrm.recsys.TruncatedSvdRecommender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Reproduces one row group of the paper's table from the reference splits: dataset × recommender
 * with the preset of that pair, ORIGINAL, REPLACE and AUGMENT, F-SDRM, M-SDRM and MultiVAE,
 * several runs; prints the Markdown table and writes CSV. Arguments: dataset recommender [runs]
 * [csv output] [data dir] [fixed VAE epochs, 0 = early stopping], for example {@code ml-100k svd
 * 5 results.csv}.
 */
public final class Reproduce {
  private Reproduce() {}

  /** Runs the reproduction. */
  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: Reproduce <dataset> <svd|mlp|neumf> [runs] [csv] [data dir]");
      System.exit(2);
    }
    String dataset = args[0];
    String recommender = args[1];
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    Path csv = args.length > 3 && !args[3].isEmpty() ? Path.of(args[3]) : null;
    Path data = args.length > 4 ? Path.of(args[4]) : BenchSupport.dataDir();
    int fixedVaeEpochs = args.length > 5 ? Integer.parseInt(args[5]) : 0;
    Path dir = data.resolve("sdrm-splits").resolve(dataset);
    InteractionMatrix train = TripletCsv.read(dir.resolve(dataset + "_train_test.csv"));
    InteractionMatrix valid = TripletCsv.read(dir.resolve(dataset + "_valid.csv"));
    Sdrm.Builder preset = Presets.get(dataset + "/" + recommender).threads(2)
        .elementwiseThreads(1);
    if (fixedVaeEpochs > 0) {
      preset.vaeEarlyStopping(false).vaeMaxEpochs(fixedVaeEpochs);
    }
    Sdrm sdrm = preset.build();
    Supplier<Recommender> factory = switch (recommender) {
      case "svd" -> TruncatedSvdRecommender::new;
      case "mlp" -> MlpRecommender::new;
      case "neumf" -> NeuMfRecommender::new;
      default -> throw new IllegalArgumentException(
          "recommender must be one of svd, mlp, neumf; found " + recommender);
    };
    long t0 = System.nanoTime();
    ResultTable table = Experiment.builder(dataset, train, valid).sdrm(sdrm)
        .recommender(recommender, factory).runs(runs)
        .listener(new Experiment.Listener() {
          @Override
          public void onRunStart(int run, int total) {
            System.out.printf(Locale.ROOT, "run %d/%d (%.0f s)%n", run + 1, total,
                (System.nanoTime() - t0) / 1e9);
          }

          @Override
          public void onGeneratorFitted(int run, FittedSdrm model) {
            System.out.printf(Locale.ROOT, "  generator: VAE %d epochs, best Recall@10 %.4f%n",
                model.provenance().vaeEpochs(), model.provenance().vaeBestRecall());
          }

          @Override
          public void onResult(int run, ResultTable.Key key, RankingMetrics.Result result) {
            System.out.printf(Locale.ROOT, "  %s %s: Recall@10 %.4f NDCG@10 %.4f%n",
                key.setting(), key.generator(), result.recall(10), result.ndcg(10));
          }
        })
        .build().run();
    System.out.printf(Locale.ROOT, "%n%s%nwall time %.0f s%n", table.toMarkdown(),
        (System.nanoTime() - t0) / 1e9);
    if (csv != null) {
      Files.writeString(csv, table.toCsv());
    }
  }
}
