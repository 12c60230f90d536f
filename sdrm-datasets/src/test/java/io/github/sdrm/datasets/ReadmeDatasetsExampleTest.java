package io.github.sdrm.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.sdrm.data.InteractionMatrix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's datasets example, verbatim between the markers (skipped without shared data). */
class ReadmeDatasetsExampleTest {
  @Test
  void readmeExample() throws IOException {
    Path dataDir = Path.of(System.getProperty("sdrm.data.dir", "../../shared/data"),
        "raw/ml-100k");
    assumeTrue(Files.exists(dataDir.resolve("u.data")), "skipped: " + dataDir + " not found");
    // README example start
    Dataset ml100k = Preprocessing.defaults()          // rating >= 4 -> 1, 5-core, 70/20/10 users
        .apply(Datasets.ratings(PaperDataset.ML_100K, dataDir));   // dataDir/u.data, else the cache
    InteractionMatrix train = ml100k.trainTest();     // the reference's TRAIN
    InteractionMatrix valid = ml100k.valid();         // its evaluation users
    Dataset offline = SyntheticDataset.mlLike();      // built in, no download
    // README example end
    assertEquals(843, train.rows());
    assertEquals(95, valid.rows());
    assertEquals(938, offline.full().rows());
  }
}
