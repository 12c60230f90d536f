package io.github.sdrm.recsys;

import io.github.sdrm.data.InteractionMatrix;
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
    Recommenders.checkScorable(
        name(), popularity != null, popularity == null ? 0 : popularity.length, users);
    float[][] out = new float[users.rows()][];
    for (int u = 0; u < out.length; u++) {
      out[u] = popularity.clone();
    }
    return out;
  }
}
