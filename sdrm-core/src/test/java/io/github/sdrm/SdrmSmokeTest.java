package io.github.sdrm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sdrm.data.InteractionMatrix;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SdrmSmokeTest {
  @TempDir Path dir;

  @Test
  void fitGenerateSaveLoad() throws Exception {
    InteractionMatrix train = TestData.clustered(60, 40, 1L);
    FittedSdrm model = TestData.smallConfig().seed(3).build().fit(train);
    InteractionMatrix full = model.generate(25, Resolution.FULL);
    InteractionMatrix multi = model.generate(25, Resolution.MULTI);
    InteractionMatrix vae = model.generateVae(25);
    assertEquals(25, full.rows());
    assertEquals(40, full.columns());
    assertEquals(25, multi.rows());
    assertEquals(25, vae.rows());
    assertNotEquals(full, multi);
    assertTrue(model.provenance().history().size() > 4);

    Path file = dir.resolve("m.sdrm");
    model.save(file);
    // readable by others, like any file written directly (not the temporary file's private mode)
    assertEquals(
        "rw-r--r--",
        java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    FittedSdrm loaded = FittedSdrm.load(file);
    assertEquals(full, loaded.generate(25, Resolution.FULL));
    assertEquals(multi, loaded.generate(25, Resolution.MULTI));
    assertEquals(1, Files.list(dir).count());
  }
}
