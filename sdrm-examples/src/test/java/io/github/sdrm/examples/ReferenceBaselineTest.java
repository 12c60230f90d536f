package io.github.sdrm.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.sdrm.data.InteractionMatrix;
import io.github.sdrm.datasets.TripletCsv;
import io.github.sdrm.eval.FoldInSplit;
import io.github.sdrm.eval.RankingMetrics;
import io.github.sdrm.recsys.FoldInEvaluation;
import io.github.sdrm.recsys.Setting;
import io.github.sdrm.recsys.TruncatedSvdRecommender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The reference's ORIGINAL baseline, exactly: NumPy-compatible fold-in split of VALID (seed 123),
 * rank-20 SVD on TRAIN + fold-in, Recall@k and NDCG@k for k = 1, 3, 5, 10, 20, 50 to 4 decimals
 * (figures measured with the authors' code, ../shared/data/README.md and issue #3).
 */
class ReferenceBaselineTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "ml-100k; 0.5579 0.4175 0.4084 0.3716 0.3791 0.5010; 0.5579 0.4481 0.4333 0.3973 0.3853 0.4284",
        "alb; 0.2647 0.2770 0.3023 0.3113 0.3281 0.3762; 0.2647 0.2720 0.2838 0.2870 0.2917 0.3047",
        "adm; 0.0263 0.0354 0.0437 0.0624 0.0953 0.1511; 0.0263 0.0310 0.0353 0.0427 0.0532 0.0675"
      })
  void originalSvd_matchesReference(String dataset, String recalls, String ndcgs)
      throws IOException {
    Path dir =
        Path.of(System.getProperty("sdrm.data.dir", "../../shared/data"), "sdrm-splits", dataset);
    assumeTrue(Files.isDirectory(dir), "skipped: " + dir + " not found (../shared/data absent)");
    InteractionMatrix train = TripletCsv.read(dir.resolve(dataset + "_train_test.csv"));
    InteractionMatrix valid = TripletCsv.read(dir.resolve(dataset + "_valid.csv"));
    // the reference's own split: the figures below are the authors' code's
    FoldInSplit split = FoldInSplit.reference(valid);
    RankingMetrics.Result r =
        FoldInEvaluation.evaluate(
            new TruncatedSvdRecommender(),
            Setting.ORIGINAL.trainingMatrix(train, split.foldIn(), null),
            split,
            RankingMetrics.PAPER_CUTOFFS);
    String[] rec = recalls.trim().split(" ");
    String[] nd = ndcgs.trim().split(" ");
    StringBuilder got = new StringBuilder();
    for (int k : RankingMetrics.PAPER_CUTOFFS) {
      got.append(String.format(Locale.ROOT, " R@%d=%.4f N@%d=%.4f", k, r.recall(k), k, r.ndcg(k)));
    }
    for (int i = 0; i < rec.length; i++) {
      int k = RankingMetrics.PAPER_CUTOFFS[i];
      assertEquals(Double.parseDouble(rec[i]), r.recall(k), 5e-5, dataset + got);
      assertEquals(Double.parseDouble(nd[i]), r.ndcg(k), 5e-5, dataset + got);
    }
  }
}
