package io.github.sdrm.recsys.tune;

import io.github.sdrm.FittedSdrm;
import io.github.sdrm.Sdrm;
import io.github.sdrm.data.InteractionMatrix;
import io.github.sdrm.data.Permutations;
import io.github.sdrm.eval.RankingMetrics;
import io.github.sdrm.recsys.Experiment;
import io.github.sdrm.recsys.Generator;
import io.github.sdrm.recsys.Recommender;
import io.github.sdrm.recsys.ResultTable;
import io.github.sdrm.recsys.Setting;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * The SDRM objective: a configuration (a base builder changed by the trial's parameters) is trained
 * with the trial's seed and scored by the paper's experiment — a recommender's Recall@k (or NDCG@k)
 * in one setting with one generator, averaged over the runs — on the given users. To keep the users
 * of the final table out of the search, score on {@link #tuningSplit} of the training users rather
 * than on the validation users (the authors scored on the validation users, which makes the
 * reported figure optimistic).
 */
public final class SdrmObjective implements Study.Objective {
  private final Sdrm base;
  private final SearchSpace space;
  private final InteractionMatrix train;
  private final InteractionMatrix users;
  private final String recommender;
  private final Supplier<Recommender> factory;
  private final Setting setting;
  private final Generator generator;
  private final int k;
  private final boolean ndcg;
  private final int runs;

  /**
   * The objective.
   *
   * @param base the configuration the trials change (threads, listener, … kept)
   * @param train the generator's and recommender's training users
   * @param users the users scored (their fold-in rows join the training, as in the paper)
   * @param setting REPLACE or AUGMENT
   * @param k the metric's cut-off
   * @param ndcg NDCG@k instead of Recall@k
   * @param runs runs per trial (the authors: 5)
   */
  public SdrmObjective(
      Sdrm base,
      SearchSpace space,
      InteractionMatrix train,
      InteractionMatrix users,
      String recommender,
      Supplier<Recommender> factory,
      Setting setting,
      Generator generator,
      int k,
      boolean ndcg,
      int runs) {
    this.base = Objects.requireNonNull(base, "base");
    this.space = Objects.requireNonNull(space, "space");
    this.train = Objects.requireNonNull(train, "train");
    this.users = Objects.requireNonNull(users, "users");
    this.recommender = Objects.requireNonNull(recommender, "recommender");
    this.factory = Objects.requireNonNull(factory, "factory");
    this.setting = Objects.requireNonNull(setting, "setting");
    this.generator = Objects.requireNonNull(generator, "generator");
    if (setting == Setting.ORIGINAL) {
      throw new IllegalArgumentException(
          "the objective needs synthetic data: setting must be REPLACE or AUGMENT, found ORIGINAL");
    }
    if (k < 1 || runs < 1) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "k and runs must be at least 1, found %d and %d", k, runs));
    }
    this.k = k;
    this.ndcg = ndcg;
    this.runs = runs;
  }

  /**
   * Splits {@code train}'s users at random (seeded) into the rows a trial trains on and {@code
   * count} tuning users it is scored on.
   *
   * @return {rows to train on, tuning users}
   */
  public static InteractionMatrix[] tuningSplit(InteractionMatrix train, int count, long seed) {
    if (count < 1 || count >= train.rows()) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT, "tuning users must be in [1, %d], found %d", train.rows() - 1, count));
    }
    int[][] split = Permutations.randomSplit(train.rows(), count, new SplittableRandom(seed));
    return new InteractionMatrix[] {train.selectRows(split[1]), train.selectRows(split[0])};
  }

  /** The builder for a trial: the base changed by the parameters, with the trial's seed. */
  public Sdrm.Builder builder(Map<String, Double> params, long seed) {
    Sdrm.Builder b = base.toBuilder();
    space.apply(params, b);
    return b.seed(seed);
  }

  @Override
  public Study.Result evaluate(Map<String, Double> params, long seed) {
    return evaluate(params, seed, (step, value) -> {});
  }

  /**
   * Trains and scores the runs one after another, reporting the mean so far after each run (as the
   * authors' search did), so that a pruner can stop a trial between runs.
   */
  @Override
  public Study.Result evaluate(
      Map<String, Double> params, long seed, Study.Intermediate intermediate) {
    int[] epochs = {0};
    ResultTable.Key key =
        new ResultTable.Key("tune", recommender, setting, generator.displayName());
    double[] sum = {0};
    ResultTable table =
        Experiment.builder("tune", train, users)
            .sdrm(builder(params, seed).build())
            .recommender(recommender, factory)
            .settings(setting)
            .generators(generator)
            .runs(runs)
            .listener(
                new Experiment.Listener() {
                  @Override
                  public void onGeneratorFitted(int run, FittedSdrm model) {
                    epochs[0] += model.provenance().vaeEpochs();
                  }

                  @Override
                  public void onResult(int run, ResultTable.Key k, RankingMetrics.Result r) {
                    if (k.equals(key)) {
                      sum[0] +=
                          ndcg ? r.ndcg(SdrmObjective.this.k) : r.recall(SdrmObjective.this.k);
                      intermediate.report(run, sum[0] / (run + 1));
                    }
                  }
                })
            .build()
            .run();
    double v = ndcg ? table.ndcg(key, k).mean() : table.recall(key, k).mean();
    return new Study.Result(v, epochs[0] / runs);
  }
}
