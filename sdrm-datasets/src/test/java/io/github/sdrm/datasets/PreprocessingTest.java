package io.github.sdrm.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.sdrm.data.InteractionMatrix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreprocessingTest {
  @TempDir Path dir;

  private static Path data(String relative) {
    Path p = Path.of(System.getProperty("sdrm.data.dir", "../../shared/data")).resolve(relative);
    assumeTrue(Files.exists(p), "skipped: " + p + " not found (../shared/data is absent)");
    return p;
  }

  @Test
  void ml100k_uData_givesTheReferenceMatrixAndSplits() throws IOException {
    Dataset d =
        Preprocessing.defaults()
            .apply(RawRatings.read(data("raw/ml-100k/u.data"), RatingsFormat.MOVIELENS_100K));
    Path splits = data("sdrm-splits/ml-100k");
    assertEquals(TripletCsv.read(splits.resolve("ml-100k_full.csv")), d.full());
    assertEquals(TripletCsv.read(splits.resolve("ml-100k_train.csv")), d.train());
    assertEquals(TripletCsv.read(splits.resolve("ml-100k_test.csv")), d.test());
    assertEquals(TripletCsv.read(splits.resolve("ml-100k_valid.csv")), d.valid());
    assertEquals(TripletCsv.read(splits.resolve("ml-100k_train_test.csv")), d.trainTest());
    assertEquals(938, d.userIds().size());
    assertEquals(1008, d.itemIds().size());
  }

  private Path write(String content) throws IOException {
    Path p = dir.resolve("ratings.txt");
    Files.writeString(p, content);
    return p;
  }

  @Test
  void kCore_removesEverything() throws IOException {
    RawRatings raw =
        RawRatings.read(
            write("1\t1\t5\t0\n1\t2\t5\t0\n2\t1\t3\t0\n"), RatingsFormat.MOVIELENS_100K);
    assertEquals("RawRatings[3 ratings, 2 users, 2 items]", raw.toString());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Preprocessing.defaults().apply(raw));
    assertTrue(
        e.getMessage().startsWith("the 5-core on ratings >= 4.0 removes every user"),
        e.getMessage());
  }

  @Test
  void smallExample_labelsIndexingAndSplit() throws IOException {
    // users 10 and 9 (ids sort numerically: 9 before 10), items 20 and 3
    RawRatings raw =
        RawRatings.read(
            write("10::20::5::1\n10::3::2::1\n9::20::4::1\n"), RatingsFormat.MOVIELENS_DAT);
    Dataset d = Preprocessing.builder().kCore(0).fractions(0.5, 0.5).build().apply(raw);
    assertEquals(List.of("9", "10"), d.userIds());
    assertEquals(List.of("3", "20"), d.itemIds());
    InteractionMatrix expected =
        InteractionMatrix.builder(2, 2).add(0, 1, 1).add(1, 0, 0).add(1, 1, 1).build();
    assertEquals(expected, d.full());
    assertEquals(1, d.train().rows());
    assertEquals(1, d.test().rows());
    assertEquals(0, d.valid().rows());
  }

  @Test
  void kCore_dropsItemsWithoutEnoughPositives() throws IOException {
    // item 3 has one rating, a dislike: no positive, so a 1-core drops it
    RawRatings raw =
        RawRatings.read(
            write("10::20::5::1\n10::3::2::1\n9::20::4::1\n"), RatingsFormat.MOVIELENS_DAT);
    Dataset d = Preprocessing.builder().kCore(1).build().apply(raw);
    assertEquals(List.of("20"), d.itemIds());
    assertEquals(2, d.full().storedCount());
  }

  @Test
  void duplicates_policies() throws IOException {
    Path p = write("1,1,5,0\n1,1,1,0\n");
    RawRatings raw = RawRatings.read(p, RatingsFormat.AMAZON_CSV);
    assertEquals(0, Preprocessing.builder().kCore(0).build().apply(raw).full().onesCount());
    assertEquals(
        1,
        Preprocessing.builder()
            .kCore(0)
            .duplicates(Preprocessing.Duplicates.KEEP_FIRST)
            .build()
            .apply(raw)
            .full()
            .onesCount());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Preprocessing.builder().duplicates(Preprocessing.Duplicates.ERROR).build().apply(raw));
  }

  @Test
  void read_nonNumericRating() throws IOException {
    Path p = write("1\t2\t5\t0\n1\t3\tfive\t0\n");
    DatasetFormatException e =
        assertThrows(
            DatasetFormatException.class, () -> RawRatings.read(p, RatingsFormat.MOVIELENS_100K));
    assertEquals(p + ":2: expected a numeric rating, found 'five'", e.getMessage());
  }

  @Test
  void read_shortLine() throws IOException {
    Path p = write("1\t2\n");
    DatasetFormatException e =
        assertThrows(
            DatasetFormatException.class, () -> RawRatings.read(p, RatingsFormat.MOVIELENS_100K));
    assertTrue(
        e.getMessage().startsWith(p + ":1: expected at least 3 fields separated by '\\t'"),
        e.getMessage());
  }

  @Test
  void read_unexpectedHeader() throws IOException {
    Path p = write("userId,movieId,rating,timestamp\n1,2,5,0\n");
    DatasetFormatException e =
        assertThrows(
            DatasetFormatException.class, () -> RawRatings.read(p, RatingsFormat.AMAZON_CSV));
    assertTrue(
        e.getMessage().contains(":1: expected a numeric rating, found 'rating'"), e.getMessage());
  }

  @Test
  void read_missingHeader() throws IOException {
    Path p = write("1,2,5,0\n");
    DatasetFormatException e =
        assertThrows(
            DatasetFormatException.class, () -> RawRatings.read(p, RatingsFormat.MOVIELENS_CSV));
    assertEquals(
        p + ":1: expected the header 'userId,movieId,rating,timestamp', found '1,2,5,0'",
        e.getMessage());
  }

  @Test
  void read_amazonJsonLines() throws IOException {
    Path p =
        write(
            "{\"overall\": 5.0, \"verified\": true, \"reviewerID\": \"A1\", "
                + "\"asin\": \"B01\", \"style\": {\"Format:\": \" Audio CD\"}, "
                + "\"reviewText\": \"not \\\"overall\\\": 1\"}\n"
                + "{\"reviewerID\": \"A2\", \"asin\": \"B01\", \"overall\": 2.0}\n");
    RawRatings raw = RawRatings.read(p, RatingsFormat.AMAZON_JSON);
    Dataset d = Preprocessing.builder().kCore(0).build().apply(raw);
    assertEquals(List.of("A1", "A2"), d.userIds());
    assertEquals(List.of("B01"), d.itemIds());
    assertEquals(1, d.full().get(0, 0));
    assertEquals(0, d.full().get(1, 0));
  }

  @Test
  void read_amazonJsonMissingField() throws IOException {
    Path p = write("{\"reviewerID\": \"A1\", \"overall\": 5.0}\n");
    DatasetFormatException e =
        assertThrows(
            DatasetFormatException.class, () -> RawRatings.read(p, RatingsFormat.AMAZON_JSON));
    assertTrue(
        e.getMessage().startsWith(p + ":1: expected fields reviewerID, asin and overall"),
        e.getMessage());
  }

  @Test
  void read_emptyFile() throws IOException {
    Path p = write("");
    assertThrows(
        DatasetFormatException.class, () -> RawRatings.read(p, RatingsFormat.MOVIELENS_100K));
  }
}
