package io.github.sdrm.examples;

import io.github.sdrm.data.InteractionMatrix;
import io.github.sdrm.datasets.TripletCsv;
import io.github.sdrm.eval.FoldInSplit;
import io.github.sdrm.eval.RankingMetrics;
import io.github.sdrm.recsys.FoldInEvaluation;
import io.github.sdrm.recsys.Setting;
import io.github.sdrm.recsys.TruncatedSvdRecommender;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code sdrm evaluate}: SVD on a synthetic file, scored on a dataset's validation users. */
@Command(
    name = "evaluate",
    sortOptions = false,
    description =
        "SVD Recall@k / NDCG@k of a synthetic file against a dataset's VALID users"
            + " (the paper's fold-in protocol).")
final class EvaluateCommand implements Callable<Integer> {
  @ParentCommand SdrmCli cli;

  @Option(
      names = "--synthetic",
      required = true,
      paramLabel = "FILE",
      description =
          "synthetic interactions (split CSV or Matrix Market) over the dataset's" + " items")
  Path synthetic;

  @Option(
      names = "--dataset",
      required = true,
      paramLabel = "NAME",
      description = "ml-100k, alb or adm (a folder of DIR/sdrm-splits)")
  String dataset;

  @Option(
      names = "--setting",
      paramLabel = "S",
      description = "replace or augment (default replace)")
  Setting setting = Setting.REPLACE;

  @Mixin DataDirOption data;

  @Override
  public Integer call() throws IOException {
    if (setting == Setting.ORIGINAL) {
      throw new IllegalArgumentException("--setting must be replace or augment, found original");
    }
    Path dir = InputFiles.splits(data.dir(), dataset);
    InteractionMatrix train = TripletCsv.read(dir.resolve(dataset + "_train_test.csv"));
    InteractionMatrix valid = TripletCsv.read(dir.resolve(dataset + "_valid.csv"));
    InteractionMatrix synth = InputFiles.load(synthetic, null).matrix();
    if (synth.columns() != train.columns()) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "%s has %d items but %s has %d",
              synthetic,
              synth.columns(),
              dataset,
              train.columns()));
    }
    FoldInSplit split = FoldInSplit.reference(valid);
    RankingMetrics.Result r =
        FoldInEvaluation.evaluate(
            new TruncatedSvdRecommender(),
            setting.trainingMatrix(train, split.foldIn(), synth),
            split,
            RankingMetrics.PAPER_CUTOFFS);
    cli.out.println("| k | Recall@k | NDCG@k |\n|---|---|---|");
    for (int k : RankingMetrics.PAPER_CUTOFFS) {
      cli.out.printf(Locale.ROOT, "| %d | %.4f | %.4f |%n", k, r.recall(k), r.ndcg(k));
    }
    return 0;
  }
}
