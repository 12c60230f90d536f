package io.github.sdrm.recsys;

import static io.github.sdrm.recsys.RecsysTestData.clustered;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sdrm.Sdrm;
import io.github.sdrm.data.InteractionMatrix;
import io.github.sdrm.eval.FoldInSplit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExperimentTest {
  private static final Sdrm SMALL =
      Sdrm.builder()
          .vaeHiddenSize(12)
          .latentSize(6)
          .vaeBatchSize(16)
          .vaeMaxEpochs(5)
          .vaePatience(2)
          .timesteps(5)
          .denoiserLayers(1)
          .diffusionEpochs(3)
          .diffusionBatchSize(16)
          .diffusionLearningRate(1e-3)
          .threads(1)
          .elementwiseThreads(1)
          .build();

  @Test
  void run_fillsEveryRowForEveryRun() {
    List<String> events = new ArrayList<>();
    ResultTable table =
        Experiment.builder("toy", clustered(40, 24, 1L), clustered(12, 24, 2L))
            .sdrm(SMALL)
            .recommender("svd", () -> new TruncatedSvdRecommender(4, 0L))
            .recommender("popularity", PopularityRecommender::new)
            .runs(2)
            .split(7, FoldInSplit.Mode.FAST)
            .cutoffs(1, 5)
            .listener(
                new Experiment.Listener() {
                  @Override
                  public void onRunStart(int run, int runs) {
                    events.add("run " + run + "/" + runs);
                  }
                })
            .build()
            .run();
    // ORIGINAL x 2 recommenders + (REPLACE, AUGMENT) x 3 generators x 2 recommenders
    assertEquals(2 + 12, table.keys().size());
    assertEquals(List.of("run 0/2", "run 1/2"), events);
    for (ResultTable.Key key : table.keys()) {
      ResultTable.Summary s = table.recall(key, 5);
      assertEquals(2, s.runs());
      assertTrue(s.mean() >= 0 && s.mean() <= s.max() && s.max() <= 1, key + " " + s);
      assertTrue(s.std() >= 0);
    }
    String csv = table.toCsv();
    assertEquals(1 + 14 * 2 * 2, csv.split("\n").length);
    assertTrue(
        table.toMarkdown().contains("| toy | svd | REPLACE | M-SDRM | 2 |"), table.toMarkdown());
  }

  @Test
  void summary_isMeanMaxAndPopulationStd() {
    ResultTable table = new ResultTable(new int[] {1}, "test");
    ResultTable.Key key = new ResultTable.Key("d", "r", Setting.ORIGINAL, "-");
    InteractionMatrix foldIn = InteractionMatrix.fromRows(3, new int[][] {{0}, {0}}, null);
    // user 0 hits at rank 0 in the first result; nobody hits in the second
    InteractionMatrix heldOut = InteractionMatrix.fromRows(3, new int[][] {{1}, {2}}, null);
    table.add(
        key,
        io.github.sdrm.eval.RankingMetrics.evaluate(
            new float[][] {{0, 1, 0}, {0, 1, 0}}, foldIn, heldOut, 1)); // recall 0.5
    table.add(
        key,
        io.github.sdrm.eval.RankingMetrics.evaluate(
            new float[][] {{0, 0, 1}, {0, 1, 0}}, foldIn, heldOut, 1)); // recall 0
    ResultTable.Summary s = table.recall(key, 1);
    assertEquals(0.25, s.mean(), 1e-12);
    assertEquals(0.5, s.max(), 1e-12);
    assertEquals(0.25, s.std(), 1e-12);
  }

  @Test
  void runs_zero() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Experiment.builder("toy", clustered(4, 6, 1L), clustered(2, 6, 1L)).runs(0));
    assertEquals("runs must be at least 1, found 0", e.getMessage());
  }

  @Test
  void build_withoutRecommender() {
    assertThrows(
        IllegalStateException.class,
        () -> Experiment.builder("toy", clustered(4, 6, 1L), clustered(2, 6, 1L)).build());
  }

  @Test
  void builder_itemCountsDiffer() {
    assertThrows(
        IllegalArgumentException.class,
        () -> Experiment.builder("toy", clustered(4, 6, 1L), clustered(2, 7, 1L)));
  }

  @Test
  void cutoffs_aboveItems() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Experiment.builder("toy", clustered(4, 6, 1L), clustered(2, 6, 1L)).cutoffs(7));
    assertEquals("cut-off k must be in [1, 6] (the number of items), found 7", e.getMessage());
  }

  @Test
  void syntheticSources_evaluatedWithoutTrainingSdrm() {
    InteractionMatrix train = clustered(40, 12, 1L);
    InteractionMatrix valid = clustered(20, 12, 2L);
    int[] calls = {0};
    ResultTable table =
        Experiment.builder("toy", train, valid)
            .generators()
            .synthetic(
                "copy",
                run -> {
                  calls[0]++;
                  return train;
                })
            .recommender("pop", PopularityRecommender::new)
            .runs(2)
            .cutoffs(1, 5)
            .build()
            .run();
    assertEquals(2, calls[0], "one call per run");
    // ORIGINAL, REPLACE and AUGMENT: replacing train by an exact copy changes nothing
    assertEquals(3, table.keys().size());
    ResultTable.Key original = new ResultTable.Key("toy", "pop", Setting.ORIGINAL, "-");
    ResultTable.Key replace = new ResultTable.Key("toy", "pop", Setting.REPLACE, "copy");
    assertEquals(table.recall(original, 5).mean(), table.recall(replace, 5).mean(), 1e-12);
    assertEquals(2, table.recall(replace, 5).runs());
    String compact = table.toCompactMarkdown(5);
    assertEquals(5, compact.split("\n").length, compact); // header, rule, 3 rows
    assertTrue(
        compact.startsWith(
            "| recommender | setting | generator | runs | Recall@5 |" + " NDCG@5 |\n"),
        compact);
    assertTrue(
        compact.contains(
            String.format(
                java.util.Locale.ROOT,
                "| pop | REPLACE | copy | 2 |" + " %.4f ± %.4f |",
                table.recall(replace, 5).mean(),
                table.recall(replace, 5).std())),
        compact);
    assertThrows(IllegalArgumentException.class, () -> table.toCompactMarkdown(10));
  }

  @Test
  void syntheticSource_wrongItems() {
    var b = Experiment.builder("toy", clustered(4, 6, 1L), clustered(2, 6, 1L));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> b.synthetic("x", clustered(3, 7, 1L)));
    assertEquals("synthetic x must have the 6 items of train, found 7", e.getMessage());
    assertThrows(
        IllegalStateException.class,
        () ->
            Experiment.builder("toy", clustered(4, 6, 1L), clustered(2, 6, 1L))
                .generators()
                .recommender("pop", PopularityRecommender::new)
                .build());
  }

  @Test
  void fittedModel_evaluatedWithoutRetraining_sameAsItsOwnOutput() {
    InteractionMatrix train = clustered(40, 24, 1L);
    InteractionMatrix valid = clustered(12, 24, 2L);
    io.github.sdrm.FittedSdrm model = SMALL.fit(train);
    int[] fits = {0};
    ResultTable table =
        Experiment.builder("toy", train, valid)
            .fittedModel(model)
            .generators(Generator.F_SDRM)
            .recommender("pop", PopularityRecommender::new)
            .runs(1)
            .cutoffs(5)
            .listener(
                new Experiment.Listener() {
                  @Override
                  public void onGeneratorFitted(int run, io.github.sdrm.FittedSdrm m) {
                    fits[0]++;
                  }
                })
            .build()
            .run();
    assertEquals(0, fits[0], "no model trained");
    // the same as evaluating the model's own run-0 output as a synthetic source
    InteractionMatrix synthetic =
        Generator.F_SDRM.generate(model, train.rows(), model.provenance().generationSeed());
    ResultTable same =
        Experiment.builder("toy", train, valid)
            .generators()
            .synthetic("F-SDRM", synthetic)
            .recommender("pop", PopularityRecommender::new)
            .runs(1)
            .cutoffs(5)
            .build()
            .run();
    ResultTable.Key key = new ResultTable.Key("toy", "pop", Setting.REPLACE, "F-SDRM");
    assertEquals(same.recall(key, 5).mean(), table.recall(key, 5).mean(), 0);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Experiment.builder("toy", clustered(4, 7, 1L), clustered(2, 7, 1L))
                    .fittedModel(model));
    assertEquals("the model has 24 items but train has 7", e.getMessage());
  }
}
