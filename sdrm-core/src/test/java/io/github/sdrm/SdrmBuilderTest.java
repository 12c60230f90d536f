package io.github.sdrm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class SdrmBuilderTest {

  private static void rejects(String message, Executable e) {
    IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
    assertEquals(message, ex.getMessage());
  }

  @Test
  void defaults_areTheAuthorsStartPoint() {
    Sdrm s = Sdrm.builder().build();
    assertEquals(200, s.diffusionEpochs());
    assertEquals(500, s.diffusionBatchSize());
    assertEquals(1e-5, s.diffusionLearningRate());
    assertEquals(100, s.timesteps());
    assertEquals(1.0, s.noiseVarianceDiminisher());
    assertEquals(4, s.denoiserLayers());
    assertEquals(500, s.vaeBatchSize());
    assertEquals(600, s.vaeHiddenSize());
    assertEquals(200, s.latentSize());
    assertEquals(1e-3, s.vaeLearningRate());
    assertEquals(Resolution.FULL, s.resolution());
    assertEquals(Binarizer.equalSparsity(), s.binarizer());
    assertEquals(Sdrm.DEFAULT_SEED, s.seed());
  }

  @Test
  void timesteps_belowTwo() {
    rejects("timesteps must be at least 2, found 1", () -> Sdrm.builder().timesteps(1));
  }

  @Test
  void latentSize_zero() {
    rejects("latentSize must be at least 1, found 0", () -> Sdrm.builder().latentSize(0));
  }

  @Test
  void vaeHiddenSize_negative() {
    rejects("vaeHiddenSize must be at least 1, found -3", () -> Sdrm.builder().vaeHiddenSize(-3));
  }

  @Test
  void denoiserLayers_negative() {
    rejects("denoiserLayers must be at least 0, found -1", () -> Sdrm.builder().denoiserLayers(-1));
  }

  @Test
  void noiseVarianceDiminisher_zero() {
    rejects(
        "noiseVarianceDiminisher must be positive and finite, found 0.0",
        () -> Sdrm.builder().noiseVarianceDiminisher(0));
  }

  @Test
  void noiseVarianceDiminisher_nan() {
    rejects(
        "noiseVarianceDiminisher must be positive and finite, found NaN",
        () -> Sdrm.builder().noiseVarianceDiminisher(Double.NaN));
  }

  @Test
  void diffusionLearningRate_negative() {
    rejects(
        "diffusionLearningRate must be positive and finite, found -1.0E-5",
        () -> Sdrm.builder().diffusionLearningRate(-1e-5));
  }

  @Test
  void vaeLearningRate_infinite() {
    rejects(
        "vaeLearningRate must be positive and finite, found Infinity",
        () -> Sdrm.builder().vaeLearningRate(Double.POSITIVE_INFINITY));
  }

  @Test
  void diffusionBatchSize_zero() {
    rejects(
        "diffusionBatchSize must be at least 1, found 0",
        () -> Sdrm.builder().diffusionBatchSize(0));
  }

  @Test
  void vaeBatchSize_zero() {
    rejects("vaeBatchSize must be at least 1, found 0", () -> Sdrm.builder().vaeBatchSize(0));
  }

  @Test
  void diffusionEpochs_zero() {
    rejects("diffusionEpochs must be at least 1, found 0", () -> Sdrm.builder().diffusionEpochs(0));
  }

  @Test
  void vaeMaxEpochs_zero() {
    rejects("vaeMaxEpochs must be at least 1, found 0", () -> Sdrm.builder().vaeMaxEpochs(0));
  }

  @Test
  void vaePatience_negative() {
    rejects("vaePatience must be at least 0, found -1", () -> Sdrm.builder().vaePatience(-1));
  }

  @Test
  void validationFraction_one() {
    rejects(
        "validationFraction must be in (0, 1), found 1.0",
        () -> Sdrm.builder().validationFraction(1.0));
  }

  @Test
  void generationBatchSize_zero() {
    rejects(
        "generationBatchSize must be at least 1, found 0",
        () -> Sdrm.builder().generationBatchSize(0));
  }

  @Test
  void threads_negative() {
    rejects("threads must be at least 0, found -2", () -> Sdrm.builder().threads(-2));
  }

  @Test
  void elementwiseThreads_negative() {
    rejects(
        "elementwiseThreads must be at least 0, found -1",
        () -> Sdrm.builder().elementwiseThreads(-1));
  }

  @Test
  void binarizer_equalSparsityDensityOutOfRange() {
    rejects("density must be in (0, 1], found 1.5", () -> Binarizer.equalSparsity(1.5));
  }

  @Test
  void build_isRepeatableAndToBuilderCopies() {
    Sdrm.Builder b = Sdrm.builder().timesteps(83).latentSize(830).seed(7);
    Sdrm first = b.build();
    Sdrm second = b.build();
    assertNotSame(first, second);
    assertEquals(first, second);
    Sdrm changed = first.toBuilder().timesteps(10).build();
    assertEquals(10, changed.timesteps());
    assertEquals(83, first.timesteps());
    assertEquals(830, changed.latentSize());
  }

  @Test
  void toString_printsEveryHyperparameter() {
    String s = Sdrm.builder().build().toString();
    for (String key : Sdrm.builder().build().toProperties().keySet()) {
      assertTrue(s.contains(key + "="), key + " missing from " + s);
    }
  }

  @Test
  void properties_roundTrip() {
    Sdrm s =
        Sdrm.builder()
            .timesteps(17)
            .noiseVarianceDiminisher(0.3)
            .seed(-5)
            .vaeEarlyStopping(false)
            .vaeValidation(VaeValidation.LEAK_FREE)
            .binarizer(Binarizer.equalSparsity(0.125))
            .resolution(Resolution.MULTI)
            .build();
    assertEquals(s, Sdrm.fromProperties(s.toProperties()));
  }

  @Test
  void vaeValidation_defaultsToReferenceAndOldFilesReadAsLeakFree() {
    Sdrm s = Sdrm.builder().build();
    assertEquals(VaeValidation.REFERENCE, s.vaeValidation());
    java.util.Map<String, String> p = new java.util.LinkedHashMap<>(s.toProperties());
    p.remove("vaeValidation");
    assertEquals(VaeValidation.LEAK_FREE, Sdrm.fromProperties(p).vaeValidation());
    NullPointerException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            NullPointerException.class, () -> Sdrm.builder().vaeValidation(null));
    assertEquals("vaeValidation", e.getMessage());
  }
}
