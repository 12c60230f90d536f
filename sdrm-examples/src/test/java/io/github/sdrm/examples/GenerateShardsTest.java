package io.github.sdrm.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sdrm.data.InteractionMatrix;
import io.github.sdrm.datasets.LabeledMatrix;
import io.github.sdrm.datasets.MatrixMarket;
import io.github.sdrm.datasets.TripletCsv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sdrm generate} streams: shards of a job written by separate runs join to the job. */
class GenerateShardsTest {
  @TempDir static Path dir;
  static Path input;
  static Path model;

  @BeforeAll
  static void trainOnce() throws IOException {
    SplittableRandom rnd = new SplittableRandom(3);
    InteractionMatrix.Builder b = InteractionMatrix.builder(40, 30);
    for (int u = 0; u < 40; u++) {
      for (int i = 0; i < 30; i++) {
        if (rnd.nextDouble() < ((i < 15) == (u % 2 == 0) ? 0.4 : 0.1)) {
          b.add(u, i, 1);
        }
      }
    }
    input = dir.resolve("train.csv");
    TripletCsv.write(input, b.build());
    model = dir.resolve("m.sdrm");
    CliRun fit =
        CliRun.of(
            "generate",
            "--input",
            input.toString(),
            "--output",
            dir.resolve("first.csv").toString(),
            "--save-model",
            model.toString(),
            "--vae-hidden",
            "16",
            "--latent-size",
            "8",
            "--vae-epochs",
            "6",
            "--vae-min-epochs",
            "1",
            "--timesteps",
            "5",
            "--denoiser-layers",
            "1",
            "--diffusion-epochs",
            "3",
            "--threads",
            "1",
            "--progress",
            "none");
    assertEquals(0, fit.code(), fit.err());
  }

  /** {@code generate} of 50 M-SDRM users from the saved model into {@code output}. */
  private static CliRun run(String output, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "generate",
                "--input",
                input.toString(),
                "--load-model",
                model.toString(),
                "--output",
                dir.resolve(output).toString(),
                "--users",
                "50",
                "--resolution",
                "multi",
                "--progress",
                "none"));
    args.addAll(List.of(more));
    return CliRun.of(args.toArray(String[]::new));
  }

  /** As {@link #run}, which must succeed. */
  private static CliRun generate(String output, String... more) {
    CliRun r = run(output, more);
    assertEquals(0, r.code(), r.err());
    return r;
  }

  @Test
  void shardsJoinToTheWholeJob() throws IOException {
    CliRun whole = generate("whole.csv");
    assertTrue(whole.out().contains("from a 4096-user sample"), whole.out());
    generate("s0.csv", "--to", "17");
    generate("s1.mtx", "--from", "17", "--to", "40");
    generate("s2.csv", "--from", "40");
    InteractionMatrix expected = TripletCsv.read(dir.resolve("whole.csv"));
    assertEquals(50, expected.rows());
    assertTrue(expected.storedCount() > 0);
    InteractionMatrix joined =
        InteractionMatrix.vstack(
            TripletCsv.read(dir.resolve("s0.csv")),
            MatrixMarket.read(dir.resolve("s1.mtx")).matrix(),
            TripletCsv.read(dir.resolve("s2.csv")));
    assertEquals(expected, joined);
  }

  @Test
  void csvAndMatrixMarketHoldTheSameUsers() throws IOException {
    generate("zero.csv", "--binarize", "zero");
    generate("zero-exact.mtx", "--binarize", "zero");
    assertEquals(
        TripletCsv.read(dir.resolve("zero.csv")),
        MatrixMarket.read(dir.resolve("zero-exact.mtx")).matrix());
  }

  @Test
  void exactThresholdKeepsThePapersDensity() throws IOException {
    CliRun r = generate("exact.csv", "--exact-threshold");
    assertTrue(r.out().contains("exact quantile"), r.out());
    LabeledMatrix m = TripletCsv.readLabeled(dir.resolve("exact.csv"));
    assertEquals(50, m.matrix().rows());
  }

  @Test
  void badRanges_oneLineAndNoFile() throws IOException {
    CliRun r = run("out-bad.csv", "--from", "30", "--to", "20");
    assertEquals(2, r.code());
    assertEquals(
        "sdrm: expected 0 <= --from <= --to <= --users (50), found --from 30 --to 20",
        r.err().strip());
    CliRun exact = run("out-bad.csv", "--exact-threshold", "--to", "20");
    assertEquals(2, exact.code());
    assertTrue(exact.err().contains("cannot be used with --from / --to"), exact.err());
    try (Stream<Path> files = Files.list(dir)) {
      assertFalse(files.anyMatch(p -> p.getFileName().toString().startsWith("out-bad")));
    }
  }
}
