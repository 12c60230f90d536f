package io.github.sdrm.examples;

import io.github.sdrm.recsys.MlpRecommender;
import io.github.sdrm.recsys.NeuMfRecommender;
import io.github.sdrm.recsys.PopularityRecommender;
import io.github.sdrm.recsys.Recommender;
import io.github.sdrm.recsys.TruncatedSvdRecommender;
import java.util.function.Supplier;

/** The recommenders by their command-line names ({@code report}, {@code reproduce}). */
final class RecommenderNames {
  private RecommenderNames() {}

  /** A factory of fresh instances of the named recommender, with its default settings. */
  static Supplier<Recommender> factory(String name) {
    return switch (name) {
      case "svd" -> TruncatedSvdRecommender::new;
      case "mlp" -> MlpRecommender::new;
      case "neumf" -> NeuMfRecommender::new;
      case "popularity" -> PopularityRecommender::new;
      default ->
          throw new IllegalArgumentException(
              "recommenders must be among svd, mlp, neumf, popularity; found '" + name + "'");
    };
  }
}
