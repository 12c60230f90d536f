package io.github.sdrm.examples;

import io.github.sdrm.Sdrm;
import io.github.sdrm.data.InteractionMatrix;
import io.github.sdrm.datasets.Dataset;
import io.github.sdrm.datasets.SyntheticDataset;
import io.github.sdrm.recsys.Experiment;
import io.github.sdrm.recsys.Generator;
import io.github.sdrm.recsys.ResultTable;
import io.github.sdrm.recsys.TruncatedSvdRecommender;
import java.util.Locale;

/**
 * The two-minute tour: the embedded synthetic dataset (no download), a small SDRM, synthetic users
 * from F-SDRM and M-SDRM, and rank-20 SVD trained on real data (ORIGINAL), on synthetic data
 * instead of the real users (REPLACE) and on both (AUGMENT), measured on held-out interactions of
 * the validation users.
 */
public final class Quickstart {
  private Quickstart() {}

  /** Runs the tour. */
  public static void main(String[] args) {
    long t0 = System.nanoTime();
    Dataset data = SyntheticDataset.mlLike();
    InteractionMatrix train = data.trainTest();
    InteractionMatrix valid = data.valid();
    System.out.printf(Locale.ROOT, "dataset: %s train users, %s validation users%n", train, valid);

    Sdrm sdrm =
        Sdrm.builder()
            .vaeHiddenSize(300)
            .latentSize(100)
            .vaeBatchSize(256)
            .vaeLearningRate(1e-3)
            .timesteps(50)
            .denoiserLayers(2)
            .diffusionEpochs(100)
            .diffusionBatchSize(256)
            .diffusionLearningRate(1e-4)
            .threads(2)
            .elementwiseThreads(1)
            .seed(1)
            .build();
    ResultTable table =
        Experiment.builder("synthetic", train, valid)
            .sdrm(sdrm)
            .recommender("svd", TruncatedSvdRecommender::new)
            .generators(Generator.F_SDRM, Generator.M_SDRM)
            .runs(1)
            .cutoffs(10, 20)
            .build()
            .run();

    System.out.println();
    System.out.println("| training data | generator | Recall@10 | NDCG@10 | Recall@20 |");
    System.out.println("|---|---|---|---|---|");
    for (ResultTable.Key key : table.keys()) {
      System.out.printf(
          Locale.ROOT,
          "| %s | %s | %.4f | %.4f | %.4f |%n",
          key.setting(),
          key.generator(),
          table.recall(key, 10).mean(),
          table.ndcg(key, 10).mean(),
          table.recall(key, 20).mean());
    }
    System.out.printf(Locale.ROOT, "%ndone in %.0f s%n", (System.nanoTime() - t0) / 1e9);
  }
}
