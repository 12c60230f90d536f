package io.github.sdrm.recsys;

import static io.github.sdrm.recsys.RecsysTestData.clustered;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sdrm.data.InteractionMatrix;
import io.github.sdrm.eval.FoldInSplit;
import io.github.sdrm.eval.RankingMetrics;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RecommenderTest {

  @Test
  void svd_matchesDenseSvdProjection() {
    InteractionMatrix train = clustered(120, 60, 1L);
    TruncatedSvdRecommender svd = new TruncatedSvdRecommender(5, 3L);
    svd.fit(train);
    InteractionMatrix users = clustered(7, 60, 2L);
    float[][] sparse = svd.score(users);

    double[][] dense = new double[train.rows()][train.columns()];
    train.forEachStored((r, c, v) -> dense[r][c] = v);
    SingularValueDecomposition full =
        new SingularValueDecomposition(new Array2DRowRealMatrix(dense, false));
    double[][] v = full.getV().getData();
    for (int u = 0; u < users.rows(); u++) {
      double[] x = new double[60];
      int row = u;
      users
          .onesOnly()
          .forEachStored(
              (r, c, val) -> {
                if (r == row) {
                  x[c] = 1;
                }
              });
      for (int i = 0; i < 60; i++) {
        double s = 0;
        for (int j = 0; j < 5; j++) {
          double p = 0;
          for (int c = 0; c < 60; c++) {
            p += x[c] * v[c][j];
          }
          s += p * v[i][j];
        }
        assertEquals(s, sparse[u][i], 1e-5, "user " + u + ", item " + i);
      }
    }
  }

  @Test
  void score_beforeFit() {
    InteractionMatrix users = clustered(3, 10, 1L);
    for (Recommender r :
        new Recommender[] {
          new TruncatedSvdRecommender(),
          new PopularityRecommender(),
          new MlpRecommender(),
          new NeuMfRecommender()
        }) {
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> r.score(users));
      assertEquals(r.name() + ": score called before fit", e.getMessage());
    }
  }

  @Test
  void score_otherItemCount() {
    TruncatedSvdRecommender svd = new TruncatedSvdRecommender(2, 0L);
    svd.fit(clustered(20, 10, 1L));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> svd.score(clustered(3, 11, 1L)));
    assertEquals(
        "users must have the 10 items the recommender was fitted on, found 11", e.getMessage());
  }

  @Test
  void svd_rankAboveItems() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new TruncatedSvdRecommender(11, 0L).fit(clustered(20, 10, 1L)));
  }

  @ParameterizedTest
  @EnumSource(MlpRecommender.FirstLayer.class)
  void mlp_learnsTheClusters(MlpRecommender.FirstLayer firstLayer) {
    InteractionMatrix train = clustered(200, 40, 3L);
    FoldInSplit split = FoldInSplit.split(clustered(40, 40, 4L), 9L);
    MlpRecommender mlp = new MlpRecommender(30, 16, 5, 0.001, 1L, firstLayer);
    RankingMetrics.Result r =
        FoldInEvaluation.evaluate(
            mlp, Setting.ORIGINAL.trainingMatrix(train, split.foldIn(), null), split, 5);
    RankingMetrics.Result pop =
        FoldInEvaluation.evaluate(
            new PopularityRecommender(),
            Setting.ORIGINAL.trainingMatrix(train, split.foldIn(), null),
            split,
            5);
    assertTrue(
        r.recall(5) > pop.recall(5) + 0.1,
        "mlp " + r.recall(5) + " vs popularity " + pop.recall(5));
    assertTrue(mlp.epochsRun() >= 1);
  }

  @ParameterizedTest
  @EnumSource(MlpRecommender.FirstLayer.class)
  void mlp_sameSeedSameScores(MlpRecommender.FirstLayer firstLayer) {
    InteractionMatrix train = clustered(60, 20, 3L);
    MlpRecommender a = new MlpRecommender(3, 16, 5, 0.001, 7L, firstLayer);
    MlpRecommender b = new MlpRecommender(3, 16, 5, 0.001, 7L, firstLayer);
    a.fit(train);
    b.fit(train);
    InteractionMatrix users = clustered(4, 20, 5L);
    assertTrue(java.util.Arrays.deepEquals(a.score(users), b.score(users)));
  }

  @Test
  void setting_trainingMatrices() {
    InteractionMatrix train = clustered(5, 8, 1L);
    InteractionMatrix foldIn = clustered(2, 8, 2L);
    InteractionMatrix synthetic = clustered(5, 8, 3L);
    assertEquals(7, Setting.ORIGINAL.trainingMatrix(train, foldIn, null).rows());
    InteractionMatrix replace = Setting.REPLACE.trainingMatrix(train, foldIn, synthetic);
    assertEquals(synthetic, replace.rowRange(0, 5));
    assertEquals(foldIn, replace.rowRange(5, 7));
    InteractionMatrix augment = Setting.AUGMENT.trainingMatrix(train, foldIn, synthetic);
    assertEquals(12, augment.rows());
    assertEquals(synthetic, augment.rowRange(7, 12));
  }

  @Test
  void neumf_learnsTheClustersAndScoresOnlyKnownUsers() {
    InteractionMatrix train = clustered(200, 40, 3L);
    FoldInSplit split = FoldInSplit.split(clustered(40, 40, 4L), 9L);
    InteractionMatrix training = Setting.ORIGINAL.trainingMatrix(train, split.foldIn(), null);
    NeuMfRecommender neumf = new NeuMfRecommender(20, 32, 1L);
    RankingMetrics.Result r = FoldInEvaluation.evaluate(neumf, training, split, 5);
    RankingMetrics.Result pop =
        FoldInEvaluation.evaluate(new PopularityRecommender(), training, split, 5);
    assertTrue(
        r.recall(5) > pop.recall(5) + 0.1,
        "neumf " + r.recall(5) + " vs popularity " + pop.recall(5));
    InteractionMatrix stranger =
        InteractionMatrix.fromRows(40, new int[][] {{0, 1, 2, 3, 39}}, null);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> neumf.score(stranger));
    assertTrue(
        e.getMessage().startsWith("user 0 is not a row of the training matrix"), e.getMessage());
  }

  @Test
  void neumf_sameSeedSameScores() {
    InteractionMatrix train = clustered(50, 20, 3L);
    NeuMfRecommender a = new NeuMfRecommender(2, 64, 7L);
    NeuMfRecommender b = new NeuMfRecommender(2, 64, 7L);
    a.fit(train);
    b.fit(train);
    InteractionMatrix users = train.rowRange(0, 4);
    assertTrue(java.util.Arrays.deepEquals(a.score(users), b.score(users)));
  }

  @Test
  void mlpAndNeumf_leaveNd4jsGlobalGeneratorAsTheyFoundIt() {
    InteractionMatrix train = clustered(50, 20, 3L);
    org.nd4j.linalg.api.rng.Random global = org.nd4j.linalg.factory.Nd4j.getRandom();
    for (Recommender r :
        new Recommender[] {
          new MlpRecommender(2, 16, 5, 0.001, 7L), new NeuMfRecommender(1, 64, 7L)
        }) {
      global.setSeed(42L);
      // (not the scalar nextGaussian: ND4J caches its second Box-Muller value across setSeed)
      double[] expected = draws(global);
      global.setSeed(42L);
      r.fit(train);
      assertEquals(42L, global.getSeed(), r.name());
      double[] found = draws(global);
      assertTrue(
          java.util.Arrays.equals(expected, found),
          r.name()
              + ": the caller's draws"
              + " changed from "
              + java.util.Arrays.toString(expected)
              + " to "
              + java.util.Arrays.toString(found));
    }
  }

  private static double[] draws(org.nd4j.linalg.api.rng.Random random) {
    double[] d = new double[6];
    d[0] = random.nextDouble();
    d[1] = random.nextInt(1000);
    float[] a = random.nextGaussian(new long[] {4}).toFloatVector();
    for (int i = 0; i < a.length; i++) {
      d[2 + i] = a[i];
    }
    return d;
  }
}
