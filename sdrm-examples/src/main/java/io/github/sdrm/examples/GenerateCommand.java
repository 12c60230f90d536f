package io.github.sdrm.examples;

import io.github.sdrm.Binarizer;
import io.github.sdrm.FittedSdrm;
import io.github.sdrm.Resolution;
import io.github.sdrm.Sdrm;
import io.github.sdrm.data.InteractionMatrix;
import io.github.sdrm.datasets.AtomicFiles;
import io.github.sdrm.datasets.LabeledMatrix;
import io.github.sdrm.datasets.MatrixMarket;
import io.github.sdrm.datasets.TripletCsv;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code sdrm generate}: train SDRM on a ratings file (or load a model) and write users. */
@Command(
    name = "generate",
    sortOptions = false,
    description =
        "Train SDRM on a ratings file (preprocessed as the paper does) or load a"
            + " saved model, and write synthetic users with the original item ids.")
final class GenerateCommand implements Callable<Integer> {
  /** How generated scores become interactions. */
  enum Binarize {
    /** As many ones as the training matrix has stored entries (the paper's rule). */
    EQUAL_SPARSITY,
    /** Ones where the logit is above zero. */
    ZERO,
    /** The raw logits (CSV only). */
    RAW
  }

  @ParentCommand SdrmCli cli;

  @Option(
      names = "--input",
      required = true,
      paramLabel = "FILE",
      description = "ratings or interactions file")
  Path input;

  @Option(
      names = "--format",
      paramLabel = "F",
      description =
          "u.data, ratings.dat, ratings.csv, amazon-csv, amazon-json, csv (split"
              + " triplets) or mtx (default: from the name and the first line)")
  String format;

  @Option(
      names = "--output",
      required = true,
      paramLabel = "FILE",
      description = "synthetic interactions: .mtx = Matrix Market, else CSV triplets")
  Path output;

  @Option(
      names = "--users",
      paramLabel = "N",
      description = "synthetic users (default: as many as the input has)")
  Integer users;

  @Option(
      names = "--resolution",
      paramLabel = "R",
      description = "full (F-SDRM) or multi (M-SDRM) (default full)")
  Resolution resolution = Resolution.FULL;

  @Option(
      names = "--binarize",
      paramLabel = "RULE",
      description = "equal-sparsity, zero or raw (logits; CSV only) (default equal-sparsity)")
  Binarize binarize = Binarize.EQUAL_SPARSITY;

  @Option(
      names = "--seed",
      paramLabel = "S",
      description =
          "seed of training and generation (default "
              + Sdrm.DEFAULT_SEED
              + "; with --load-model, the model's generation seed)")
  Long seed;

  @Option(names = "--save-model", paramLabel = "FILE", description = "also save the model")
  Path saveModel;

  @Option(
      names = "--load-model",
      paramLabel = "FILE",
      description = "generate from a saved model instead of training")
  Path loadModel;

  @Mixin ModelOptions model;

  @Mixin Progress progress;

  @Override
  public Integer call() throws IOException {
    if (users != null && users < 0) {
      throw new IllegalArgumentException("--users must be at least 0, found " + users);
    }
    Binarizer binarizer =
        switch (binarize) {
          case EQUAL_SPARSITY -> Binarizer.equalSparsity();
          case ZERO -> Binarizer.zeroThreshold();
          case RAW -> Binarizer.raw();
        };
    boolean mtx = output.getFileName().toString().endsWith(".mtx");
    if (binarize == Binarize.RAW && mtx) {
      throw new IllegalArgumentException("--binarize raw writes logits and needs a CSV output");
    }
    InputFiles.requireParentFolder(output, "--output");
    Sdrm.Builder builder = model.builder();
    long trainingSeed = seed != null ? seed : Sdrm.DEFAULT_SEED;
    LabeledMatrix data = InputFiles.load(input, format);
    Sdrm sdrm =
        builder
            .seed(trainingSeed)
            .binarizer(binarizer)
            .listener(progress.listener(cli.err))
            .build();

    FittedSdrm fitted = loadModel != null ? FittedSdrm.load(loadModel) : sdrm.fit(data.matrix());
    if (fitted.items() != data.matrix().columns()) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "the model has %d items but %s has %d",
              fitted.items(),
              input,
              data.matrix().columns()));
    }
    if (saveModel != null) {
      fitted.save(saveModel);
    }
    int n = users != null ? users : data.matrix().rows();
    long generationSeed = seed != null ? seed : fitted.provenance().generationSeed();
    if (binarize == Binarize.RAW) {
      float[] logits = fitted.generateScores(n, resolution, generationSeed).data().asFloat();
      writeRawCsv(output, logits, n, data.itemIds(), fitted.items());
      cli.out.printf(
          Locale.ROOT,
          "wrote %s: logits of %d synthetic users x %d items%n",
          output,
          n,
          fitted.items());
      return 0;
    }
    InteractionMatrix synthetic =
        binarizer.apply(
            fitted.generateScores(n, resolution, generationSeed).data().asFloat(),
            n,
            fitted.items(),
            fitted.provenance().fitDensity());
    LabeledMatrix labeled = new LabeledMatrix(synthetic, null, data.itemIds());
    if (mtx) {
      MatrixMarket.write(output, labeled);
    } else {
      TripletCsv.write(output, labeled);
    }
    cli.out.printf(
        Locale.ROOT,
        "wrote %s: %d synthetic users x %d items, %d interactions"
            + " (density %.5f; input %.5f)%n",
        output,
        synthetic.rows(),
        synthetic.columns(),
        synthetic.storedCount(),
        synthetic.density(),
        data.matrix().density());
    return 0;
  }

  private static void writeRawCsv(
      Path output, float[] logits, int users, List<String> items, int columns) throws IOException {
    AtomicFiles.writeText(
        output,
        out -> {
          out.write("user,item,logit\n");
          for (int u = 0; u < users; u++) {
            for (int i = 0; i < columns; i++) {
              out.write(Integer.toString(u));
              out.write(',');
              out.write(items == null ? Integer.toString(i) : items.get(i));
              out.write(',');
              out.write(Float.toString(logits[u * columns + i]));
              out.write('\n');
            }
          }
        });
  }
}
