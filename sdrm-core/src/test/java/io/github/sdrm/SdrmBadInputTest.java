package io.github.sdrm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sdrm.data.InteractionMatrix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SdrmBadInputTest {
  private static FittedSdrm model;
  private static Path saved;

  @TempDir static Path shared;
  @TempDir Path dir;

  @BeforeAll
  static void fitOnce() throws IOException {
    model = TestData.smallConfig().seed(1).build().fit(TestData.clustered(40, 30, 2L));
    saved = shared.resolve("model.sdrm");
    model.save(saved);
  }

  @Test
  void fit_emptyMatrix() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> TestData.smallConfig().build().fit(InteractionMatrix.builder(0, 5).build()));
    assertEquals("train must have at least one row, found 0", e.getMessage());
  }

  @Test
  void fit_noStoredEntries() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> TestData.smallConfig().build().fit(InteractionMatrix.builder(4, 5).build()));
    assertEquals("train must have at least one stored entry, found none in 4 x 5", e.getMessage());
  }

  @Test
  void fit_validationWithOtherItemCount() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                TestData.smallConfig()
                    .build()
                    .fit(TestData.clustered(10, 30, 1L), TestData.clustered(10, 31, 1L)));
    assertEquals(
        "validation must have as many items as train, found 31 items in validation"
            + " and 30 in train",
        e.getMessage());
  }

  @Test
  void augment_otherItemCount() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> model.augment(TestData.clustered(5, 29, 1L)));
    assertEquals(
        "matrix must have the model's 30 items, found 29 (rows x items = 5 x 29)", e.getMessage());
  }

  @Test
  void generate_negativeUsers() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> model.generate(-1, Resolution.FULL));
    assertEquals("users must be at least 0, found -1", e.getMessage());
  }

  @Test
  void generate_rawBinarizerNeedsScores() {
    FittedSdrm raw =
        TestData.smallConfig()
            .binarizer(Binarizer.raw())
            .vaeMaxEpochs(1)
            .diffusionEpochs(1)
            .build()
            .fit(TestData.clustered(20, 10, 1L));
    assertThrows(IllegalStateException.class, () -> raw.generate(3, Resolution.FULL));
    assertEquals(3, raw.generateScores(3, Resolution.FULL, 1L).rows());
  }

  @Test
  void fit_nonFiniteVaeLoss() {
    TrainingDivergedException e =
        assertThrows(
            TrainingDivergedException.class,
            () ->
                TestData.smallConfig()
                    .vaeLearningRate(1e38)
                    .build()
                    .fit(TestData.clustered(40, 30, 2L)));
    assertEquals(Stage.VAE, e.stage());
    assertTrue(!Double.isFinite(e.loss()));
    assertTrue(e.getMessage().startsWith("VAE training diverged: loss is "), e.getMessage());
    assertTrue(e.getMessage().contains(" at epoch " + e.epoch()), e.getMessage());
  }

  @Test
  void fit_nonFiniteDiffusionLoss() {
    TrainingDivergedException e =
        assertThrows(
            TrainingDivergedException.class,
            () ->
                TestData.smallConfig()
                    .diffusionLearningRate(1e38)
                    .diffusionEpochs(30)
                    .build()
                    .fit(TestData.clustered(40, 30, 2L)));
    assertEquals(Stage.DIFFUSION, e.stage());
    assertTrue(e.getMessage().startsWith("diffusion training diverged: loss is "), e.getMessage());
  }

  @Test
  void load_truncatedFile() throws IOException {
    byte[] bytes = Files.readAllBytes(saved);
    Path cut = dir.resolve("cut.sdrm");
    Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
    ModelFormatException e = assertThrows(ModelFormatException.class, () -> FittedSdrm.load(cut));
    assertTrue(e.getMessage().contains("is truncated"), e.getMessage());
  }

  @Test
  void load_truncatedChecksum() throws IOException {
    byte[] bytes = Files.readAllBytes(saved);
    Path cut = dir.resolve("cut.sdrm");
    Files.write(cut, Arrays.copyOf(bytes, bytes.length - 3));
    assertThrows(ModelFormatException.class, () -> FittedSdrm.load(cut));
  }

  @Test
  void load_foreignFile() throws IOException {
    Path foreign = dir.resolve("notes.txt");
    Files.writeString(foreign, "user,item,value\n0,1,1\n");
    ModelFormatException e =
        assertThrows(ModelFormatException.class, () -> FittedSdrm.load(foreign));
    assertEquals(foreign + " is not an SDRM model file (no SDRMJMOD header)", e.getMessage());
  }

  @Test
  void load_emptyFile() throws IOException {
    Path empty = Files.createFile(dir.resolve("empty.sdrm"));
    assertThrows(ModelFormatException.class, () -> FittedSdrm.load(empty));
  }

  @Test
  void load_newerFormatVersion() throws IOException {
    byte[] bytes = Files.readAllBytes(saved);
    bytes[11] = (byte) (ModelFile.FORMAT_VERSION + 1); // big-endian int after the 8-byte magic
    Path newer = dir.resolve("newer.sdrm");
    Files.write(newer, bytes);
    ModelFormatException e = assertThrows(ModelFormatException.class, () -> FittedSdrm.load(newer));
    assertTrue(
        e.getMessage()
            .contains(
                "has model format version "
                    + (ModelFile.FORMAT_VERSION + 1)
                    + ", newer than the "
                    + ModelFile.FORMAT_VERSION),
        e.getMessage());
  }

  @Test
  void load_corruptedByte() throws IOException {
    byte[] bytes = Files.readAllBytes(saved);
    bytes[bytes.length - 100] ^= 0x40;
    Path bad = dir.resolve("bad.sdrm");
    Files.write(bad, bytes);
    ModelFormatException e = assertThrows(ModelFormatException.class, () -> FittedSdrm.load(bad));
    assertTrue(e.getMessage().contains("checksum mismatch"), e.getMessage());
  }

  @Test
  void save_failureLeavesNoPartialFile() throws IOException {
    Path target = dir.resolve("occupied");
    Files.createDirectories(target.resolve("child"));
    assertThrows(IOException.class, () -> model.save(target));
    try (Stream<Path> files = Files.list(dir)) {
      List<String> names = files.map(p -> p.getFileName().toString()).collect(Collectors.toList());
      assertEquals(List.of("occupied"), names);
    }
  }

  @Test
  void save_replacesExistingFileAtomically() throws IOException {
    Path target = dir.resolve("m.sdrm");
    Files.writeString(target, "old");
    model.save(target);
    FittedSdrm loaded = FittedSdrm.load(target);
    assertEquals(model.generate(9, Resolution.MULTI), loaded.generate(9, Resolution.MULTI));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(1, files.count());
    }
  }

  @Test
  void generate_zeroUsers() {
    assertEquals(0, model.generate(0, Resolution.MULTI).rows());
    assertEquals(0, model.generateVae(0).rows());
    assertEquals(0, model.generateScores(0, Resolution.FULL, 1L).length());
  }
}
