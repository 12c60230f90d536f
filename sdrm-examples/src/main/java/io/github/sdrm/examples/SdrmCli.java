package io.github.sdrm.examples;

import io.github.sdrm.Binarizer;
import io.github.sdrm.FittedSdrm;
import io.github.sdrm.ModelFormatException;
import io.github.sdrm.Resolution;
import io.github.sdrm.Sdrm;
import io.github.sdrm.Stage;
import io.github.sdrm.TrainingEvent;
import io.github.sdrm.TrainingListener;
import io.github.sdrm.VaeValidation;
import io.github.sdrm.data.InteractionMatrix;
import io.github.sdrm.data.Permutations;
import io.github.sdrm.datasets.AtomicFiles;
import io.github.sdrm.datasets.Dataset;
import io.github.sdrm.datasets.DatasetFormatException;
import io.github.sdrm.datasets.LabeledMatrix;
import io.github.sdrm.datasets.MatrixMarket;
import io.github.sdrm.datasets.Preprocessing;
import io.github.sdrm.datasets.RatingsFormat;
import io.github.sdrm.datasets.RawRatings;
import io.github.sdrm.datasets.SyntheticDataset;
import io.github.sdrm.datasets.TripletCsv;
import io.github.sdrm.eval.FoldInSplit;
import io.github.sdrm.eval.RankingMetrics;
import io.github.sdrm.recsys.FoldInEvaluation;
import io.github.sdrm.recsys.Setting;
import io.github.sdrm.recsys.TruncatedSvdRecommender;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code sdrm} command line: {@code generate}, {@code reproduce} and {@code evaluate}. Bad
 * input ends with one line on standard error and exit code 2; output files are written
 * atomically, so a failed run leaves none behind.
 */
public final class SdrmCli {
  private static final String USAGE = String.join("\n",
      "usage: sdrm <command> [options]",
      "",
      "commands:",
      "  generate   train SDRM on a ratings file and write synthetic users",
      "      --input FILE             ratings or interactions file (required)",
      "      --format F               u.data | ratings.dat | ratings.csv | amazon-csv |"
          + " amazon-json | csv | mtx (default: from the name and first line)",
      "      --output FILE            synthetic interactions (required); .mtx = Matrix Market,"
          + " else CSV triplets",
      "      --users N                synthetic users (default: as many as the input has)",
      "      --resolution full|multi  F-SDRM or M-SDRM (default full)",
      "      --binarize equal-sparsity|zero|raw   (default equal-sparsity; raw needs CSV)",
      "      --preset NAME            published hyperparameters, one of " + String.join(", ",
          Presets.names()),
      "      --seed S                 seed of training and generation (default 12345)",
      "      --save-model FILE        also save the trained model",
      "      --load-model FILE        generate from a saved model instead of training",
      "      --threads N              BLAS threads (default 2)",
      "      --vae-validation reference|leak-free   VAE early stopping (default reference)",
      "  reproduce  the paper's table for one dataset and recommender, mean / max / std",
      "      --dataset NAME           ml-100k, alb or adm (a folder of DIR/sdrm-splits)",
      "      --recommender svd|mlp|neumf",
      "      --settings LIST          comma-separated original,replace,augment (default all)",
      "      --runs N                 runs, each retraining the generator (default 5)",
      "      --csv FILE               also write the table as CSV",
      "      --data DIR               data directory (default ../shared/data)",
      "      --vae-validation reference|leak-free   (default reference)",
      "      --vae-epochs N           train the VAE exactly N epochs (default: early stopping)",
      "      --threads N              BLAS threads (default 2)",
      "  evaluate   SVD Recall@k / NDCG@k of a synthetic file against a dataset's VALID users",
      "      --synthetic FILE --dataset NAME [--setting replace|augment] [--data DIR]",
      "  report     privacy, fidelity and utility of synthetic data: report.html + report.json",
      "      --input FILE | --dataset NAME   a ratings file (split 70/20/10 by users) or the",
      "                               paper's splits (DIR/sdrm-splits/NAME, train/test/valid)",
      "                               or 'embedded' (the built-in dataset, no download)",
      "      --output FILE            the HTML report (required); FILE.json beside it",
      "      --format F               as for generate (ratings formats only)",
      "      --threshold X            ratings >= X are likes (default 4)",
      "      --k-core K               minimum likes per user and item (default 5)",
      "      --synthetic FILE         audit this synthetic data instead of training SDRM",
      "                               (it must come from a generator trained on the train users)",
      "      --recommenders LIST      comma-separated svd,mlp,neumf (default svd; popularity"
          + " is always added)",
      "      --runs N                 utility runs, each retraining the generator (default 1)",
      "      --seed S                 seed of training, attacks and reference generators",
      "      --preset NAME            published hyperparameters (else the defaults), changed by",
      "      --timesteps T --latent-size D --vae-hidden H --denoiser-layers L",
      "      --diffusion-epochs N --diffusion-batch N --diffusion-lr X",
      "      --vae-batch N --vae-lr X --vae-epochs N (fixed; default early stopping)",
      "      --vae-validation reference|leak-free --threads N --data DIR",
      "      --split random|id-order  members (train) vs non-members (test): a seeded random"
          + " re-split of the two (default) or the paper's id order (default with --synthetic)",
      "      --density stored|ones    binarise to the train matrix's stored density (the paper's"
          + " rule, stored zeros counted; default) or to its density of likes",
      "",
      "  --help     this text");

  /** {@code --format} names of the ratings formats, in the order the help lists them. */
  private static final Map<String, RatingsFormat> RATINGS_FORMATS = new LinkedHashMap<>();

  static {
    RATINGS_FORMATS.put("u.data", RatingsFormat.MOVIELENS_100K);
    RATINGS_FORMATS.put("ratings.dat", RatingsFormat.MOVIELENS_DAT);
    RATINGS_FORMATS.put("ratings.csv", RatingsFormat.MOVIELENS_CSV);
    RATINGS_FORMATS.put("amazon-csv", RatingsFormat.AMAZON_CSV);
    RATINGS_FORMATS.put("amazon-json", RatingsFormat.AMAZON_JSON);
  }

  private SdrmCli() {}

  /** Runs the command line. */
  public static void main(String[] args) {
    int code = run(args, System.out, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** Runs a command; returns the exit code (0 success, 2 bad input, 1 failure). */
  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
      out.println(USAGE);
      return args.length == 0 ? 2 : 0;
    }
    try {
      Map<String, String> opts = options(args);
      switch (args[0]) {
        case "generate":
          generate(opts, out, err);
          return 0;
        case "reproduce":
          reproduce(opts, out);
          return 0;
        case "evaluate":
          evaluate(opts, out);
          return 0;
        case "report":
          report(opts, out, err);
          return 0;
        default:
          throw new IllegalArgumentException("unknown command '" + args[0]
              + "'; expected generate, reproduce, evaluate or report (see --help)");
      }
    } catch (NoSuchFileException e) {
      err.println("sdrm: file not found: " + e.getFile());
      return 2;
    } catch (IllegalArgumentException | DatasetFormatException | ModelFormatException e) {
      err.println("sdrm: " + e.getMessage());
      return 2;
    } catch (IOException | UncheckedIOException e) {
      err.println("sdrm: " + e.getMessage());
      return 1;
    } catch (Exception e) {
      err.println("sdrm: " + e);
      return 1;
    }
  }

  private static void generate(Map<String, String> o, PrintStream out, PrintStream err)
      throws IOException {
    known(o, Set.of("input", "format", "output", "users", "resolution", "binarize", "preset",
        "seed", "save-model", "load-model", "threads", "vae-validation"));
    Path input = Path.of(need(o, "input"));
    Path output = Path.of(need(o, "output"));
    int users = o.containsKey("users") ? integer(o, "users") : -1;
    if (o.containsKey("users") && users < 0) {
      throw new IllegalArgumentException("--users must be at least 0, found " + users);
    }
    Resolution resolution = switch (o.getOrDefault("resolution", "full")) {
      case "full" -> Resolution.FULL;
      case "multi" -> Resolution.MULTI;
      default -> throw new IllegalArgumentException(
          "--resolution must be full or multi, found " + o.get("resolution"));
    };
    Binarizer binarizer = switch (o.getOrDefault("binarize", "equal-sparsity")) {
      case "equal-sparsity" -> Binarizer.equalSparsity();
      case "zero" -> Binarizer.zeroThreshold();
      case "raw" -> Binarizer.raw();
      default -> throw new IllegalArgumentException(
          "--binarize must be equal-sparsity, zero or raw, found " + o.get("binarize"));
    };
    boolean mtx = output.getFileName().toString().endsWith(".mtx");
    if (binarizer.kind() == Binarizer.Kind.RAW && mtx) {
      throw new IllegalArgumentException("--binarize raw writes logits and needs a CSV output");
    }
    Sdrm.Builder builder = o.containsKey("preset") ? Presets.get(o.get("preset"))
        : Sdrm.builder();
    long seed = o.containsKey("seed") ? longValue(o, "seed") : Sdrm.DEFAULT_SEED;
    int threads = o.containsKey("threads") ? integer(o, "threads") : 2;
    LabeledMatrix data = load(input, o.get("format"));
    Sdrm sdrm = builder.seed(seed).binarizer(binarizer).threads(threads).elementwiseThreads(1)
        .vaeValidation(vaeValidation(o))
        .listener(new ProgressBar(err)).build();

    FittedSdrm model;
    if (o.containsKey("load-model")) {
      model = FittedSdrm.load(Path.of(o.get("load-model")));
    } else {
      model = sdrm.fit(data.matrix());
    }
    if (model.items() != data.matrix().columns()) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "the model has %d items but %s has %d", model.items(), input,
          data.matrix().columns()));
    }
    if (o.containsKey("save-model")) {
      model.save(Path.of(o.get("save-model")));
    }
    int n = users >= 0 ? users : data.matrix().rows();
    long generationSeed = o.containsKey("seed") ? seed : model.provenance().generationSeed();
    if (binarizer.kind() == Binarizer.Kind.RAW) {
      float[] logits = model.generateScores(n, resolution, generationSeed).data().asFloat();
      writeRawCsv(output, logits, n, data.itemIds(), model.items());
    } else {
      InteractionMatrix synthetic = binarizer.apply(
          model.generateScores(n, resolution, generationSeed).data().asFloat(), n,
          model.items(), model.provenance().fitDensity());
      LabeledMatrix labeled = new LabeledMatrix(synthetic, null, data.itemIds());
      if (mtx) {
        MatrixMarket.write(output, labeled);
      } else {
        TripletCsv.write(output, labeled);
      }
      out.printf(Locale.ROOT, "wrote %s: %d synthetic users x %d items, %d interactions"
          + " (density %.5f; input %.5f)%n", output, synthetic.rows(), synthetic.columns(),
          synthetic.storedCount(), synthetic.density(), data.matrix().density());
    }
  }

  private static void writeRawCsv(Path output, float[] logits, int users, List<String> items,
      int columns) throws IOException {
    AtomicFiles.writeText(output, out -> {
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

  private static void reproduce(Map<String, String> o, PrintStream out) throws IOException {
    known(o, Set.of("dataset", "recommender", "settings", "runs", "csv", "data",
        "vae-validation", "vae-epochs", "threads"));
    EnumSet<Setting> settings = EnumSet.noneOf(Setting.class);
    for (String name : o.getOrDefault("settings", "original,replace,augment").split(",")) {
      settings.add(switch (name.strip()) {
        case "original" -> Setting.ORIGINAL;
        case "replace" -> Setting.REPLACE;
        case "augment" -> Setting.AUGMENT;
        default -> throw new IllegalArgumentException(
            "--settings must list original, replace or augment, found '" + name + "'");
      });
    }
    int runs = o.containsKey("runs") ? integer(o, "runs") : 5;
    int vaeEpochs = o.containsKey("vae-epochs") ? integer(o, "vae-epochs") : 0;
    int threads = o.containsKey("threads") ? integer(o, "threads") : 2;
    Path csv = o.containsKey("csv") ? Path.of(o.get("csv")) : null;
    if (csv != null && csv.toAbsolutePath().getParent() != null
        && !Files.isDirectory(csv.toAbsolutePath().getParent())) {
      throw new IllegalArgumentException("--csv: folder " + csv.toAbsolutePath().getParent()
          + " does not exist");
    }
    Reproduce.run(new Reproduce.Request(need(o, "dataset"), need(o, "recommender"), runs, csv,
        Path.of(o.getOrDefault("data", BenchSupport.dataDir().toString())), settings,
        vaeValidation(o), vaeEpochs, threads), out);
  }

  private static VaeValidation vaeValidation(Map<String, String> o) {
    return switch (o.getOrDefault("vae-validation", "reference")) {
      case "reference" -> VaeValidation.REFERENCE;
      case "leak-free" -> VaeValidation.LEAK_FREE;
      default -> throw new IllegalArgumentException(
          "--vae-validation must be reference or leak-free, found '" + o.get("vae-validation")
              + "'");
    };
  }

  private static void evaluate(Map<String, String> o, PrintStream out) throws IOException {
    known(o, Set.of("synthetic", "dataset", "setting", "data"));
    Path synthetic = Path.of(need(o, "synthetic"));
    String dataset = need(o, "dataset");
    Setting setting = switch (o.getOrDefault("setting", "replace")) {
      case "replace" -> Setting.REPLACE;
      case "augment" -> Setting.AUGMENT;
      default -> throw new IllegalArgumentException(
          "--setting must be replace or augment, found " + o.get("setting"));
    };
    Path dir = Path.of(o.getOrDefault("data", BenchSupport.dataDir().toString()))
        .resolve("sdrm-splits").resolve(dataset);
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("no reference splits for dataset '" + dataset
          + "' at " + dir);
    }
    InteractionMatrix train = TripletCsv.read(dir.resolve(dataset + "_train_test.csv"));
    InteractionMatrix valid = TripletCsv.read(dir.resolve(dataset + "_valid.csv"));
    InteractionMatrix synth = load(synthetic, null).matrix();
    if (synth.columns() != train.columns()) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s has %d items but %s has %d", synthetic, synth.columns(), dataset,
          train.columns()));
    }
    FoldInSplit split = FoldInSplit.reference(valid);
    RankingMetrics.Result r = FoldInEvaluation.evaluate(new TruncatedSvdRecommender(),
        setting.trainingMatrix(train, split.foldIn(), synth), split,
        RankingMetrics.PAPER_CUTOFFS);
    out.println("| k | Recall@k | NDCG@k |\n|---|---|---|");
    for (int k : RankingMetrics.PAPER_CUTOFFS) {
      out.printf(Locale.ROOT, "| %d | %.4f | %.4f |%n", k, r.recall(k), r.ndcg(k));
    }
  }

  /** Reads any supported input; item ids are kept when the format has them. */
  static LabeledMatrix load(Path input, String format) throws IOException {
    if (!Files.isRegularFile(input)) {
      throw new NoSuchFileException(input.toString());
    }
    String f = formatName(input, format);
    RatingsFormat ratings = ratingsFormat(f);
    if (ratings == null) {
      return f.equals("mtx") ? MatrixMarket.read(input) : TripletCsv.readLabeled(input);
    }
    Dataset d = Preprocessing.defaults().apply(RawRatings.read(input, ratings));
    return LabeledMatrix.of(d);
  }

  /**
   * The format's command-line name: the one given, else Matrix Market and split CSV by their
   * first line (or a .mtx name), else {@link RatingsFormat#detect}.
   */
  private static String formatName(Path input, String format) throws IOException {
    if (format != null) {
      return format;
    }
    if (input.getFileName().toString().endsWith(".mtx")) {
      return "mtx";
    }
    String first;
    try (java.io.BufferedReader in = Files.newBufferedReader(input,
        java.nio.charset.StandardCharsets.ISO_8859_1)) {
      first = in.readLine();
    }
    if (first != null && first.startsWith("%%MatrixMarket")) {
      return "mtx";
    }
    if (first != null && first.startsWith("# rows=")) {
      return "csv";
    }
    RatingsFormat detected = RatingsFormat.detect(input);
    for (Map.Entry<String, RatingsFormat> e : RATINGS_FORMATS.entrySet()) {
      if (e.getValue() == detected) {
        return e.getKey();
      }
    }
    throw new IllegalStateException("no --format name for " + detected);
  }

  /**
   * The ratings format of a {@code --format} name, or null for the interaction formats {@code
   * csv} (split triplets) and {@code mtx}.
   *
   * @throws IllegalArgumentException for an unknown name, listing the known ones
   */
  private static RatingsFormat ratingsFormat(String f) {
    if (f.equals("csv") || f.equals("mtx")) {
      return null;
    }
    RatingsFormat r = RATINGS_FORMATS.get(f);
    if (r == null) {
      throw new IllegalArgumentException("--format must be one of "
          + String.join(", ", RATINGS_FORMATS.keySet()) + ", csv, mtx; found " + f);
    }
    return r;
  }

  private static void report(Map<String, String> o, PrintStream out, PrintStream err)
      throws IOException {
    known(o, Set.of("input", "dataset", "data", "output", "format", "threshold", "k-core",
        "synthetic", "recommenders", "runs", "seed", "preset", "timesteps", "latent-size",
        "vae-hidden", "denoiser-layers", "diffusion-epochs", "diffusion-batch", "diffusion-lr",
        "vae-batch", "vae-lr", "vae-epochs", "vae-validation", "threads", "density", "split"));
    Path output = Path.of(need(o, "output"));
    Path parent = output.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new IllegalArgumentException("--output: folder " + parent + " does not exist");
    }
    String base = output.getFileName().toString();
    Path json = output.resolveSibling((base.endsWith(".html") ? base.substring(0,
        base.length() - 5) : base) + ".json");
    if (o.containsKey("input") == o.containsKey("dataset")) {
      throw new IllegalArgumentException("give exactly one of --input FILE and --dataset NAME");
    }
    List<String> recommenders = List.of(o.getOrDefault("recommenders", "svd").split(","))
        .stream().map(String::strip).toList();
    for (String r : recommenders) {
      RecommenderNames.factory(r);
    }
    int runs = o.containsKey("runs") ? integer(o, "runs") : 1;
    if (runs < 1) {
      throw new IllegalArgumentException("--runs must be at least 1, found " + runs);
    }
    long seed = o.containsKey("seed") ? longValue(o, "seed") : Sdrm.DEFAULT_SEED;
    int threads = o.containsKey("threads") ? integer(o, "threads") : 2;
    // a given synthetic file was made from a known split: the preprocessing's id order
    String split = o.getOrDefault("split", o.containsKey("synthetic") ? "id-order" : "random");
    if (!split.equals("random") && !split.equals("id-order")) {
      throw new IllegalArgumentException("--split must be random or id-order, found '" + split
          + "'");
    }
    String density = o.getOrDefault("density", "stored");
    if (!density.equals("stored") && !density.equals("ones")) {
      throw new IllegalArgumentException("--density must be stored or ones, found '" + density
          + "'");
    }
    Sdrm sdrm = o.containsKey("synthetic") ? null : reportSdrm(o, seed, threads, err);

    InteractionMatrix train;
    InteractionMatrix test;
    InteractionMatrix valid;
    List<String> itemIds;
    String dataset;
    String source;
    if ("embedded".equals(o.get("dataset"))) {
      Dataset d = SyntheticDataset.mlLike();
      train = d.train();
      test = d.test();
      valid = d.valid();
      itemIds = d.itemIds();
      dataset = "embedded";
      source = "the embedded synthetic dataset (SyntheticDataset.mlLike(): " + d.full().rows()
          + " users x " + d.full().columns() + " items, planted structure; no download)";
    } else if (o.containsKey("dataset")) {
      dataset = o.get("dataset");
      Path dir = Path.of(o.getOrDefault("data", BenchSupport.dataDir().toString()))
          .resolve("sdrm-splits").resolve(dataset);
      if (!Files.isDirectory(dir)) {
        throw new IllegalArgumentException("no reference splits for dataset '" + dataset
            + "' at " + dir);
      }
      train = TripletCsv.read(dir.resolve(dataset + "_train.csv"));
      test = TripletCsv.read(dir.resolve(dataset + "_test.csv"));
      valid = TripletCsv.read(dir.resolve(dataset + "_valid.csv"));
      itemIds = null;
      source = "the paper's splits in " + dir + " (train = members, test = non-members)";
    } else {
      Path input = Path.of(o.get("input"));
      if (!Files.isRegularFile(input)) {
        throw new NoSuchFileException(input.toString());
      }
      String formatName = formatName(input, o.get("format"));
      RatingsFormat format = ratingsFormat(formatName);
      if (format == null) {
        throw new IllegalArgumentException("report needs a ratings file (--format "
            + String.join(", ", RATINGS_FORMATS.keySet()) + ") or --dataset; found format "
            + formatName);
      }
      Preprocessing.Builder pre = Preprocessing.builder();
      if (o.containsKey("threshold")) {
        pre.likeThreshold(number(o, "threshold"));
      }
      if (o.containsKey("k-core")) {
        pre.kCore(integer(o, "k-core"));
      }
      Dataset d = pre.build().apply(RawRatings.read(input, format));
      train = d.train();
      test = d.test();
      valid = d.valid();
      itemIds = d.itemIds();
      dataset = input.getFileName().toString();
      source = input + " (" + format + "), preprocessed: " + d.full().rows() + " users x "
          + d.full().columns() + " items, users split 70 / 20 / 10 in id order";
    }
    if (split.equals("random")) {
      // members and non-members must be exchangeable: a split by user id (the paper's) also
      // separates early from late users, which attacks would read as membership
      InteractionMatrix pooled = InteractionMatrix.vstack(train, test);
      int[] order = Permutations.random(pooled.rows(), new java.util.SplittableRandom(seed));
      int[] members = java.util.Arrays.copyOf(order, train.rows());
      int[] others = java.util.Arrays.copyOfRange(order, train.rows(), order.length);
      java.util.Arrays.sort(members);
      java.util.Arrays.sort(others);
      train = pooled.selectRows(members);
      test = pooled.selectRows(others);
      source += "; train and test users re-split at random (seed " + seed + ")";
    } else {
      source += "; train and test users split in id order, as the paper";
    }
    if (sdrm != null && density.equals("ones")) {
      sdrm = sdrm.toBuilder().binarizer(Binarizer.equalSparsity(
          (double) train.onesCount() / ((double) train.rows() * train.columns()))).build();
    }
    InteractionMatrix synthetic = null;
    if (o.containsKey("synthetic")) {
      synthetic = align(load(Path.of(o.get("synthetic")), null), itemIds, train.columns(),
          o.get("synthetic"));
      source += "; synthetic data from " + o.get("synthetic");
    }
    boolean terminal = System.console() != null;
    SyntheticDataReport report = new SyntheticDataReport(dataset, source, train, test, valid,
        sdrm, synthetic, recommenders, runs, seed, line -> {
          if (terminal) {
            err.print("\r\033[K" + line);
            err.flush();
          } else {
            err.println(line);
          }
        });
    SyntheticDataReport.Data data = report.run();
    if (terminal) {
      err.println();
    }
    List<ReportVerdicts.Row> verdicts = ReportVerdicts.rows(data);
    String html = ReportHtml.write(data, verdicts);
    String jsonText = ReportJson.write(data, verdicts);
    AtomicFiles.writeText(json, w -> w.write(jsonText));
    try {
      AtomicFiles.writeText(output, w -> w.write(html));
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(json);
      throw e;
    }
    out.println("# Synthetic data report: " + dataset);
    out.println();
    out.print(ReportVerdicts.markdown(data, verdicts));
    out.println();
    out.println("| recommender | setting | generator | Recall@10 | NDCG@10 |");
    out.println("|---|---|---|---|---|");
    for (var k : data.utility().keys()) {
      var r = data.utility().recall(k, 10);
      out.printf(Locale.ROOT, "| %s | %s | %s | %.4f%s | %.4f |%n", k.recommender(),
          k.setting(), k.generator(), r.mean(), r.runs() > 1 ? String.format(Locale.ROOT,
              " ± %.4f", r.std()) : "", data.utility().ndcg(k, 10).mean());
    }
    out.println();
    out.println("wrote " + output + " and " + json);
  }

  private static Sdrm reportSdrm(Map<String, String> o, long seed, int threads,
      PrintStream err) {
    Sdrm.Builder b = o.containsKey("preset") ? Presets.get(o.get("preset")) : Sdrm.builder();
    if (o.containsKey("timesteps")) {
      b.timesteps(integer(o, "timesteps"));
    }
    if (o.containsKey("latent-size")) {
      b.latentSize(integer(o, "latent-size"));
    }
    if (o.containsKey("vae-hidden")) {
      b.vaeHiddenSize(integer(o, "vae-hidden"));
    }
    if (o.containsKey("denoiser-layers")) {
      b.denoiserLayers(integer(o, "denoiser-layers"));
    }
    if (o.containsKey("diffusion-epochs")) {
      b.diffusionEpochs(integer(o, "diffusion-epochs"));
    }
    if (o.containsKey("diffusion-batch")) {
      b.diffusionBatchSize(integer(o, "diffusion-batch"));
    }
    if (o.containsKey("diffusion-lr")) {
      b.diffusionLearningRate(number(o, "diffusion-lr"));
    }
    if (o.containsKey("vae-batch")) {
      b.vaeBatchSize(integer(o, "vae-batch"));
    }
    if (o.containsKey("vae-lr")) {
      b.vaeLearningRate(number(o, "vae-lr"));
    }
    if (o.containsKey("vae-epochs")) {
      b.vaeEarlyStopping(false).vaeMaxEpochs(integer(o, "vae-epochs"));
    }
    TrainingListener listener = System.console() != null ? new ProgressBar(err)
        : new StageLog(err);
    return b.seed(seed).threads(threads).elementwiseThreads(1).vaeValidation(vaeValidation(o))
        .listener(listener).build();
  }

  /** Maps a synthetic matrix's columns onto the dataset's items by id. */
  private static InteractionMatrix align(LabeledMatrix synthetic, List<String> itemIds,
      int items, String file) {
    List<String> ids = synthetic.itemIds();
    if (ids == null || itemIds == null) {
      if (synthetic.matrix().columns() != items) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "%s has %d items but the dataset has %d", file, synthetic.matrix().columns(),
            items));
      }
      return synthetic.matrix();
    }
    Map<String, Integer> column = new HashMap<>();
    for (int i = 0; i < itemIds.size(); i++) {
      column.put(itemIds.get(i), i);
    }
    int[] map = new int[ids.size()];
    for (int c = 0; c < ids.size(); c++) {
      Integer to = column.get(ids.get(c));
      if (to == null) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "%s: item id '%s' is not an item of the preprocessed dataset", file, ids.get(c)));
      }
      map[c] = to;
    }
    InteractionMatrix.Builder b = InteractionMatrix.builder(synthetic.matrix().rows(), items);
    synthetic.matrix().forEachStored((r, c, v) -> b.add(r, map[c], v));
    return b.build();
  }

  private static long longValue(Map<String, String> o, String key) {
    try {
      return Long.parseLong(o.get(key));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + key + " must be an integer, found '"
          + o.get(key) + "'");
    }
  }

  private static double number(Map<String, String> o, String key) {
    try {
      double v = Double.parseDouble(o.get(key));
      if (!Double.isFinite(v)) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + key + " must be a number, found '"
          + o.get(key) + "'");
    }
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> o = new HashMap<>();
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("--")) {
        throw new IllegalArgumentException("expected an option such as --input, found '" + a
            + "'");
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("option " + a + " needs a value");
      }
      o.put(a.substring(2), args[++i]);
    }
    return o;
  }

  private static void known(Map<String, String> o, Set<String> allowed) {
    for (String k : o.keySet()) {
      if (!allowed.contains(k)) {
        throw new IllegalArgumentException("unknown option --" + k + " (see --help)");
      }
    }
  }

  private static String need(Map<String, String> o, String key) {
    String v = o.get(key);
    if (v == null || v.isEmpty()) {
      throw new IllegalArgumentException("--" + key + " is required (see --help)");
    }
    return v;
  }

  private static int integer(Map<String, String> o, String key) {
    try {
      return Integer.parseInt(o.get(key));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + key + " must be an integer, found '"
          + o.get(key) + "'");
    }
  }

  /** One line per finished training stage, for logs and files (no carriage returns). */
  static final class StageLog implements TrainingListener {
    private final PrintStream err;
    private long start;

    StageLog(PrintStream err) {
      this.err = err;
    }

    @Override
    public void onStageStart(Stage stage, int maxEpochs) {
      start = System.nanoTime();
    }

    @Override
    public void onEpoch(TrainingEvent e) {}

    @Override
    public void onStageEnd(Stage stage, int epochs) {
      err.printf(Locale.ROOT, "%s: %d epochs, %.1f s%n", stage.displayName(), epochs,
          (System.nanoTime() - start) / 1e9);
    }
  }

  /** A one-line progress bar on standard error. */
  static final class ProgressBar implements TrainingListener {
    private final PrintStream err;

    ProgressBar(PrintStream err) {
      this.err = err;
    }

    @Override
    public void onEpoch(TrainingEvent e) {
      int width = 30;
      int done = (int) Math.round(width * (e.epoch() + 1.0) / e.maxEpochs());
      err.printf(Locale.ROOT, "\r%-9s [%s%s] %d/%d loss %.4f", e.stage().displayName(),
          "#".repeat(done), ".".repeat(width - done), e.epoch() + 1, e.maxEpochs(), e.loss());
    }

    @Override
    public void onStageEnd(Stage stage, int epochs) {
      err.println();
    }
  }
}
