package io.github.sdrm.examples;

import io.github.sdrm.Binarizer;
import io.github.sdrm.Sdrm;
import io.github.sdrm.data.InteractionMatrix;
import io.github.sdrm.data.Permutations;
import io.github.sdrm.datasets.AtomicFiles;
import io.github.sdrm.datasets.Dataset;
import io.github.sdrm.datasets.Preprocessing;
import io.github.sdrm.datasets.RatingsFormat;
import io.github.sdrm.datasets.RawRatings;
import io.github.sdrm.datasets.SyntheticDataset;
import io.github.sdrm.datasets.TripletCsv;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code sdrm report}: privacy, fidelity and utility of synthetic data, as HTML and JSON. */
@Command(
    name = "report",
    sortOptions = false,
    description = {
      "Privacy, fidelity and utility of synthetic data: trains SDRM on the train users (or"
          + " reads --synthetic), attacks it with the test users as non-members, scores"
          + " recommenders on the validation users, and writes report.html (self-contained),"
          + " report.json beside it and a Markdown summary on standard output."
    })
final class ReportCommand implements Callable<Integer> {
  /** Members (train) versus non-members (test). */
  enum Split {
    /** A seeded random re-split of the train and test users. */
    RANDOM,
    /** The paper's split by user id. */
    ID_ORDER
  }

  /** The density that generated data is binarised to. */
  enum Density {
    /** The training matrix's stored density, stored zeros counted (the paper's rule). */
    STORED,
    /** The training matrix's density of likes. */
    ONES
  }

  /** Exactly one source of real data. */
  static final class Source {
    @Option(
        names = "--input",
        required = true,
        paramLabel = "FILE",
        description = "a ratings file, preprocessed and split 70/20/10 by users")
    Path input;

    @Option(
        names = "--dataset",
        required = true,
        paramLabel = "NAME",
        description =
            "the paper's splits (DIR/sdrm-splits/NAME: ml-100k, alb, adm) or"
                + " 'embedded' (the built-in dataset, no download)")
    String dataset;
  }

  @ParentCommand SdrmCli cli;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  @Option(
      names = "--output",
      required = true,
      paramLabel = "FILE",
      description = "the HTML report; FILE.json is written beside it")
  Path output;

  @Option(
      names = "--format",
      paramLabel = "F",
      description =
          "u.data, ratings.dat, ratings.csv, amazon-csv or amazon-json (default: from"
              + " the name and the first line)")
  String format;

  @Option(
      names = "--threshold",
      paramLabel = "X",
      description = "ratings >= X are likes" + " (default 4)")
  Double threshold;

  @Option(
      names = "--k-core",
      paramLabel = "K",
      description = "minimum likes per user and item (default 5)")
  Integer kCore;

  @Option(
      names = "--synthetic",
      paramLabel = "FILE",
      description =
          "audit this synthetic data instead of training SDRM (it must come from a"
              + " generator trained on the train users of the id-order split)")
  Path synthetic;

  @Option(
      names = "--recommenders",
      split = ",",
      paramLabel = "LIST",
      description = "comma-separated svd, mlp, neumf (default svd; popularity is always added)")
  List<String> recommenders = List.of("svd");

  @Option(
      names = "--runs",
      paramLabel = "N",
      description = "utility runs, each retraining the generator (default 1)")
  int runs = 1;

  @Option(
      names = "--seed",
      paramLabel = "S",
      description =
          "seed of training, attacks and reference generators (default " + Sdrm.DEFAULT_SEED + ")")
  long seed = Sdrm.DEFAULT_SEED;

  @Option(
      names = "--split",
      paramLabel = "HOW",
      description =
          "members vs non-members: random (a seeded re-split of train and test;"
              + " default) or id-order (the paper's; default with --synthetic)")
  Split split;

  @Option(
      names = "--density",
      paramLabel = "D",
      description =
          "binarise to the train matrix's stored density (stored, the paper's rule;"
              + " default) or to its density of likes (ones)")
  Density density = Density.STORED;

  @Mixin DataDirOption data;

  @Mixin ModelOptions model;

  @Mixin Progress progress;

  @Override
  public Integer call() throws IOException {
    PrintStream out = cli.out;
    PrintStream err = cli.err;
    InputFiles.requireParentFolder(output, "--output");
    String base = output.getFileName().toString();
    Path json =
        output.resolveSibling(
            (base.endsWith(".html") ? base.substring(0, base.length() - 5) : base) + ".json");
    List<String> names = recommenders.stream().map(String::strip).toList();
    for (String r : names) {
      RecommenderNames.factory(r);
    }
    if (runs < 1) {
      throw new IllegalArgumentException("--runs must be at least 1, found " + runs);
    }
    // a given synthetic file was made from a known split: the preprocessing's id order
    Split how = split != null ? split : synthetic != null ? Split.ID_ORDER : Split.RANDOM;
    Sdrm sdrm =
        synthetic != null
            ? null
            : model.builder().seed(seed).listener(progress.listener(err)).build();

    InteractionMatrix train;
    InteractionMatrix test;
    InteractionMatrix valid;
    List<String> itemIds;
    String name;
    String described;
    if ("embedded".equals(source.dataset)) {
      Dataset d = SyntheticDataset.mlLike();
      train = d.train();
      test = d.test();
      valid = d.valid();
      itemIds = d.itemIds();
      name = "embedded";
      described =
          "the embedded synthetic dataset (SyntheticDataset.mlLike(): "
              + d.full().rows()
              + " users x "
              + d.full().columns()
              + " items, planted structure; no download)";
    } else if (source.dataset != null) {
      name = source.dataset;
      Path dir = InputFiles.splits(data.dir(), name);
      train = TripletCsv.read(dir.resolve(name + "_train.csv"));
      test = TripletCsv.read(dir.resolve(name + "_test.csv"));
      valid = TripletCsv.read(dir.resolve(name + "_valid.csv"));
      itemIds = null;
      described = "the paper's splits in " + dir + " (train = members, test = non-members)";
    } else {
      Path input = source.input;
      InputFiles.requireFile(input);
      String formatName = InputFiles.formatName(input, format);
      RatingsFormat ratings = InputFiles.ratingsFormat(formatName);
      if (ratings == null) {
        throw new IllegalArgumentException(
            "report needs a ratings file (--format "
                + String.join(", ", InputFiles.RATINGS_FORMATS.keySet())
                + ") or --dataset; found"
                + " format "
                + formatName);
      }
      Preprocessing.Builder pre = Preprocessing.builder();
      if (threshold != null) {
        pre.likeThreshold(threshold);
      }
      if (kCore != null) {
        pre.kCore(kCore);
      }
      Dataset d = pre.build().apply(RawRatings.read(input, ratings));
      train = d.train();
      test = d.test();
      valid = d.valid();
      itemIds = d.itemIds();
      name = input.getFileName().toString();
      described =
          input
              + " ("
              + ratings
              + "), preprocessed: "
              + d.full().rows()
              + " users x "
              + d.full().columns()
              + " items, users split 70 / 20 / 10 in id order";
    }
    if (how == Split.RANDOM) {
      // members and non-members must be exchangeable: a split by user id (the paper's) also
      // separates early from late users, which attacks would read as membership
      InteractionMatrix pooled = InteractionMatrix.vstack(train, test);
      int[][] split =
          Permutations.randomSplit(pooled.rows(), train.rows(), new SplittableRandom(seed));
      train = pooled.selectRows(split[0]);
      test = pooled.selectRows(split[1]);
      described += "; train and test users re-split at random (seed " + seed + ")";
    } else {
      described += "; train and test users split in id order, as the paper";
    }
    if (sdrm != null && density == Density.ONES) {
      sdrm =
          sdrm.toBuilder()
              .binarizer(
                  Binarizer.equalSparsity(
                      (double) train.onesCount() / ((double) train.rows() * train.columns())))
              .build();
    }
    InteractionMatrix given = null;
    if (synthetic != null) {
      given =
          InputFiles.align(
              InputFiles.load(synthetic, null), itemIds, train.columns(), synthetic.toString());
      described += "; synthetic data from " + synthetic;
    }
    Progress.StatusLine status = progress.status(err);
    SyntheticDataReport report =
        new SyntheticDataReport(
            name, described, train, test, valid, sdrm, given, names, runs, seed, status);
    SyntheticDataReport.Data result = report.run();
    status.finish();
    List<ReportVerdicts.Row> verdicts = ReportVerdicts.rows(result);
    String html = ReportHtml.write(result, verdicts);
    String jsonText = ReportJson.write(result, verdicts);
    AtomicFiles.writeText(json, w -> w.write(jsonText));
    try {
      AtomicFiles.writeText(output, w -> w.write(html));
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(json);
      throw e;
    }
    out.println("# Synthetic data report: " + name);
    out.println();
    out.print(ReportVerdicts.markdown(result, verdicts));
    out.println();
    out.println("| recommender | setting | generator | Recall@10 | NDCG@10 |");
    out.println("|---|---|---|---|---|");
    for (var k : result.utility().keys()) {
      var r = result.utility().recall(k, 10);
      out.printf(
          Locale.ROOT,
          "| %s | %s | %s | %.4f%s | %.4f |%n",
          k.recommender(),
          k.setting(),
          k.generator(),
          r.mean(),
          r.runs() > 1 ? String.format(Locale.ROOT, " ± %.4f", r.std()) : "",
          result.utility().ndcg(k, 10).mean());
    }
    out.println();
    out.println("wrote " + output + " and " + json);
    return 0;
  }
}
