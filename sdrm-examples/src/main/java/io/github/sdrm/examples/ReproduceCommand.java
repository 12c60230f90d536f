package io.github.sdrm.examples;

import io.github.sdrm.VaeValidation;
import io.github.sdrm.recsys.MlpRecommender;
import io.github.sdrm.recsys.ReferenceNeuMfExperiment;
import io.github.sdrm.recsys.Setting;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code sdrm reproduce}: the paper's table for one dataset and recommender. */
@Command(
    name = "reproduce",
    sortOptions = false,
    description =
        "The paper's table for one dataset and recommender from the reference splits"
            + " (DIR/sdrm-splits/DATASET), with the published preset of that pair: mean / max / std"
            + " over the runs, each retraining the generator.")
final class ReproduceCommand implements Callable<Integer> {
  @ParentCommand SdrmCli cli;

  @Option(
      names = "--dataset",
      required = true,
      paramLabel = "NAME",
      description = "ml-100k, alb or adm (a folder of DIR/sdrm-splits)")
  String dataset;

  @Option(
      names = "--recommender",
      required = true,
      paramLabel = "NAME",
      description = "svd, mlp or neumf")
  String recommender;

  @Option(
      names = "--settings",
      split = ",",
      paramLabel = "LIST",
      description = "comma-separated original, replace, augment (default all three)")
  List<Setting> settings = List.of(Setting.ORIGINAL, Setting.REPLACE, Setting.AUGMENT);

  @Option(names = "--runs", paramLabel = "N", description = "runs (default 5)")
  int runs = 5;

  @Option(names = "--csv", paramLabel = "FILE", description = "also write the table as CSV")
  Path csv;

  @Mixin DataDirOption data;

  @Option(
      names = "--vae-validation",
      paramLabel = "MODE",
      description = "reference or leak-free (default reference)")
  VaeValidation vaeValidation = VaeValidation.REFERENCE;

  @Option(
      names = "--vae-epochs",
      paramLabel = "N",
      description = "train the VAE exactly N epochs (default: early stopping)")
  int vaeEpochs;

  @Option(names = "--threads", paramLabel = "N", description = "BLAS threads (default 2)")
  int threads = 2;

  @Option(
      names = "--seed",
      paramLabel = "S",
      description =
          "the first run's generator seed; run i uses S + i (default 12345): --seed 12347 --runs"
              + " 1 repeats only the third run of a default reproduction")
  long seed = io.github.sdrm.Sdrm.DEFAULT_SEED;

  @Option(
      names = "--preset",
      paramLabel = "NAME",
      description =
          "the generator's configuration: a preset name or a file written by sdrm tune"
              + " --best-preset (default: the published preset of the dataset and recommender)")
  String preset;

  /** How NeuMF is evaluated. */
  enum NeuMfProtocol {
    /** As the reference's main.py (ReferenceNeuMfExperiment). */
    REFERENCE,
    /** The library's own protocol (NeuMfRecommender in an Experiment). */
    LIBRARY
  }

  @Option(
      names = "--neumf-protocol",
      paramLabel = "P",
      description =
          "for neumf: reference (the paper's evaluation, quirks included; default) or library"
              + " (this library's clean protocol)")
  NeuMfProtocol neumfProtocol = NeuMfProtocol.REFERENCE;

  @Option(
      names = "--neumf-valid-zeros",
      paramLabel = "W",
      description =
          "for the reference NeuMF protocol, which runs get VALID's stored zeros: first-run (as"
              + " the reference's main.py; default), every-run, or none (as every run but the"
              + " first trial's of the reference's hyperparameter search, which logged the"
              + " published figures)")
  ReferenceNeuMfExperiment.ValidZeros neumfValidZeros =
      ReferenceNeuMfExperiment.ValidZeros.FIRST_RUN;

  @Option(
      names = "--mlp-first-layer",
      paramLabel = "L",
      description =
          "for mlp: dense (default) or value-embedding (the reference's Keras first layer: each"
              + " 0/1 value embedded in 8 numbers, flattened into the dense layer; 8x the weights,"
              + " slower, trains differently on sparse data such as ADM)")
  MlpRecommender.FirstLayer mlpFirstLayer = MlpRecommender.FirstLayer.DENSE;

  @Override
  public Integer call() throws IOException {
    if (csv != null) {
      InputFiles.requireParentFolder(csv, "--csv");
    }
    Reproduce.run(
        new Reproduce.Request(
            dataset,
            recommender,
            runs,
            csv,
            data.dir(),
            EnumSet.copyOf(settings),
            vaeValidation,
            vaeEpochs,
            threads,
            neumfProtocol == NeuMfProtocol.REFERENCE,
            neumfValidZeros,
            seed,
            preset,
            mlpFirstLayer),
        cli.out);
    return 0;
  }
}
