package io.github.sdrm.recsys;

import io.github.sdrm.FittedSdrm;
import io.github.sdrm.Sdrm;
import io.github.sdrm.data.InteractionMatrix;
import io.github.sdrm.eval.FoldInSplit;
import io.github.sdrm.eval.RankingMetrics;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * The SDRM paper's evaluation: for each run, split the validation users into fold-in and held-out
 * entries, train the generator on TRAIN plus the fold-in rows (its early stopping sees only the
 * held-out entries' scores, never the entries themselves), generate as many synthetic users as
 * TRAIN has with each generator, and train and evaluate each recommender in each setting.
 *
 * <pre>{@code
 * ResultTable table = Experiment.builder("ml-100k", train, valid)
 *     .sdrm(Sdrm.builder().timesteps(83).latentSize(830).build())
 *     .recommender("svd", TruncatedSvdRecommender::new)
 *     .runs(5)
 *     .build()
 *     .run();
 * }</pre>
 *
 * <p>Every run retrains the generator with seed {@code sdrm.seed() + run}; the fold-in split is the
 * same in every run (seed 123, NumPy-compatible by default, as in the reference).
 *
 * <p>Synthetic data made elsewhere (a saved model's output, a file, a reference generator) is
 * evaluated the same way with {@link Builder#synthetic}; with {@code generators()} empty, no SDRM
 * model is trained at all.
 */
public final class Experiment {

  /** Receives progress; every method has an empty default. */
  public interface Listener {
    /** A run starts (0-based). */
    default void onRunStart(int run, int runs) {}

    /** The generator of a run has been trained. */
    default void onGeneratorFitted(int run, FittedSdrm model) {}

    /** One row of one run has been measured. */
    default void onResult(int run, ResultTable.Key key, RankingMetrics.Result result) {}
  }

  private final String dataset;
  private final InteractionMatrix train;
  private final InteractionMatrix validation;
  private final Sdrm sdrm;
  private final FittedSdrm fitted;
  private final Map<String, Supplier<Recommender>> recommenders;
  private final Set<Setting> settings;
  private final Set<Generator> generators;
  private final Map<String, IntFunction<InteractionMatrix>> synthetic;
  private final int runs;
  private final long splitSeed;
  private final FoldInSplit.Mode splitMode;
  private final int[] cutoffs;
  private final Listener listener;

  private Experiment(Builder b) {
    dataset = b.dataset;
    train = b.train;
    validation = b.validation;
    sdrm = b.sdrm;
    fitted = b.fitted;
    recommenders = new LinkedHashMap<>(b.recommenders);
    settings = EnumSet.copyOf(b.settings);
    generators =
        b.generators.isEmpty() ? EnumSet.noneOf(Generator.class) : EnumSet.copyOf(b.generators);
    synthetic = new LinkedHashMap<>(b.synthetic);
    runs = b.runs;
    splitSeed = b.splitSeed;
    splitMode = b.splitMode;
    cutoffs = b.cutoffs.clone();
    listener = b.listener;
  }

  /**
   * Starts an experiment on a dataset's TRAIN and VALID users.
   *
   * @throws IllegalArgumentException if the matrices are empty or their item counts differ
   */
  public static Builder builder(
      String dataset, InteractionMatrix train, InteractionMatrix validation) {
    return new Builder(dataset, train, validation);
  }

  /** Runs every run and returns the table. */
  public ResultTable run() {
    FoldInSplit split =
        FoldInSplit.split(
            validation,
            FoldInSplit.DEFAULT_HELD_OUT_FRACTION,
            splitSeed,
            splitMode,
            FoldInSplit.Values.ALL_ONES);
    ResultTable table = new ResultTable(cutoffs, describe());
    boolean needsGenerator =
        settings.contains(Setting.REPLACE) || settings.contains(Setting.AUGMENT);
    for (int run = 0; run < runs; run++) {
      listener.onRunStart(run, runs);
      if (settings.contains(Setting.ORIGINAL)) {
        for (Map.Entry<String, Supplier<Recommender>> r : recommenders.entrySet()) {
          measure(
              table,
              run,
              new ResultTable.Key(dataset, r.getKey(), Setting.ORIGINAL, "-"),
              r.getValue().get(),
              Setting.ORIGINAL.trainingMatrix(train, split.foldIn(), null),
              split);
        }
      }
      if (!needsGenerator) {
        continue;
      }
      if (!generators.isEmpty()) {
        FittedSdrm model = fitted != null ? fitted : fitGenerator(run, split);
        // a given model varies its generation seed by run; a trained one its training seed
        long seed = model.provenance().generationSeed() + (fitted != null ? run : 0);
        for (Generator g : generators) {
          measureSynthetic(
              table, run, g.displayName(), g.generate(model, train.rows(), seed), split);
        }
      }
      for (Map.Entry<String, IntFunction<InteractionMatrix>> e : synthetic.entrySet()) {
        InteractionMatrix m = e.getValue().apply(run);
        if (m == null || m.columns() != train.columns()) {
          throw new IllegalStateException(
              String.format(
                  Locale.ROOT,
                  "synthetic source %s gave %s for run %d; expected a matrix with %d items",
                  e.getKey(),
                  m == null ? "null" : m.columns() + " items",
                  run,
                  train.columns()));
        }
        measureSynthetic(table, run, e.getKey(), m, split);
      }
    }
    return table;
  }

  private FittedSdrm fitGenerator(int run, FoldInSplit split) {
    FittedSdrm model = sdrm.toBuilder().seed(sdrm.seed() + run).build().fit(train, split);
    listener.onGeneratorFitted(run, model);
    return model;
  }

  private void measureSynthetic(
      ResultTable table, int run, String name, InteractionMatrix synthetic, FoldInSplit split) {
    for (Setting s : settings) {
      if (s == Setting.ORIGINAL) {
        continue;
      }
      for (Map.Entry<String, Supplier<Recommender>> r : recommenders.entrySet()) {
        measure(
            table,
            run,
            new ResultTable.Key(dataset, r.getKey(), s, name),
            r.getValue().get(),
            s.trainingMatrix(train, split.foldIn(), synthetic),
            split);
      }
    }
  }

  private void measure(
      ResultTable table,
      int run,
      ResultTable.Key key,
      Recommender r,
      InteractionMatrix training,
      FoldInSplit split) {
    RankingMetrics.Result result = FoldInEvaluation.evaluate(r, training, split, cutoffs);
    table.add(key, result);
    listener.onResult(run, key, result);
  }

  private String describe() {
    return String.format(
        Locale.ROOT,
        "dataset=%s, train=%s, validation=%s, runs=%d, split=%s seed %d, recommenders=%s,"
            + " settings=%s, generators=%s, synthetic=%s, sdrm=%s",
        dataset,
        train,
        validation,
        runs,
        splitMode,
        splitSeed,
        recommenders.keySet(),
        settings,
        generators,
        synthetic.keySet(),
        generators.isEmpty() ? "not trained" : fitted != null ? "fitted model " + fitted : sdrm);
  }

  /** Builds an {@link Experiment}; setters reject bad values at once. */
  public static final class Builder {
    private final String dataset;
    private final InteractionMatrix train;
    private final InteractionMatrix validation;
    private Sdrm sdrm = Sdrm.builder().build();
    private FittedSdrm fitted;
    private final Map<String, Supplier<Recommender>> recommenders = new LinkedHashMap<>();
    private Set<Setting> settings = EnumSet.allOf(Setting.class);
    private Set<Generator> generators = EnumSet.allOf(Generator.class);
    private final Map<String, IntFunction<InteractionMatrix>> synthetic = new LinkedHashMap<>();
    private int runs = 5;
    private long splitSeed = 123;
    private FoldInSplit.Mode splitMode = FoldInSplit.Mode.NUMPY_COMPATIBLE;
    private int[] cutoffs = RankingMetrics.PAPER_CUTOFFS.clone();
    private Listener listener = new Listener() {};

    private Builder(String dataset, InteractionMatrix train, InteractionMatrix validation) {
      this.dataset = Objects.requireNonNull(dataset, "dataset");
      this.train = Objects.requireNonNull(train, "train");
      this.validation = Objects.requireNonNull(validation, "validation");
      if (train.rows() == 0 || validation.rows() == 0) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "train and validation must have rows, found %d and %d",
                train.rows(),
                validation.rows()));
      }
      if (train.columns() != validation.columns()) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "train and validation must have the same items, found %d and %d",
                train.columns(),
                validation.columns()));
      }
    }

    /** The generator's configuration; run r uses seed {@code sdrm.seed() + r}. */
    public Builder sdrm(Sdrm sdrm) {
      this.sdrm = Objects.requireNonNull(sdrm, "sdrm");
      this.fitted = null;
      return this;
    }

    /**
     * Evaluates an already trained model (a saved one, say) instead of training one per run: run r
     * generates with seed {@code model.provenance().generationSeed() + r}. Unlike the paper's
     * protocol, the model has not necessarily seen the validation users' fold-in rows.
     *
     * @throws IllegalArgumentException if the model's item count differs from train's
     */
    public Builder fittedModel(FittedSdrm model) {
      Objects.requireNonNull(model, "model");
      if (model.items() != train.columns()) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "the model has %d items but train has %d",
                model.items(),
                train.columns()));
      }
      this.fitted = model;
      return this;
    }

    /** Adds a recommender; the supplier gives a fresh instance for every measurement. */
    public Builder recommender(String name, Supplier<Recommender> factory) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(factory, "factory");
      if (recommenders.containsKey(name)) {
        throw new IllegalArgumentException("recommender " + name + " was added twice");
      }
      recommenders.put(name, factory);
      return this;
    }

    /** The settings to measure (default all three). */
    public Builder settings(Setting... settings) {
      if (settings.length == 0) {
        throw new IllegalArgumentException("at least one setting is required, found none");
      }
      this.settings = EnumSet.copyOf(List.of(settings));
      return this;
    }

    /**
     * The SDRM generators to compare (default all three); none means no SDRM model is trained and
     * only {@link #synthetic} sources are evaluated.
     */
    public Builder generators(Generator... generators) {
      this.generators =
          generators.length == 0
              ? EnumSet.noneOf(Generator.class)
              : EnumSet.copyOf(List.of(generators));
      return this;
    }

    /**
     * Adds synthetic data made elsewhere, evaluated in REPLACE and AUGMENT like a generator's.
     *
     * @param name the row name in the table ("copy", "saved model", ...)
     * @param source gives the synthetic matrix of run r (0-based), called once per run
     */
    public Builder synthetic(String name, IntFunction<InteractionMatrix> source) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(source, "source");
      if (synthetic.containsKey(name)) {
        throw new IllegalArgumentException("synthetic source " + name + " was added twice");
      }
      synthetic.put(name, source);
      return this;
    }

    /** Adds one synthetic matrix, the same in every run. */
    public Builder synthetic(String name, InteractionMatrix matrix) {
      Objects.requireNonNull(matrix, "matrix");
      if (matrix.columns() != train.columns()) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "synthetic %s must have the %d items of train, found %d",
                name,
                train.columns(),
                matrix.columns()));
      }
      return synthetic(name, run -> matrix);
    }

    /** Number of runs, at least 1 (default 5). */
    public Builder runs(int runs) {
      if (runs < 1) {
        throw new IllegalArgumentException("runs must be at least 1, found " + runs);
      }
      this.runs = runs;
      return this;
    }

    /** The fold-in split's seed and mode (default 123, NumPy-compatible). */
    public Builder split(long seed, FoldInSplit.Mode mode) {
      this.splitSeed = seed;
      this.splitMode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /** The cut-offs k (default 1, 3, 5, 10, 20, 50). */
    public Builder cutoffs(int... cutoffs) {
      if (cutoffs.length == 0) {
        throw new IllegalArgumentException("at least one cut-off is required, found none");
      }
      for (int k : cutoffs) {
        if (k < 1 || k > train.columns()) {
          throw new IllegalArgumentException(
              String.format(
                  Locale.ROOT,
                  "cut-off k must be in [1, %d] (the number of items), found %d",
                  train.columns(),
                  k));
        }
      }
      this.cutoffs = cutoffs.clone();
      return this;
    }

    /** Progress listener. */
    public Builder listener(Listener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Builds the experiment.
     *
     * @throws IllegalStateException if no recommender was added
     */
    public Experiment build() {
      if (recommenders.isEmpty()) {
        throw new IllegalStateException("add at least one recommender before build()");
      }
      if (generators.isEmpty()
          && synthetic.isEmpty()
          && (settings.contains(Setting.REPLACE) || settings.contains(Setting.AUGMENT))) {
        throw new IllegalStateException(
            "REPLACE and AUGMENT need synthetic data: keep a"
                + " generator or add a synthetic source, or measure ORIGINAL only");
      }
      return new Experiment(this);
    }
  }
}
