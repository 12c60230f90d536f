package io.github.sdrm.examples;

import io.github.sdrm.Sdrm;
import io.github.sdrm.data.InteractionMatrix;
import io.github.sdrm.datasets.AtomicFiles;
import io.github.sdrm.datasets.Dataset;
import io.github.sdrm.datasets.Preprocessing;
import io.github.sdrm.datasets.RatingsFormat;
import io.github.sdrm.datasets.RawRatings;
import io.github.sdrm.datasets.TripletCsv;
import io.github.sdrm.recsys.Generator;
import io.github.sdrm.recsys.Setting;
import io.github.sdrm.recsys.tune.MedianPruner;
import io.github.sdrm.recsys.tune.Parameter;
import io.github.sdrm.recsys.tune.Pruner;
import io.github.sdrm.recsys.tune.RandomSampler;
import io.github.sdrm.recsys.tune.Sampler;
import io.github.sdrm.recsys.tune.SdrmObjective;
import io.github.sdrm.recsys.tune.SearchSpace;
import io.github.sdrm.recsys.tune.Study;
import io.github.sdrm.recsys.tune.TpeSampler;
import io.github.sdrm.recsys.tune.Trial;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code sdrm tune}: the authors' hyperparameter search, seeded, journaled and resumable. */
@Command(
    name = "tune",
    sortOptions = false,
    description = {
      "Search SDRM's hyperparameters with TPE (Optuna's defaults) or random search. Each trial"
          + " trains SDRM with the trial's seed and scores a recommender (default: Recall@10 of"
          + " SVD on AUGMENT with F-SDRM, as the authors). By default trials are scored on a"
          + " tuning split carved from the training users, so the validation users of the final"
          + " table stay unseen; --objective-on valid scores on them, as the authors did"
          + " (optimistic). Every finished trial is appended to the journal; --resume continues"
          + " it with the trials an uninterrupted search would have run."
    })
final class TuneCommand implements Callable<Integer> {
  /** The sampler. */
  enum SamplerChoice {
    TPE,
    RANDOM
  }

  /** Where trials are scored. */
  enum ObjectiveOn {
    /** A seeded split of the training users, as large as the validation users. */
    TUNING,
    /** The validation users, as the authors. */
    VALID
  }

  /** The generators, by command-line name. */
  enum GeneratorChoice {
    F_SDRM(Generator.F_SDRM),
    M_SDRM(Generator.M_SDRM),
    MULTIVAE(Generator.MULTIVAE);

    final Generator generator;

    GeneratorChoice(Generator g) {
      this.generator = g;
    }
  }

  /** Exactly one source of data. */
  static final class Source {
    @Option(
        names = "--dataset",
        required = true,
        paramLabel = "NAME",
        description =
            "the paper's splits (DIR/sdrm-splits/NAME: TRAIN = NAME_train_test.csv,"
                + " validation = NAME_valid.csv)")
    String dataset;

    @Option(
        names = "--input",
        required = true,
        paramLabel = "FILE",
        description = "a ratings file, preprocessed as the paper (train+test vs validation)")
    Path input;
  }

  @ParentCommand SdrmCli cli;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  @Option(
      names = "--journal",
      required = true,
      paramLabel = "FILE",
      description = "the trials journal (JSON lines), appended after every trial")
  Path journal;

  @Option(names = "--resume", description = "continue an existing journal")
  boolean resume;

  @Option(names = "--trials", paramLabel = "N", description = "trials in all (default 40)")
  int trials = 40;

  @Option(
      names = "--timeout",
      paramLabel = "TIME",
      description = "start no trial after this long, e.g. 90s, 30m, 2h (default none)")
  String timeout;

  @Option(
      names = "--seed",
      paramLabel = "S",
      description = "sampler seed; trial i trains with" + " S + i (default 12345)")
  long seed = Sdrm.DEFAULT_SEED;

  @Option(names = "--sampler", paramLabel = "S", description = "tpe or random (default tpe)")
  SamplerChoice sampler = SamplerChoice.TPE;

  /** Early stopping of trials. */
  enum PruneChoice {
    /** Every trial runs all its runs. */
    NONE,
    /** Optuna's median rule on the mean after each run. */
    MEDIAN
  }

  @Option(
      names = "--prune",
      paramLabel = "P",
      description =
          "none or median: stop a trial after a run when its mean so far is below the median of"
              + " the complete trials' means after as many runs (Optuna's MedianPruner; needs"
              + " --runs > 1) (default none)")
  PruneChoice prune = PruneChoice.NONE;

  @Option(
      names = "--prune-startup",
      paramLabel = "N",
      description = "complete trials before pruning starts (default 5)")
  int pruneStartup = 5;

  @Option(
      names = "--space",
      paramLabel = "FILE",
      description = "a JSON search space (default: the authors' space)")
  Path space;

  @Option(
      names = "--objective-on",
      paramLabel = "USERS",
      description = "tuning (a split of the training users; default) or valid (the authors')")
  ObjectiveOn objectiveOn = ObjectiveOn.TUNING;

  @Option(
      names = "--recommender",
      paramLabel = "NAME",
      description = "svd, mlp or neumf (default svd)")
  String recommender = "svd";

  @Option(
      names = "--setting",
      paramLabel = "S",
      description = "augment or replace (default" + " augment)")
  Setting setting = Setting.AUGMENT;

  @Option(
      names = "--generator",
      paramLabel = "G",
      description = "f-sdrm, m-sdrm or multivae (default f-sdrm)")
  GeneratorChoice generator = GeneratorChoice.F_SDRM;

  @Option(names = "--ndcg", description = "optimise NDCG@k instead of Recall@k")
  boolean ndcg;

  @Option(names = "--k", paramLabel = "K", description = "the metric's cut-off (default 10)")
  int k = 10;

  @Option(
      names = "--runs",
      paramLabel = "N",
      description = "runs per trial (default 1; the" + " authors: 5)")
  int runs = 1;

  @Option(
      names = "--preset",
      paramLabel = "NAME",
      description = "the configuration the trials change (default: the library's defaults)")
  String preset;

  @Option(names = "--threads", paramLabel = "N", description = "BLAS threads (default 2)")
  int threads = 2;

  @Option(
      names = "--vae-epochs",
      paramLabel = "N",
      description = "train every trial's VAE exactly N epochs (default: early stopping)")
  Integer vaeEpochs;

  @Option(
      names = "--best-preset",
      paramLabel = "FILE",
      description = "write the best trial as a preset file (generate / reproduce --preset FILE)")
  Path bestPreset;

  @Option(
      names = "--report",
      paramLabel = "FILE",
      description = "write an HTML page: the objective per trial, the best so far, every trial")
  Path report;

  @Mixin DataDirOption data;

  @Mixin Progress progress;

  /** "90s", "30m", "2h" or ISO-8601 ("PT2H"). */
  static Duration duration(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    try {
      if (t.matches("[0-9]+[smh]")) {
        long n = Long.parseLong(t.substring(0, t.length() - 1));
        return switch (t.charAt(t.length() - 1)) {
          case 's' -> Duration.ofSeconds(n);
          case 'm' -> Duration.ofMinutes(n);
          default -> Duration.ofHours(n);
        };
      }
      return Duration.parse(text.strip().toUpperCase(Locale.ROOT));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "--timeout must be like 90s, 30m, 2h or PT2H, found '" + text + "'");
    }
  }

  @Override
  public Integer call() throws IOException {
    PrintStream out = cli.out;
    PrintStream err = cli.err;
    if (pruneStartup < 0) {
      throw new IllegalArgumentException(
          "--prune-startup must be at least 0, found " + pruneStartup);
    }
    if (trials < 1 || runs < 1 || k < 1 || threads < 1) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "--trials, --runs, --k and --threads must be at least 1, found %d, %d, %d, %d",
              trials,
              runs,
              k,
              threads));
    }
    if (setting == Setting.ORIGINAL) {
      throw new IllegalArgumentException("--setting must be augment or replace, found original");
    }
    Duration limit = timeout == null ? null : duration(timeout);
    InputFiles.requireParentFolder(journal, "--journal");
    if (Files.exists(journal) && Files.size(journal) > 0 && !resume) {
      throw new IllegalArgumentException(
          journal + " already holds trials; add --resume to continue it or choose another file");
    }
    if (bestPreset != null) {
      InputFiles.requireParentFolder(bestPreset, "--best-preset");
    }
    if (report != null) {
      InputFiles.requireParentFolder(report, "--report");
    }
    SearchSpace searchSpace = space == null ? SearchSpace.paper() : SearchSpace.read(space);
    var factory = RecommenderNames.factory(recommender);
    Sdrm.Builder baseBuilder =
        (preset == null ? Sdrm.builder() : Presets.get(preset))
            .threads(threads)
            .elementwiseThreads(1);
    if (vaeEpochs != null) {
      baseBuilder.vaeEarlyStopping(false).vaeMaxEpochs(vaeEpochs);
    }
    // a trial can take minutes: its training shows progress like generate's
    baseBuilder.listener(progress.listener(err));
    Sdrm base = baseBuilder.build();

    InteractionMatrix train;
    InteractionMatrix valid;
    String name;
    if ("embedded".equals(source.dataset)) {
      Dataset d = io.github.sdrm.datasets.SyntheticDataset.mlLike();
      name = "embedded";
      train = d.trainTest();
      valid = d.valid();
    } else if (source.dataset != null) {
      name = source.dataset;
      Path dir = InputFiles.splits(data.dir(), name);
      train = TripletCsv.read(dir.resolve(name + "_train_test.csv"));
      valid = TripletCsv.read(dir.resolve(name + "_valid.csv"));
    } else {
      InputFiles.requireFile(source.input);
      RatingsFormat format = RatingsFormat.detect(source.input);
      Dataset d = Preprocessing.defaults().apply(RawRatings.read(source.input, format));
      name = source.input.getFileName().toString();
      train = d.trainTest();
      valid = d.valid();
    }
    InteractionMatrix trialTrain = train;
    InteractionMatrix scored = valid;
    String where;
    if (objectiveOn == ObjectiveOn.TUNING) {
      InteractionMatrix[] split = SdrmObjective.tuningSplit(train, valid.rows(), seed);
      trialTrain = split[0];
      scored = split[1];
      where =
          String.format(
              Locale.ROOT,
              "a tuning split of %d of the %d training users (seed %d); the %d validation users"
                  + " are not used",
              scored.rows(),
              train.rows(),
              seed,
              valid.rows());
    } else {
      where =
          "the "
              + valid.rows()
              + " VALIDATION users, as the authors: the best value is optimistic for those users";
    }
    String metric = (ndcg ? "NDCG@" : "Recall@") + k;
    out.printf(
        Locale.ROOT,
        "tune %s: %s of %s, %s, %s; %s sampler, %d trials, %d run(s) each%s; scored on %s%n",
        name,
        metric,
        recommender,
        setting,
        generator.generator.displayName(),
        sampler.name().toLowerCase(Locale.ROOT),
        trials,
        runs,
        prune == PruneChoice.MEDIAN ? ", median pruning after " + pruneStartup + " trials" : "",
        where);
    SdrmObjective objective =
        new SdrmObjective(
            base,
            searchSpace,
            trialTrain,
            scored,
            recommender,
            factory,
            setting,
            generator.generator,
            k,
            ndcg,
            runs);
    Sampler s = sampler == SamplerChoice.TPE ? new TpeSampler(seed) : new RandomSampler(seed);
    List<Trial> all =
        Study.builder(searchSpace, s, objective)
            .journal(journal)
            .trials(trials)
            .timeout(limit)
            .seed(seed)
            .resume(resume)
            .pruner(prune == PruneChoice.MEDIAN ? new MedianPruner(pruneStartup, 0) : Pruner.NONE)
            .listener(
                (t, best, total) ->
                    err.printf(
                        Locale.ROOT,
                        "trial %d/%d: %s, %.0f s%s; best %s%n",
                        t.number() + 1,
                        total,
                        switch (t.state()) {
                          case COMPLETE -> String.format(Locale.ROOT, "%s %.4f", metric, t.value());
                          case PRUNED -> "PRUNED (" + t.message() + ")";
                          default -> "FAILED (" + t.message() + ")";
                        },
                        t.seconds(),
                        t.vaeEpochs() > 0 ? ", VAE " + t.vaeEpochs() + " epochs" : "",
                        best == null
                            ? "none yet"
                            : String.format(
                                Locale.ROOT, "%.4f (trial %d)", best.value(), best.number() + 1)))
            .build()
            .run();
    Trial best = Study.best(all);
    if (best == null) {
      out.println("no trial completed; see " + journal);
      return 1;
    }
    Map<String, String> values = presetValues(searchSpace, best);
    out.printf(
        Locale.ROOT,
        "%nbest: trial %d of %d, %s %.4f on %s%n%n%s%n",
        best.number() + 1,
        all.size(),
        metric,
        best.value(),
        objectiveOn == ObjectiveOn.TUNING ? "the tuning split" : "the validation users",
        builderCall(values));
    if (bestPreset != null) {
      Presets.write(
          bestPreset,
          String.format(
              Locale.ROOT,
              "sdrm tune %s: best of %d trials (trial %d), %s %.4f of %s on %s, %s, %s%n"
                  + "journal %s; the rest of the configuration: %s",
              name,
              all.size(),
              best.number() + 1,
              metric,
              best.value(),
              recommender,
              setting,
              generator.generator.displayName(),
              objectiveOn == ObjectiveOn.TUNING ? "the tuning split" : "the validation users",
              journal,
              preset == null ? "the library's defaults" : "preset " + preset),
          values);
      out.println("wrote " + bestPreset + " (use it with --preset " + bestPreset + ")");
    }
    if (report != null) {
      String html = TuneReport.html(name, metric, where, searchSpace, all);
      AtomicFiles.writeText(report, w -> w.write(html));
      out.println("wrote " + report);
    }
    return 0;
  }

  /** The best trial's values as preset lines (H raised to d as the objective did). */
  static Map<String, String> presetValues(SearchSpace space, Trial best) {
    Map<String, String> values = new LinkedHashMap<>();
    for (Parameter p : space.parameters()) {
      Double v = best.params().get(p.name());
      if (v != null) {
        values.put(p.name(), p.format(v));
      }
    }
    if (values.containsKey("latentSize") && values.containsKey("vaeHiddenSize")) {
      int d = Integer.parseInt(values.get("latentSize"));
      if (Integer.parseInt(values.get("vaeHiddenSize")) < d) {
        values.put("vaeHiddenSize", Integer.toString(d));
      }
    }
    return values;
  }

  /** The values as a Java builder call. */
  static String builderCall(Map<String, String> values) {
    StringBuilder b = new StringBuilder("Sdrm.builder()");
    values.forEach((k, v) -> b.append("\n    .").append(k).append('(').append(v).append(')'));
    return b.append("\n    .build();").toString();
  }
}
