package io.github.sdrm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sdrm.data.InteractionMatrix;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A model file of format version 1, committed with the users it generated when it was written, must
 * keep loading and generating exactly those users. Regenerate both files only when a format change
 * is intended, with {@code main} from the repository root (test class path): {@code java -cp <test
 * class path> io.github.sdrm.GoldenModelFileTest sdrm-core/src/test/resources/io/github/sdrm}.
 */
class GoldenModelFileTest {
  private static final String MODEL = "golden-v1.sdrm";
  private static final String EXPECTED = "golden-v1-generated.txt";

  /** The users the golden file must produce: 12 F-SDRM, 12 M-SDRM and 12 MultiVAE, as text. */
  static String generated(FittedSdrm model) {
    long seed = model.provenance().generationSeed();
    StringBuilder sb = new StringBuilder();
    append(sb, "F-SDRM", model.generate(12, Resolution.FULL, seed));
    append(sb, "M-SDRM", model.generate(12, Resolution.MULTI, seed));
    append(sb, "MultiVAE", model.generateVae(12, seed));
    return sb.toString();
  }

  private static void append(StringBuilder sb, String name, InteractionMatrix m) {
    for (int u = 0; u < m.rows(); u++) {
      sb.append(name).append(' ').append(u).append(':');
      for (int c : m.rowColumns(u)) {
        sb.append(' ').append(c);
      }
      sb.append('\n');
    }
  }

  @Test
  void formatVersion1_loadsAndGeneratesTheSameUsers() throws IOException, URISyntaxException {
    Path model = Path.of(GoldenModelFileTest.class.getResource(MODEL).toURI());
    String expected =
        Files.readString(
            Path.of(GoldenModelFileTest.class.getResource(EXPECTED).toURI()),
            StandardCharsets.UTF_8);
    FittedSdrm loaded = FittedSdrm.load(model);
    assertEquals(expected, generated(loaded));
  }

  /** Writes the golden model and its generated users into {@code args[0]}. */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    FittedSdrm model = TestData.smallConfig().seed(5).build().fit(TestData.clustered(45, 20, 3L));
    model.save(dir.resolve(MODEL));
    Files.writeString(
        dir.resolve(EXPECTED),
        generated(FittedSdrm.load(dir.resolve(MODEL))),
        StandardCharsets.UTF_8);
  }
}
