package io.github.sdrm.recsys;

import io.github.sdrm.data.InteractionMatrix;
import io.github.sdrm.eval.FoldInSplit;
import io.github.sdrm.eval.RankingMetrics;
import java.util.Objects;

/** Fits a recommender and measures it on the held-out entries of fold-in users. */
public final class FoldInEvaluation {
  private FoldInEvaluation() {}

  /**
   * Fits {@code recommender} on {@code training}, scores {@code split}'s fold-in rows, masks their
   * items and compares the top-k with the held-out entries.
   */
  public static RankingMetrics.Result evaluate(
      Recommender recommender, InteractionMatrix training, FoldInSplit split, int... cutoffs) {
    Objects.requireNonNull(recommender, "recommender");
    Objects.requireNonNull(split, "split");
    recommender.fit(training);
    float[][] scores = recommender.score(split.foldIn());
    return RankingMetrics.evaluate(scores, split.foldIn(), split.heldOut(), cutoffs);
  }
}
