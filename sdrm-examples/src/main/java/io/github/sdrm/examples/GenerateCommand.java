package io.github.sdrm.examples;

import io.github.sdrm.Binarizer;
import io.github.sdrm.FittedSdrm;
import io.github.sdrm.Resolution;
import io.github.sdrm.Sdrm;
import io.github.sdrm.data.InteractionMatrix;
import io.github.sdrm.datasets.AtomicFiles;
import io.github.sdrm.datasets.InteractionWriter;
import io.github.sdrm.datasets.LabeledMatrix;
import io.github.sdrm.datasets.MatrixMarket;
import io.github.sdrm.datasets.TripletCsv;
import java.io.IOException;
import java.io.UncheckedIOException;
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

  @Option(
      names = "--from",
      paramLabel = "U",
      description =
          "write only users [U, --to) of the job of --users users (a shard; default 0). Shards of"
              + " one job agree bit for bit with the whole job; cut at multiples of the"
              + " generation batch size (1000 by default) to waste nothing")
  Integer from;

  @Option(
      names = "--to",
      paramLabel = "U",
      description = "end of the shard, exclusive (default: --users)")
  Integer to;

  @Option(
      names = "--exact-threshold",
      description =
          "equal-sparsity with the exact quantile of this job's own logits (the paper's rule;"
              + " holds users x items floats in memory, no shards). Default: the model's"
              + " threshold from a 4,096-user sample, streamed in bounded memory")
  boolean exactThreshold;

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
    boolean mtx =
        InteractionWriter.Format.forPath(output) == InteractionWriter.Format.MATRIX_MARKET;
    if (binarize == Binarize.RAW && mtx) {
      throw new IllegalArgumentException("--binarize raw writes logits and needs a CSV output");
    }
    InputFiles.requireParentFolder(output, "--output");
    Sdrm.Builder builder = model.builder();
    long trainingSeed = seed != null ? seed : Sdrm.DEFAULT_SEED;
    LabeledMatrix data = InputFiles.load(input, format);
    int n = users != null ? users : data.matrix().rows();
    int lo = from != null ? from : 0;
    int hi = to != null ? to : n;
    if (lo < 0 || lo > hi || hi > n) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "expected 0 <= --from <= --to <= --users (%d), found --from %d --to %d",
              n,
              lo,
              hi));
    }
    if (exactThreshold && binarize != Binarize.EQUAL_SPARSITY) {
      throw new IllegalArgumentException("--exact-threshold applies to --binarize equal-sparsity");
    }
    if (exactThreshold && (lo != 0 || hi != n)) {
      throw new IllegalArgumentException(
          "--exact-threshold takes the quantile of the whole job; it cannot be used with"
              + " --from / --to");
    }
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
    long generationSeed = seed != null ? seed : fitted.provenance().generationSeed();
    List<String> itemIds = data.itemIds();
    String rule = exactThreshold ? "exact quantile" : "logit > 0";
    if (binarize == Binarize.EQUAL_SPARSITY && !exactThreshold) {
      // computed (or read from a loaded model) before saving, so the saved model carries it
      double threshold =
          fitted.equalSparsityThreshold(resolution, fitted.provenance().fitDensity());
      rule =
          String.format(
              Locale.ROOT,
              "threshold %.5f from a %d-user sample",
              threshold,
              FittedSdrm.THRESHOLD_SAMPLE_USERS);
    }
    if (saveModel != null) {
      fitted.save(saveModel);
    }
    if (binarize == Binarize.RAW) {
      try {
        writeRawCsv(output, fitted, n, lo, hi, generationSeed, itemIds);
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      cli.out.printf(
          Locale.ROOT,
          "wrote %s: logits of users [%d, %d) of %d synthetic users x %d items%n",
          output,
          lo,
          hi,
          n,
          fitted.items());
      return 0;
    }
    if (exactThreshold) {
      InteractionMatrix synthetic =
          binarizer.apply(
              fitted.generateScores(n, resolution, generationSeed).data().asFloat(),
              n,
              fitted.items(),
              fitted.provenance().fitDensity());
      LabeledMatrix labeled = new LabeledMatrix(synthetic, null, itemIds);
      if (mtx) {
        MatrixMarket.write(output, labeled);
      } else {
        TripletCsv.write(output, labeled);
      }
      report(synthetic.rows(), synthetic.storedCount(), n, lo, hi, data, rule);
      return 0;
    }
    Progress.StatusLine status = progress.status(cli.err);
    long started = System.nanoTime();
    long[] nextReport = {started + 10_000_000_000L};
    try (InteractionWriter writer =
        InteractionWriter.open(
            output, InteractionWriter.Format.forPath(output), hi - lo, fitted.items(), itemIds)) {
      fitted.generateRows(
          n,
          lo,
          hi,
          resolution,
          generationSeed,
          binarizer,
          (user, cols, count) -> {
            try {
              writer.writeRow(cols, count);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
            long now = System.nanoTime();
            // at most every 10 s, and only after whole blocks (the first rows arrive together)
            int done = user + 1 - lo;
            if (now >= nextReport[0] && (done % 1000 == 0 || user + 1 == hi)) {
              nextReport[0] = now + 10_000_000_000L;
              status.accept(
                  String.format(
                      Locale.ROOT,
                      "generate: %d/%d users (%d %%), %.0f users/s",
                      done,
                      hi - lo,
                      100L * done / Math.max(1, hi - lo),
                      done / ((now - started) / 1e9)));
            }
          });
      writer.commit();
      status.finish();
      report(writer.rowsWritten(), writer.entriesWritten(), n, lo, hi, data, rule);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return 0;
  }

  private void report(
      int rows, long entries, int n, int lo, int hi, LabeledMatrix data, String rule) {
    String range =
        lo == 0 && hi == n ? "" : String.format(Locale.ROOT, " [%d, %d) of %d", lo, hi, n);
    cli.out.printf(
        Locale.ROOT,
        "wrote %s: %d synthetic users%s x %d items, %d interactions"
            + " (density %.5f; input %.5f; %s)%n",
        output,
        rows,
        range,
        data.matrix().columns(),
        entries,
        rows == 0 ? 0.0 : (double) entries / ((long) rows * data.matrix().columns()),
        data.matrix().density(),
        rule);
  }

  /** Logits as {@code user,item,logit} lines, users numbered from 0 within the range. */
  private void writeRawCsv(
      Path output, FittedSdrm fitted, int n, int lo, int hi, long seed, List<String> items)
      throws IOException {
    int columns = fitted.items();
    AtomicFiles.writeText(
        output,
        out -> {
          out.write("user,item,logit\n");
          fitted.generateScores(
              n,
              lo,
              hi,
              resolution,
              seed,
              (first, count, logits) -> {
                try {
                  for (int u = 0; u < count; u++) {
                    String user = Integer.toString(first - lo + u);
                    for (int i = 0; i < columns; i++) {
                      out.write(user);
                      out.write(',');
                      out.write(items == null ? Integer.toString(i) : items.get(i));
                      out.write(',');
                      out.write(Float.toString(logits[u * columns + i]));
                      out.write('\n');
                    }
                  }
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
        });
  }
}
