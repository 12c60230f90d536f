package io.github.sdrm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sdrm.data.InteractionMatrix;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's usage example, verbatim between the markers, on a small matrix. */
class ReadmeExampleTest {
  @TempDir Path dir;

  @Test
  void readmeExample() throws Exception {
    InteractionMatrix train = TestData.clustered(30, 20, 1L);
    Path modelFile = dir.resolve("ml-100k.sdrm");
    // README example start
    Sdrm sdrm = Sdrm.builder()                      // the published ML-100K / SVD values
        .timesteps(83).latentSize(830).vaeHiddenSize(930).denoiserLayers(2)
        .diffusionEpochs(265).diffusionBatchSize(550).diffusionLearningRate(2.1e-5)
        .vaeBatchSize(780).vaeLearningRate(6e-4).noiseVarianceDiminisher(1.0)
        .seed(7)
        .build();
    FittedSdrm model = sdrm.fit(train);
    InteractionMatrix augmented = model.augment(train);  // train's rows, then as many synthetic
    InteractionMatrix multi = model.generate(50, Resolution.MULTI);   // 50 M-SDRM users
    model.save(modelFile);
    FittedSdrm same = FittedSdrm.load(modelFile);        // generates exactly what model does
    // README example end
    assertEquals(2 * train.rows(), augmented.rows());
    assertEquals(train, augmented.rowRange(0, train.rows()));
    assertEquals(multi, same.generate(50, Resolution.MULTI));
    assertEquals(1, Files.list(dir).count());
  }
}
