package io.github.sdrm.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RatingsFormatTest {
  @TempDir Path dir;

  private RatingsFormat detect(String name, String content) throws IOException {
    return RatingsFormat.detect(Files.writeString(dir.resolve(name), content));
  }

  @Test
  void detect_byName() throws IOException {
    assertEquals(RatingsFormat.MOVIELENS_100K, detect("u.data", "anything"));
    assertEquals(RatingsFormat.MOVIELENS_DAT, detect("ratings.dat", "anything"));
    assertEquals(RatingsFormat.MOVIELENS_CSV, detect("ratings.csv", "anything"));
    assertEquals(RatingsFormat.AMAZON_JSON, detect("Luxury_Beauty_5.json", "x"));
  }

  @Test
  void detect_byFirstLine() throws IOException {
    assertEquals(RatingsFormat.MOVIELENS_100K, detect("a.txt", "196\t242\t3\t881250949\n"));
    assertEquals(RatingsFormat.MOVIELENS_DAT, detect("b.txt", "\n1::1193::5::978300760\n"));
    assertEquals(
        RatingsFormat.MOVIELENS_CSV,
        detect("c.txt", "\uFEFFuserId,movieId,rating,timestamp\n1,1,4.0,964982703\n"));
    assertEquals(RatingsFormat.AMAZON_CSV, detect("d.csv", "B0001,A2XY,5.0,1388707200\n"));
    assertEquals(RatingsFormat.AMAZON_JSON, detect("e.txt", "{\"overall\": 5.0}\n"));
  }

  @Test
  void detect_unknownEmptyOrMissing() throws IOException {
    DatasetFormatException e =
        assertThrows(DatasetFormatException.class, () -> detect("f.txt", "hello world\n"));
    assertTrue(
        e.getMessage()
            .contains(
                "f.txt:1: cannot tell the ratings format from the name"
                    + " or from the first line 'hello world'"),
        e.getMessage());
    e = assertThrows(DatasetFormatException.class, () -> detect("g.txt", "\n\n"));
    assertTrue(e.getMessage().contains("empty file"), e.getMessage());
    assertThrows(NoSuchFileException.class, () -> RatingsFormat.detect(dir.resolve("missing.txt")));
  }
}
