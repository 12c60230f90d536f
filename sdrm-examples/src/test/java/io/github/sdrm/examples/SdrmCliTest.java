package io.github.sdrm.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sdrm.VaeValidation;
import io.github.sdrm.recsys.MlpRecommender;
import io.github.sdrm.recsys.ReferenceNeuMfExperiment;
import io.github.sdrm.recsys.Setting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input to the command line: one clear line, exit code 2, no output file. */
class SdrmCliTest {
  @TempDir Path dir;

  private CliRun last;
  private String[] result;

  private int run(String... args) {
    last = CliRun.of(args);
    result = new String[] {last.out(), last.err()};
    return last.code();
  }

  private Path ratings() throws IOException {
    return Files.writeString(dir.resolve("u.data"), "1\t1\t5\t0\n1\t2\t4\t0\n");
  }

  private void assertOneLineAndNoOutput(String expectedStart) throws IOException {
    last.assertOneLineAndNoOutput(expectedStart, dir);
  }

  @Test
  void help() {
    assertEquals(0, run("--help"));
    assertTrue(result[0].contains("generate"));
  }

  @Test
  void generate_missingFile() throws IOException {
    assertEquals(
        2,
        run(
            "generate",
            "--input",
            dir.resolve("nope.dat").toString(),
            "--output",
            dir.resolve("out.csv").toString()));
    assertOneLineAndNoOutput("file not found: " + dir.resolve("nope.dat"));
  }

  @Test
  void generate_unknownPreset() throws IOException {
    assertEquals(
        2,
        run(
            "generate",
            "--input",
            ratings().toString(),
            "--output",
            dir.resolve("out.csv").toString(),
            "--preset",
            "netflix/svd"));
    assertOneLineAndNoOutput("preset must be one of ml-100k/svd, ml-100k/mlp");
  }

  @Test
  void generate_unknownFormat() throws IOException {
    assertEquals(
        2,
        run(
            "generate",
            "--input",
            ratings().toString(),
            "--output",
            dir.resolve("out.csv").toString(),
            "--format",
            "parquet"));
    assertOneLineAndNoOutput("--format must be one of u.data");
  }

  @Test
  void generate_negativeUsers() throws IOException {
    assertEquals(
        2,
        run(
            "generate",
            "--input",
            ratings().toString(),
            "--output",
            dir.resolve("out.csv").toString(),
            "--users",
            "-5"));
    assertOneLineAndNoOutput("--users must be at least 0, found -5");
  }

  @Test
  void generate_kCoreRemovesEverything() throws IOException {
    assertEquals(
        2,
        run(
            "generate",
            "--input",
            ratings().toString(),
            "--output",
            dir.resolve("out.csv").toString()));
    assertOneLineAndNoOutput("the 5-core on ratings >= 4.0 removes every user");
  }

  @Test
  void unknownCommand() throws IOException {
    assertEquals(2, run("train"));
    assertOneLineAndNoOutput("unknown command 'train'");
  }

  @Test
  void reproduce_unknownDataset() throws IOException {
    assertEquals(
        2,
        run(
            "reproduce",
            "--dataset",
            "netflix",
            "--recommender",
            "svd",
            "--data",
            dir.toString(),
            "--csv",
            dir.resolve("out.csv").toString()));
    assertOneLineAndNoOutput(
        "no reference splits for dataset 'netflix' at "
            + dir.resolve("sdrm-splits").resolve("netflix"));
  }

  @Test
  void reproduce_unknownSetting() throws IOException {
    assertEquals(
        2,
        run(
            "reproduce",
            "--dataset",
            "ml-100k",
            "--recommender",
            "svd",
            "--settings",
            "original,privacy"));
    assertOneLineAndNoOutput(
        "reproduce: Invalid value for option '--settings' (LIST): expected one of"
            + " original, replace, augment; found 'privacy'");
  }

  @Test
  void reproduce_badRunsRecommenderAndValidation() throws IOException {
    assertEquals(
        2, run("reproduce", "--dataset", "ml-100k", "--recommender", "svd", "--runs", "0"));
    assertOneLineAndNoOutput("runs must be at least 1, found 0");
    assertEquals(2, run("reproduce", "--dataset", "ml-100k", "--recommender", "bpr"));
    assertOneLineAndNoOutput("recommender must be one of svd, mlp, neumf; found 'bpr'");
    assertEquals(
        2,
        run(
            "reproduce",
            "--dataset",
            "ml-100k",
            "--recommender",
            "svd",
            "--vae-validation",
            "none"));
    assertOneLineAndNoOutput(
        "reproduce: Invalid value for option '--vae-validation': expected one of"
            + " reference, leak-free; found 'none'");
    assertEquals(
        2,
        run(
            "reproduce",
            "--dataset",
            "alb",
            "--recommender",
            "neumf",
            "--neumf-valid-zeros",
            "some"));
    assertOneLineAndNoOutput(
        "reproduce: Invalid value for option '--neumf-valid-zeros': expected one of"
            + " first-run, every-run, none; found 'some'");
    assertEquals(
        2,
        run(
            "reproduce",
            "--dataset",
            "ml-100k",
            "--recommender",
            "mlp",
            "--mlp-first-layer",
            "embedding"));
    assertOneLineAndNoOutput(
        "reproduce: Invalid value for option '--mlp-first-layer': expected one of"
            + " dense, value-embedding; found 'embedding'");
    assertEquals(
        2,
        run(
            "reproduce",
            "--dataset",
            "ml-100k",
            "--recommender",
            "svd",
            "--csv",
            dir.resolve("missing").resolve("out.csv").toString()));
    assertOneLineAndNoOutput("--csv: folder " + dir.resolve("missing") + " does not exist");
  }

  @Test
  void reproduce_commandNamesTheMlpFirstLayerOnlyWhereItApplies() {
    for (String recommender : new String[] {"mlp", "svd"}) {
      for (MlpRecommender.FirstLayer layer : MlpRecommender.FirstLayer.values()) {
        String command =
            new Reproduce.Request(
                    "ml-100k",
                    recommender,
                    1,
                    null,
                    dir,
                    EnumSet.of(Setting.AUGMENT),
                    VaeValidation.REFERENCE,
                    0,
                    2,
                    true,
                    ReferenceNeuMfExperiment.ValidZeros.FIRST_RUN,
                    io.github.sdrm.Sdrm.DEFAULT_SEED,
                    null,
                    layer)
                .command();
        boolean named = recommender.equals("mlp") && layer != MlpRecommender.FirstLayer.DENSE;
        assertEquals(
            named
                ? "sdrm reproduce --dataset ml-100k --recommender mlp --runs 1 --settings augment"
                    + " --mlp-first-layer value-embedding"
                : "sdrm reproduce --dataset ml-100k --recommender "
                    + recommender
                    + " --runs 1 --settings augment",
            command);
      }
    }
  }

  @Test
  void generate_hugeDeclaredRows_cleanMessage() throws IOException {
    Path csv =
        Files.writeString(
            dir.resolve("huge.csv"), "# rows=2147483647 cols=3 entries=0\nuser,item,value\n");
    assertEquals(
        2,
        run("generate", "--input", csv.toString(), "--output", dir.resolve("out.csv").toString()));
    assertOneLineAndNoOutput(csv + ":1: rows must be in [0, 2147483638], found 2147483647");
  }

  @Test
  void generate_badSeed() throws IOException {
    assertEquals(
        2,
        run(
            "generate",
            "--input",
            ratings().toString(),
            "--output",
            dir.resolve("out.csv").toString(),
            "--seed",
            "x"));
    assertOneLineAndNoOutput(
        "generate: Invalid value for option '--seed': expected an integer, found" + " 'x'");
  }

  @Test
  void generate_truncatedModel_exitTwoWithoutClassName() throws IOException {
    Path model = Files.write(dir.resolve("model.sdrm"), new byte[] {'S', 'D', 'R', 'M', 0, 0});
    Path csv =
        Files.writeString(
            dir.resolve("in.csv"), "# rows=2 cols=3 entries=1\nuser,item,value\n0,0,1\n");
    assertEquals(
        2,
        run(
            "generate",
            "--input",
            csv.toString(),
            "--output",
            dir.resolve("out.csv").toString(),
            "--load-model",
            model.toString()));
    assertOneLineAndNoOutput(model + " is not an SDRM model file");
  }

  @Test
  void generate_amazonCsvDetectedByContent() throws IOException {
    // a name that says nothing: the first line tells Amazon's item,user,rating,timestamp (this
    // used to be read as a split CSV and fail on its header)
    Path csv = Files.writeString(dir.resolve("beauty.csv"), "B0001,A2XY,5.0,1388707200\n");
    assertEquals(
        2,
        run("generate", "--input", csv.toString(), "--output", dir.resolve("out.csv").toString()));
    assertOneLineAndNoOutput("the 5-core on ratings >= 4.0 removes every user");
  }

  @Test
  void version_namesTheLibraryVersion() {
    assertEquals(0, run("--version"));
    assertTrue(result[0].startsWith("sdrm " + io.github.sdrm.Sdrm.version() + " "), result[0]);
    assertTrue(!io.github.sdrm.Sdrm.version().equals("unknown"), "version resource missing");
  }

  @Test
  void subcommandHelp_listsItsOptions() {
    for (String command : new String[] {"generate", "reproduce", "evaluate", "report"}) {
      assertEquals(0, run(command, "--help"), command);
      assertTrue(result[0].startsWith("Usage: sdrm " + command), result[0]);
      assertTrue(result[0].contains("--help"), result[0]);
    }
    assertTrue(result[0].contains("--recommenders=LIST"), result[0]);
    assertEquals(0, run("help", "generate"));
    assertTrue(result[0].contains("--binarize=RULE"), result[0]);
  }

  @Test
  void noCommand_usageAndExitTwo() {
    assertEquals(2, run());
    assertTrue(result[0].startsWith("Usage: sdrm"), result[0]);
  }

  @Test
  void repeatedSingleValuedOption_isAnError() throws IOException {
    assertEquals(
        2,
        run(
            "generate",
            "--input",
            ratings().toString(),
            "--output",
            dir.resolve("out.csv").toString(),
            "--seed",
            "1",
            "--seed=2"));
    assertOneLineAndNoOutput("generate: option '--seed' (S) should be specified only once");
  }

  @Test
  void equalsSyntax_andTypedConversionErrors() throws IOException {
    // --opt=value reaches the command: the same check as with a separate value
    assertEquals(
        2,
        run(
            "generate",
            "--input=" + ratings(),
            "--output=" + dir.resolve("out.csv"),
            "--users=-5"));
    assertOneLineAndNoOutput("--users must be at least 0, found -5");
    assertEquals(
        2,
        run(
            "generate",
            "--input",
            ratings().toString(),
            "--output",
            dir.resolve("out.csv").toString(),
            "--diffusion-lr",
            "NaN"));
    assertOneLineAndNoOutput(
        "generate: Invalid value for option '--diffusion-lr': expected a"
            + " finite number, found 'NaN'");
    assertEquals(
        2,
        run(
            "generate",
            "--input",
            ratings().toString(),
            "--output",
            dir.resolve("out.csv").toString(),
            "--resolution",
            "half"));
    assertOneLineAndNoOutput(
        "generate: Invalid value for option '--resolution': expected one of"
            + " full, multi; found 'half'");
    assertEquals(2, run("generate", "--output", dir.resolve("out.csv").toString()));
    assertOneLineAndNoOutput("generate: Missing required option: '--input=FILE'");
    assertEquals(
        2,
        run(
            "generate",
            "--input",
            ratings().toString(),
            "--output",
            dir.resolve("out.csv").toString(),
            "--colour",
            "red"));
    assertOneLineAndNoOutput("generate: Unknown options: '--colour', 'red'");
  }
}
