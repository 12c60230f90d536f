package io.github.sdrm.examples;

import io.github.sdrm.FittedSdrm;
import io.github.sdrm.Sdrm;
import io.github.sdrm.VaeValidation;
import io.github.sdrm.data.InteractionMatrix;
import io.github.sdrm.datasets.AtomicFiles;
import io.github.sdrm.datasets.TripletCsv;
import io.github.sdrm.eval.RankingMetrics;
import io.github.sdrm.recsys.Experiment;
import io.github.sdrm.recsys.MlpRecommender;
import io.github.sdrm.recsys.Recommender;
import io.github.sdrm.recsys.ReferenceNeuMfExperiment;
import io.github.sdrm.recsys.ResultTable;
import io.github.sdrm.recsys.Setting;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reproduces one row group of the paper's table from the reference splits: dataset × recommender
 * with the preset of that pair, the chosen settings (default ORIGINAL, REPLACE and AUGMENT),
 * F-SDRM, M-SDRM and MultiVAE, several runs; prints the Markdown table and the wall time and writes
 * CSV. The command line's {@code sdrm reproduce} calls {@link #run}; this main is that command.
 */
public final class Reproduce {
  private Reproduce() {}

  /**
   * What to reproduce.
   *
   * @param dataset a folder name under {@code data/sdrm-splits} (ml-100k, alb, adm)
   * @param recommender svd, mlp or neumf
   * @param runs how many runs, each retraining the generator with the next seed
   * @param csv where to write the table as CSV, or null
   * @param data the data directory holding {@code sdrm-splits}
   * @param settings the settings to measure, not empty
   * @param vaeValidation how the VAE's early stopping validates
   * @param fixedVaeEpochs 0 for early stopping, else train the VAE exactly this many epochs
   * @param threads BLAS threads
   * @param referenceNeuMf for neumf: evaluate with the reference's protocol ({@link
   *     ReferenceNeuMfExperiment}) instead of the library's
   * @param neumfValidZeros for the reference NeuMF protocol: which runs get VALID's stored zeros
   * @param seed the first run's generator seed; run i uses seed + i (so a reproduction can be split
   *     into single runs and their CSVs merged)
   * @param preset a preset name or file, or null for the published preset of the pair
   * @param mlpFirstLayer for mlp: the first layer's parameterisation
   */
  public record Request(
      String dataset,
      String recommender,
      int runs,
      Path csv,
      Path data,
      Set<Setting> settings,
      VaeValidation vaeValidation,
      int fixedVaeEpochs,
      int threads,
      boolean referenceNeuMf,
      ReferenceNeuMfExperiment.ValidZeros neumfValidZeros,
      long seed,
      String preset,
      MlpRecommender.FirstLayer mlpFirstLayer) {
    /** Checks every field; messages name the field, the expected and the found value. */
    public Request {
      Objects.requireNonNull(dataset, "dataset");
      Objects.requireNonNull(recommender, "recommender");
      Objects.requireNonNull(data, "data");
      Objects.requireNonNull(vaeValidation, "vaeValidation");
      Objects.requireNonNull(neumfValidZeros, "neumfValidZeros");
      Objects.requireNonNull(mlpFirstLayer, "mlpFirstLayer");
      if (!Set.of("svd", "mlp", "neumf").contains(recommender)) {
        throw new IllegalArgumentException(
            "recommender must be one of svd, mlp, neumf; found '" + recommender + "'");
      }
      if (runs < 1) {
        throw new IllegalArgumentException("runs must be at least 1, found " + runs);
      }
      if (settings == null || settings.isEmpty()) {
        throw new IllegalArgumentException("at least one setting is required, found none");
      }
      if (fixedVaeEpochs < 0) {
        throw new IllegalArgumentException(
            "fixed VAE epochs must be at least 0, found " + fixedVaeEpochs);
      }
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be at least 1, found " + threads);
      }
      settings = Set.copyOf(settings);
    }

    /** The {@code sdrm reproduce} command line that makes this request. */
    String command() {
      StringBuilder b =
          new StringBuilder("sdrm reproduce --dataset ")
              .append(dataset)
              .append(" --recommender ")
              .append(recommender)
              .append(" --runs ")
              .append(runs);
      if (settings.size() < 3) {
        b.append(" --settings ")
            .append(
                String.join(
                    ",",
                    settings.stream()
                        .sorted()
                        .map(x -> x.name().toLowerCase(Locale.ROOT))
                        .toList()));
      }
      if (seed != io.github.sdrm.Sdrm.DEFAULT_SEED) {
        b.append(" --seed ").append(seed);
      }
      if (preset != null) {
        b.append(" --preset ").append(preset);
      }
      if (vaeValidation != VaeValidation.REFERENCE) {
        b.append(" --vae-validation leak-free");
      }
      if (fixedVaeEpochs > 0) {
        b.append(" --vae-epochs ").append(fixedVaeEpochs);
      }
      if (recommender.equals("neumf") && !referenceNeuMf) {
        b.append(" --neumf-protocol library");
      }
      if (recommender.equals("neumf")
          && referenceNeuMf
          && neumfValidZeros != ReferenceNeuMfExperiment.ValidZeros.FIRST_RUN) {
        b.append(" --neumf-valid-zeros ").append(validZerosOption(neumfValidZeros));
      }
      if (recommender.equals("mlp") && mlpFirstLayer != MlpRecommender.FirstLayer.DENSE) {
        b.append(" --mlp-first-layer ").append(SdrmCli.Choice.name(mlpFirstLayer));
      }
      return b.toString();
    }
  }

  /** The command line's name for a {@link ReferenceNeuMfExperiment.ValidZeros}: first-run, ... */
  static String validZerosOption(ReferenceNeuMfExperiment.ValidZeros v) {
    return SdrmCli.Choice.name(v);
  }

  /**
   * Runs {@code sdrm reproduce} with these arguments, for example {@code --dataset ml-100k
   * --recommender svd --runs 5 --csv results.csv} (see {@code --help}).
   */
  public static void main(String[] args) {
    String[] all = new String[args.length + 1];
    all[0] = "reproduce";
    System.arraycopy(args, 0, all, 1, args.length);
    SdrmCli.main(all);
  }

  /**
   * Runs a reproduction, printing progress, the table and the wall time to {@code out}.
   *
   * @return the table
   * @throws IllegalArgumentException if the dataset has no reference splits or no preset exists
   * @throws IOException if a split cannot be read or the CSV cannot be written
   */
  public static ResultTable run(Request r, PrintStream out) throws IOException {
    Path dir = InputFiles.splits(r.data(), r.dataset());
    Sdrm.Builder preset =
        Presets.get(r.preset() != null ? r.preset() : r.dataset() + "/" + r.recommender())
            .threads(r.threads())
            .elementwiseThreads(1)
            .vaeValidation(r.vaeValidation())
            .seed(r.seed());
    if (r.fixedVaeEpochs() > 0) {
      preset.vaeEarlyStopping(false).vaeMaxEpochs(r.fixedVaeEpochs());
    }
    InteractionMatrix train = TripletCsv.read(dir.resolve(r.dataset() + "_train_test.csv"));
    InteractionMatrix valid = TripletCsv.read(dir.resolve(r.dataset() + "_valid.csv"));
    // the request accepts only the paper's three; the names are the command line's
    Supplier<Recommender> factory =
        r.recommender().equals("mlp")
            ? () -> new MlpRecommender(r.mlpFirstLayer())
            : RecommenderNames.factory(r.recommender());
    long t0 = System.nanoTime();
    List<String> vaeEpochs = new ArrayList<>();
    Experiment.Listener progress =
        new Experiment.Listener() {
          @Override
          public void onRunStart(int run, int total) {
            out.printf(Locale.ROOT, "run %d/%d (%.0f s)%n", run + 1, total, seconds(t0));
          }

          @Override
          public void onGeneratorFitted(int run, FittedSdrm model) {
            vaeEpochs.add(
                model.provenance().vaeEpochs() + "(" + model.provenance().vaeBestEpoch() + ")");
            out.printf(
                Locale.ROOT,
                "  generator: VAE %d epochs, best epoch %d, validation"
                    + " Recall@10 %.4f (%.0f s)%n",
                model.provenance().vaeEpochs(),
                model.provenance().vaeBestEpoch(),
                model.provenance().vaeBestRecall(),
                seconds(t0));
          }

          @Override
          public void onResult(int run, ResultTable.Key key, RankingMetrics.Result result) {
            out.printf(
                Locale.ROOT,
                "  %s %s: Recall@10 %.4f NDCG@10 %.4f (%.0f s)%n",
                key.setting(),
                key.generator(),
                result.recall(10),
                result.ndcg(10),
                seconds(t0));
          }
        };
    ResultTable table;
    if (r.recommender().equals("neumf") && r.referenceNeuMf()) {
      out.println(
          "NeuMF with the reference's evaluation protocol (ReferenceNeuMfExperiment: its own"
              + " positives-only split, VALID's zeros: "
              + validZerosOption(r.neumfValidZeros())
              + ", its row-dropping rule, synthetic negatives from the lowest logits, M-SDRM rows"
              + " from the F-SDRM logits, one epoch); --neumf-protocol library for the library's"
              + " own");
      table =
          ReferenceNeuMfExperiment.builder(r.dataset(), train, valid)
              .sdrm(preset.build())
              .runs(r.runs())
              .settings(r.settings().toArray(new Setting[0]))
              .validZeros(r.neumfValidZeros())
              .listener(progress)
              .build()
              .run();
    } else {
      table =
          Experiment.builder(r.dataset(), train, valid)
              .sdrm(preset.build())
              .recommender(r.recommender(), factory)
              .runs(r.runs())
              .settings(r.settings().toArray(new Setting[0]))
              .listener(progress)
              .build()
              .run();
    }
    double wall = seconds(t0);
    out.printf(Locale.ROOT, "%n%s%nwall time %.0f s%n", table.toMarkdown(), wall);
    if (r.csv() != null) {
      // what ResultsPage puts beside the figures: the command, protocol, wall time, VAE epochs;
      // the seeds let it merge the CSVs of a reproduction split into separate commands
      String csv =
          String.format(
                  Locale.ROOT,
                  "# command: %s%n# protocol: %s%n# wall_seconds: %.0f%n# vae_epochs: %s%n"
                      + "# seeds: %s%n",
                  r.command(),
                  r.recommender().equals("neumf")
                      ? (!r.referenceNeuMf()
                          ? "library"
                          : r.neumfValidZeros() == ReferenceNeuMfExperiment.ValidZeros.FIRST_RUN
                              ? "reference"
                              : "reference, VALID zeros " + validZerosOption(r.neumfValidZeros()))
                      : r.recommender().equals("mlp")
                              && r.mlpFirstLayer() == MlpRecommender.FirstLayer.VALUE_EMBEDDING
                          ? "paper, value-embedding first layer"
                          : "paper",
                  wall,
                  String.join(" ", vaeEpochs),
                  String.join(
                      " ",
                      java.util.stream.LongStream.range(r.seed(), r.seed() + r.runs())
                          .mapToObj(Long::toString)
                          .toList()))
              + table.toCsv();
      AtomicFiles.writeText(r.csv(), w -> w.write(csv));
      out.println("wrote " + r.csv());
    }
    return table;
  }

  private static double seconds(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }
}
