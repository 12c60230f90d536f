package io.github.sdrm.recsys;

import static io.github.sdrm.recsys.RecsysTestData.clustered;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sdrm.Sdrm;
import io.github.sdrm.data.InteractionMatrix;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ReferenceNeuMfExperimentTest {

  private static ReferenceNeuMfExperiment.Triples triples(int[][] rows) {
    ReferenceNeuMfExperiment.Triples t = new ReferenceNeuMfExperiment.Triples(rows.length);
    for (int[] r : rows) {
      t.add(r[0], r[1], r[2]);
    }
    return t;
  }

  @Test
  void dropMatchingRows_comparesCellByCellAtTheSamePosition() {
    var train =
        triples(new int[][] {{0, 5, 1}, {1, 6, 1}, {2, 7, 0}, {3, 8, 1}, {4, 9, 1}, {5, 5, 0}});
    // position 0: same user; 1: same item; 2: same label; 3: nothing equal; 4, 5: no test row
    var test = triples(new int[][] {{0, 1, 0}, {9, 6, 0}, {8, 2, 0}, {7, 3, 0}});
    var kept = ReferenceNeuMfExperiment.dropMatchingRows(train, test);
    assertEquals(3, kept.size);
    assertArrayEquals(new int[] {3, 4, 5}, Arrays.copyOf(kept.user, kept.size));
    assertArrayEquals(new int[] {8, 9, 5}, Arrays.copyOf(kept.item, kept.size));
  }

  @Test
  void labelled_onesAtTheTopZerosAtTheBottom_asManyOfEach() {
    // 2 users x 10 items, logits 0..19; density 0.2 -> 4 ones (16..19) and 4 zeros (0..3)
    float[] logits = new float[20];
    for (int k = 0; k < 20; k++) {
      logits[k] = k;
    }
    var t = ReferenceNeuMfExperiment.labelled(logits, 10, 0.2);
    int ones = 0;
    int zeros = 0;
    for (int k = 0; k < t.size; k++) {
      int cell = t.user[k] * 10 + t.item[k];
      if (t.label[k] == 1) {
        ones++;
        assertTrue(cell >= 16, "one at cell " + cell);
      } else {
        zeros++;
        assertTrue(cell <= 3, "zero at cell " + cell);
      }
    }
    assertEquals(4, ones);
    assertEquals(4, zeros);
  }

  @Test
  void score_countsOnlyHeldOutLikesOfItemsInTheTrainingTriples() {
    // training triples cover items 0..3 (user 10 saw item 0); items 4 and 5 are not candidates
    var data = triples(new int[][] {{0, 1, 1}, {0, 2, 0}, {1, 3, 1}, {10, 0, 1}});
    // user 10: likes 1 (candidate) and 4 (not); user 11: likes 5 only; user 12: a dislike only
    var test = triples(new int[][] {{10, 1, 1}, {10, 4, 1}, {11, 5, 1}, {12, 2, 0}});
    // scores rank item 4 and 5 highest, then 2, 3, 1: masked non-candidates must not count
    float[] s = {9f, 1f, 3f, 2f, 8f, 7f};
    var result = ReferenceNeuMfExperiment.score(data, test, 6, new int[] {1, 3}, u -> s);
    // only user 10 is scored (11's like is of a non-candidate, 12 has no like): relevant {1};
    // candidates for 10 after masking item 0: 1, 2, 3 ranked 2 > 3 > 1
    assertEquals(1, result.users());
    assertEquals(0.0, result.recall(1), 1e-12);
    assertEquals(1.0, result.recall(3), 1e-12);
  }

  /** Users who like item i with probability 0.7 * 0.8^i, and store a few dislikes. */
  private static InteractionMatrix skewed(int users, int items, long seed) {
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
    InteractionMatrix.Builder b = InteractionMatrix.builder(users, items);
    for (int u = 0; u < users; u++) {
      for (int i = 0; i < items; i++) {
        if (rnd.nextDouble() < 0.7 * Math.pow(0.8, i)) {
          b.add(u, i, 1);
        } else if (rnd.nextDouble() < 0.05) {
          b.add(u, i, 0);
        }
      }
    }
    return b.build();
  }

  @Test
  void original_learnsPopularity_andIsSeeded() {
    // one epoch (the reference's effective training) learns little per user: item popularity
    // is what it picks up first, so held-out likes of popular items are found
    InteractionMatrix train = skewed(1500, 30, 1L);
    InteractionMatrix valid = skewed(60, 30, 2L);
    double[] results = new double[2];
    for (int i = 0; i < 2; i++) {
      ResultTable table =
          ReferenceNeuMfExperiment.builder("toy", train, valid)
              .settings(Setting.ORIGINAL)
              .runs(1)
              .cutoffs(5, 10)
              .build()
              .run();
      results[i] =
          table.recall(new ResultTable.Key("toy", "neumf", Setting.ORIGINAL, "-"), 5).mean();
    }
    assertEquals(results[0], results[1], "same seed, same figure");
    // a random pick of 5 among the ~25 unseen items finds about a fifth of them
    assertTrue(results[0] > 0.6, "Recall@5 " + results[0]);
  }

  @Test
  void validZeros_goToTheRunsAsked() {
    InteractionMatrix train = clustered(200, 20, 1L);
    InteractionMatrix valid = clustered(40, 20, 2L);
    double[][] first = perRun(train, valid, ReferenceNeuMfExperiment.ValidZeros.FIRST_RUN);
    double[][] every = perRun(train, valid, ReferenceNeuMfExperiment.ValidZeros.EVERY_RUN);
    double[][] none = perRun(train, valid, ReferenceNeuMfExperiment.ValidZeros.NONE);
    // run 0: with the zeros unless NONE; run 1: with them only for EVERY_RUN
    assertArrayEquals(first[0], every[0]);
    assertArrayEquals(first[1], none[1]);
    assertFalse(Arrays.equals(first[0], none[0]), "NONE's run 0 has no VALID zeros");
    assertFalse(Arrays.equals(first[1], every[1]), "EVERY_RUN's run 1 has them");
  }

  /** Per run: ORIGINAL's Recall and NDCG at 5 and 10. */
  private static double[][] perRun(
      InteractionMatrix train, InteractionMatrix valid, ReferenceNeuMfExperiment.ValidZeros z) {
    double[][] out = new double[2][];
    ReferenceNeuMfExperiment.builder("toy", train, valid)
        .settings(Setting.ORIGINAL)
        .runs(2)
        .cutoffs(5, 10)
        .validZeros(z)
        .listener(
            new Experiment.Listener() {
              @Override
              public void onResult(
                  int run, ResultTable.Key key, io.github.sdrm.eval.RankingMetrics.Result r) {
                out[run] = new double[] {r.recall(5), r.recall(10), r.ndcg(5), r.ndcg(10)};
              }
            })
        .build()
        .run();
    return out;
  }

  @Test
  void replaceAndAugment_runWithAGenerator() {
    InteractionMatrix train = clustered(60, 20, 1L);
    InteractionMatrix valid = clustered(16, 20, 2L);
    Sdrm sdrm =
        Sdrm.builder()
            .timesteps(5)
            .latentSize(8)
            .vaeHiddenSize(16)
            .diffusionEpochs(2)
            .vaeEarlyStopping(false)
            .vaeMaxEpochs(2)
            .seed(3)
            .build();
    ResultTable table =
        ReferenceNeuMfExperiment.builder("toy", train, valid)
            .sdrm(sdrm)
            .runs(1)
            .cutoffs(5)
            .build()
            .run();
    for (String g : new String[] {"F-SDRM", "M-SDRM", "MultiVAE"}) {
      for (Setting s : new Setting[] {Setting.REPLACE, Setting.AUGMENT}) {
        double r = table.recall(new ResultTable.Key("toy", "neumf", s, g), 5).mean();
        assertTrue(r >= 0 && r <= 1, s + " " + g + ": " + r);
      }
    }
  }

  @Test
  void replaceWithoutGenerator_isRejected() {
    InteractionMatrix m = clustered(10, 8, 1L);
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> ReferenceNeuMfExperiment.builder("toy", m, m).build());
    assertTrue(e.getMessage().contains("need a generator"), e.getMessage());
  }
}
