package io.github.sdrm.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.sdrm.data.InteractionMatrix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class RoundTripProperties {

  private static InteractionMatrix random(long seed, int rows, int cols) {
    SplittableRandom rnd = new SplittableRandom(seed);
    InteractionMatrix.Builder b = InteractionMatrix.builder(rows, cols);
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        if (rnd.nextDouble() < 0.2) {
          b.add(r, c, rnd.nextInt(2));
        }
      }
    }
    return b.build();
  }

  private static List<String> ids(String prefix, int n, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(prefix + Long.toHexString(rnd.nextLong()) + "-" + i);
    }
    return out;
  }

  @Property(tries = 50)
  void csvRoundTrip(
      @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 30) int rows,
      @ForAll @IntRange(min = 1, max = 30) int cols)
      throws IOException {
    Path dir = Files.createTempDirectory("sdrm-csv");
    try {
      InteractionMatrix m = random(seed, rows, cols);
      Path p = dir.resolve("m.csv");
      TripletCsv.write(p, m);
      assertEquals(m, TripletCsv.read(p));
    } finally {
      deleteAll(dir);
    }
  }

  @Property(tries = 50)
  void csvRoundTripKeepsIds(
      @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 30) int rows,
      @ForAll @IntRange(min = 1, max = 30) int cols)
      throws IOException {
    Path dir = Files.createTempDirectory("sdrm-csv");
    try {
      LabeledMatrix in =
          new LabeledMatrix(
              random(seed, rows, cols),
              seed % 3 == 0 ? null : ids("u", rows, seed),
              ids("i", cols, ~seed));
      Path p = dir.resolve("m.csv");
      TripletCsv.write(p, in);
      assertEquals(in, TripletCsv.readLabeled(p));
      assertEquals(in.matrix(), TripletCsv.read(p));
    } finally {
      deleteAll(dir);
    }
  }

  @Property(tries = 50)
  void matrixMarketRoundTripKeepsIds(
      @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 30) int rows,
      @ForAll @IntRange(min = 1, max = 30) int cols)
      throws IOException {
    Path dir = Files.createTempDirectory("sdrm-mm");
    try {
      InteractionMatrix m = random(seed, rows, cols);
      LabeledMatrix in = new LabeledMatrix(m, ids("u", rows, seed), ids("i", cols, ~seed));
      Path p = dir.resolve("m.mtx");
      MatrixMarket.write(p, in);
      assertEquals(in, MatrixMarket.read(p));
    } finally {
      deleteAll(dir);
    }
  }

  @Property(tries = 20)
  void matrixMarketReaderRejectsOutOfRangeIndices(@ForAll @IntRange(min = 2, max = 9) int n)
      throws IOException {
    Path dir = Files.createTempDirectory("sdrm-mm");
    try {
      Path p = dir.resolve("bad.mtx");
      Files.writeString(
          p,
          "%%MatrixMarket matrix coordinate integer general\n"
              + n
              + " "
              + n
              + " 1\n"
              + (n + 1)
              + " 1 1\n");
      DatasetFormatException e =
          assertThrows(DatasetFormatException.class, () -> MatrixMarket.read(p));
      assertEquals(
          p
              + ":3: expected row in [1, "
              + n
              + "] and column in [1, "
              + n
              + "], found "
              + (n + 1)
              + " and 1",
          e.getMessage());
    } finally {
      deleteAll(dir);
    }
  }

  private static void deleteAll(Path dir) throws IOException {
    try (var files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.delete(f);
      }
    }
    Files.delete(dir);
  }
}
