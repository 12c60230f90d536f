package io.github.sdrm.recsys;

import io.github.sdrm.data.InteractionMatrix;
import java.util.Locale;
import java.util.Objects;

/** Recommends the items with the most stored ones in the training matrix, the same to everyone. */
public final class PopularityRecommender implements Recommender {
  private float[] popularity;

  @Override
  public String name() {
    return "popularity";
  }

  @Override
  public void fit(InteractionMatrix train) {
    Objects.requireNonNull(train, "train");
    float[] counts = new float[train.columns()];
    train.forEachStored((r, c, v) -> counts[c] += v);
    popularity = counts;
  }

  @Override
  public float[][] score(InteractionMatrix users) {
    Objects.requireNonNull(users, "users");
    if (popularity == null) {
      throw new IllegalStateException("popularity: score called before fit");
    }
    if (users.columns() != popularity.length) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "users must have the %d items the recommender was fitted on, found %d",
          popularity.length, users.columns()));
    }
    float[][] out = new float[users.rows()][];
    for (int u = 0; u < out.length; u++) {
      out[u] = popularity.clone();
    }
    return out;
  }
}
