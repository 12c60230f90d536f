package io.github.sdrm.examples;

import io.github.sdrm.FittedSdrm;
import io.github.sdrm.Sdrm;
import io.github.sdrm.data.InteractionMatrix;
import io.github.sdrm.recsys.Experiment;
import io.github.sdrm.recsys.Generator;
import io.github.sdrm.recsys.ResultTable;
import io.github.sdrm.recsys.audit.FidelityStatistics;
import io.github.sdrm.recsys.audit.PrivacyAudit;
import io.github.sdrm.recsys.audit.PrivacyReport;
import io.github.sdrm.recsys.audit.ReferenceGenerators;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The evidence behind one synthetic dataset: privacy attacks, fidelity statistics and utility, for
 * SDRM's generators (or a given synthetic matrix) and the two reference generators, copy and
 * independent, that bracket them.
 *
 * <p>Members are the {@code train} users, the only ones a generator is trained on; the {@code test}
 * users are real non-members for the attacks; the {@code valid} users score utility by the fold-in
 * protocol (ORIGINAL / REPLACE / AUGMENT with {@link Experiment}). Privacy and fidelity are
 * measured on run 0's synthetic data; utility over every run, each retraining the generator with
 * seed {@code seed + run}.
 */
final class SyntheticDataReport {
  /** Cut-offs reported. */
  static final int[] CUTOFFS = {5, 10, 20};

  /** What a generator produced and how it measured. */
  record GeneratorResult(
      String name,
      String kind,
      PrivacyReport privacy,
      FidelityStatistics.Result fidelity,
      int[] itemCounts,
      int[] degrees) {}

  /** The whole report. */
  record Data(
      String dataset,
      String source,
      int trainUsers,
      int testUsers,
      int validUsers,
      int items,
      double trainDensity,
      String configuration,
      long seed,
      int runs,
      List<String> recommenders,
      int[] realItemCounts,
      int[] realDegrees,
      List<GeneratorResult> generators,
      ResultTable utility,
      Map<String, Double> stageSeconds,
      List<String> notes) {

    /** The result of a generator by name. */
    GeneratorResult generator(String name) {
      for (GeneratorResult g : generators) {
        if (g.name().equals(name)) {
          return g;
        }
      }
      throw new IllegalArgumentException("no generator " + name);
    }
  }

  /** Names of the two reference generators. */
  static final String COPY = "copy";

  static final String INDEPENDENT = "independent";

  private final String dataset;
  private final String source;
  private final InteractionMatrix train;
  private final InteractionMatrix test;
  private final InteractionMatrix valid;
  private final Sdrm sdrm;
  private final InteractionMatrix givenSynthetic;
  private final List<String> recommenders;
  private final int runs;
  private final long seed;
  private final Consumer<String> progress;
  private final List<String> notes = new ArrayList<>();

  SyntheticDataReport(
      String dataset,
      String source,
      InteractionMatrix train,
      InteractionMatrix test,
      InteractionMatrix valid,
      Sdrm sdrm,
      InteractionMatrix synthetic,
      List<String> recommenders,
      int runs,
      long seed,
      Consumer<String> progress) {
    this.dataset = Objects.requireNonNull(dataset, "dataset");
    this.source = Objects.requireNonNull(source, "source");
    this.train = Objects.requireNonNull(train, "train");
    this.test = Objects.requireNonNull(test, "test");
    this.valid = Objects.requireNonNull(valid, "valid");
    if (train.columns() != test.columns() || train.columns() != valid.columns()) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "train, test and valid must have the same items, found %d, %d and %d",
              train.columns(),
              test.columns(),
              valid.columns()));
    }
    if (train.rows() < 2 || test.rows() < 2 || valid.rows() < 1) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "the report needs at least 2 train, 2 test and 1 valid users, found %d, %d and %d",
              train.rows(),
              test.rows(),
              valid.rows()));
    }
    if ((sdrm == null) == (synthetic == null)) {
      throw new IllegalArgumentException("give either an SDRM configuration or synthetic data");
    }
    if (synthetic != null && synthetic.columns() != train.columns()) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "the synthetic data must have the dataset's %d items, found %d",
              train.columns(),
              synthetic.columns()));
    }
    for (String r : recommenders) {
      RecommenderNames.factory(r);
    }
    if (runs < 1) {
      throw new IllegalArgumentException("runs must be at least 1, found " + runs);
    }
    this.sdrm = sdrm;
    this.givenSynthetic = synthetic;
    this.recommenders = List.copyOf(recommenders);
    this.runs = runs;
    this.seed = seed;
    this.progress = progress == null ? s -> {} : progress;
  }

  /** Runs everything. */
  Data run() {
    Map<String, Double> seconds = new LinkedHashMap<>();
    Map<String, InteractionMatrix> first = syntheticOfRun(0, seconds);
    long t0 = System.nanoTime();
    PrivacyAudit audit = PrivacyAudit.builder(train, test).seed(seed).build();
    List<GeneratorResult> results = new ArrayList<>();
    for (Map.Entry<String, InteractionMatrix> e : first.entrySet()) {
      long t = System.nanoTime();
      InteractionMatrix s = e.getValue();
      PrivacyReport p = audit.audit(s);
      FidelityStatistics.Result f = FidelityStatistics.compare(train, s);
      results.add(
          new GeneratorResult(
              e.getKey(),
              kind(e.getKey()),
              p,
              f,
              FidelityStatistics.itemCounts(s),
              FidelityStatistics.degrees(s)));
      progress.accept(
          String.format(
              Locale.ROOT,
              "privacy and fidelity of %s: %.1f s",
              e.getKey(),
              (System.nanoTime() - t) / 1e9));
    }
    seconds.put("privacy and fidelity", (System.nanoTime() - t0) / 1e9);

    t0 = System.nanoTime();
    // the synthetic matrices of the run being scored, made once per run (run 0's are already
    // made); a run's matrices are dropped when the next run starts
    Map<Integer, Map<String, InteractionMatrix>> current = new HashMap<>(Map.of(0, first));
    Experiment.Builder ex =
        Experiment.builder(dataset, train, valid)
            .generators()
            .runs(runs)
            .cutoffs(CUTOFFS)
            .listener(
                new Experiment.Listener() {
                  @Override
                  public void onResult(
                      int run,
                      ResultTable.Key key,
                      io.github.sdrm.eval.RankingMetrics.Result result) {
                    progress.accept(
                        String.format(
                            Locale.ROOT,
                            "run %d/%d %s %s %s: Recall@10 %.4f",
                            run + 1,
                            runs,
                            key.recommender(),
                            key.setting(),
                            key.generator(),
                            result.recall(10)));
                  }
                });
    for (String r : recommenders) {
      ex.recommender(r, RecommenderNames.factory(r));
    }
    if (!recommenders.contains("popularity")) {
      ex.recommender("popularity", RecommenderNames.factory("popularity"));
    }
    for (String name : first.keySet()) {
      ex.synthetic(
          name,
          run -> {
            if (!current.containsKey(run)) {
              current.clear();
              current.put(run, syntheticOfRun(run, seconds));
            }
            return current.get(run).get(name);
          });
    }
    ResultTable utility = ex.build().run();
    seconds.put("utility", (System.nanoTime() - t0) / 1e9);
    return new Data(
        dataset,
        source,
        train.rows(),
        test.rows(),
        valid.rows(),
        train.columns(),
        train.density(),
        sdrm == null ? "synthetic data given; no generator trained" : sdrm.toString(),
        seed,
        runs,
        recommenders,
        FidelityStatistics.itemCounts(train),
        FidelityStatistics.degrees(train),
        results,
        utility,
        seconds,
        List.copyOf(notes));
  }

  private static String kind(String name) {
    return switch (name) {
      case COPY -> "reference: re-emits member rows (full memorisation)";
      case INDEPENDENT -> "reference: item frequency x user activity (no memorisation)";
      case "synthetic" -> "the given synthetic data";
      default -> "SDRM";
    };
  }

  private Map<String, InteractionMatrix> syntheticOfRun(int run, Map<String, Double> seconds) {
    Map<String, InteractionMatrix> out = new LinkedHashMap<>();
    int n = train.rows();
    if (sdrm != null) {
      long t = System.nanoTime();
      progress.accept(
          String.format(
              Locale.ROOT, "run %d/%d: training SDRM on %d train users", run + 1, runs, n));
      FittedSdrm model = sdrm.toBuilder().seed(sdrm.seed() + run).build().fit(train);
      if (run == 0) {
        notes.add(
            String.format(
                Locale.ROOT,
                "run 1: the VAE trained %d epochs and kept epoch"
                    + " %d (validation Recall@10 %.4f); library %s",
                model.provenance().vaeEpochs(),
                model.provenance().vaeBestEpoch() + 1,
                model.provenance().vaeBestRecall(),
                model.provenance().libraryVersion()));
      }
      seconds.merge("training", (System.nanoTime() - t) / 1e9, Double::sum);
      t = System.nanoTime();
      for (Generator g : Generator.values()) {
        out.put(g.displayName(), g.generate(model, n));
      }
      seconds.merge("generation", (System.nanoTime() - t) / 1e9, Double::sum);
    } else {
      out.put("synthetic", givenSynthetic);
    }
    out.put(COPY, ReferenceGenerators.copy(train, n, seed + run));
    out.put(INDEPENDENT, ReferenceGenerators.independent(train, n, seed + run));
    return out;
  }
}
