package io.github.sdrm.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.sdrm.data.InteractionMatrix;
import io.github.sdrm.datasets.InteractionWriter.Format;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InteractionWriterTest {
  @TempDir Path dir;

  /** Ones only (what generation writes), ~20 % dense. */
  private static InteractionMatrix ones(long seed, int rows, int cols) {
    SplittableRandom rnd = new SplittableRandom(seed);
    InteractionMatrix.Builder b = InteractionMatrix.builder(rows, cols);
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        if (rnd.nextDouble() < 0.2) {
          b.add(r, c, 1);
        }
      }
    }
    return b.build();
  }

  private static void write(Path p, Format f, InteractionMatrix m, List<String> items)
      throws IOException {
    try (InteractionWriter w = InteractionWriter.open(p, f, m.rows(), m.columns(), items)) {
      for (int r = 0; r < m.rows(); r++) {
        int[] cols = m.rowColumns(r);
        // a longer buffer than the count: only the first count entries are written
        int[] buf = java.util.Arrays.copyOf(cols, cols.length + 3);
        w.writeRow(buf, cols.length);
      }
      w.commit();
    }
  }

  private static List<String> ids(int n, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add("B0" + Long.toHexString(rnd.nextLong()) + "é" + i);
    }
    return out;
  }

  @Property(tries = 40)
  void readersReadBackWhatTheWholeMatrixWritersWrite(
      @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 25) int rows,
      @ForAll @IntRange(min = 1, max = 25) int cols,
      @ForAll boolean withIds)
      throws IOException {
    Path tmp = Files.createTempDirectory("sdrm-writer");
    try {
      InteractionMatrix m = ones(seed, rows, cols);
      List<String> items = withIds ? ids(cols, seed) : null;
      Path csv = tmp.resolve("m.csv");
      write(csv, Format.CSV, m, items);
      LabeledMatrix back = TripletCsv.readLabeled(csv);
      assertEquals(m, back.matrix());
      assertEquals(items, back.itemIds());
      Path mtx = tmp.resolve("m.mtx");
      write(mtx, Format.MATRIX_MARKET, m, items);
      LabeledMatrix backMtx = MatrixMarket.read(mtx);
      assertEquals(m, backMtx.matrix());
      assertEquals(items, backMtx.itemIds());
      // the same entries as the whole-matrix writers, in the same order
      Path whole = tmp.resolve("whole.mtx");
      MatrixMarket.write(whole, new LabeledMatrix(m, null, items));
      assertEquals(entryLines(whole), entryLines(mtx));
      Path wholeCsv = tmp.resolve("whole.csv");
      TripletCsv.write(wholeCsv, new LabeledMatrix(m, null, items));
      assertEquals(entryLines(wholeCsv), entryLines(csv));
    } finally {
      try (Stream<Path> s = Files.list(tmp)) {
        for (Path p : s.toList()) {
          Files.delete(p);
        }
      }
      Files.delete(tmp);
    }
  }

  private static List<String> entryLines(Path p) throws IOException {
    return Files.readAllLines(p, StandardCharsets.UTF_8).stream()
        .filter(l -> !l.startsWith("%") && !l.startsWith("#") && !l.startsWith("user,"))
        .skip(p.toString().endsWith(".mtx") ? 1 : 0) // the size line
        .toList();
  }

  @Test
  void missingRows_nothingWrittenAndTheOldFileKept() throws IOException {
    Path p = dir.resolve("out.csv");
    Files.writeString(p, "old");
    try (InteractionWriter w = InteractionWriter.open(p, Format.CSV, 3, 4, null)) {
      w.writeRow(new int[] {1, 2}, 2);
      IllegalStateException e = assertThrows(IllegalStateException.class, w::commit);
      assertEquals("3 rows were declared but 1 written", e.getMessage());
    }
    assertEquals("old", Files.readString(p));
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(1, s.count(), "no temporary file left");
    }
  }

  @Test
  void exceptionInTheBody_noFileLeft() throws IOException {
    Path p = dir.resolve("out.mtx");
    assertThrows(
        IllegalArgumentException.class,
        () -> {
          try (InteractionWriter w = InteractionWriter.open(p, Format.MATRIX_MARKET, 2, 4, null)) {
            w.writeRow(new int[] {2, 1}, 2);
          }
        });
    assertFalse(Files.exists(p));
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(0, s.count());
    }
  }

  @Test
  void badRows_clearMessages() throws IOException {
    try (InteractionWriter w =
        InteractionWriter.open(dir.resolve("x.csv"), Format.CSV, 1, 4, null)) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> w.writeRow(new int[] {1, 4}, 2));
      assertEquals("row 0: expected ascending columns in [0, 4), found 4 after 1", e.getMessage());
      assertThrows(IllegalArgumentException.class, () -> w.writeRow(new int[] {1}, 2));
      w.writeRow(new int[0], 0);
      IllegalStateException full =
          assertThrows(IllegalStateException.class, () -> w.writeRow(new int[0], 0));
      assertEquals("all 1 declared rows are written", full.getMessage());
      w.commit();
      assertThrows(IllegalStateException.class, w::commit);
    }
    assertEquals(0, TripletCsv.read(dir.resolve("x.csv")).storedCount());
    IllegalArgumentException ids =
        assertThrows(
            IllegalArgumentException.class,
            () -> InteractionWriter.open(dir.resolve("y.csv"), Format.CSV, 1, 2, List.of("a")));
    assertEquals("expected 2 item ids, found 1", ids.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> InteractionWriter.open(dir.resolve("y.csv"), Format.CSV, 1, 2, List.of("a", "b,c")));
    assertThrows(
        IllegalArgumentException.class,
        () -> InteractionWriter.open(dir.resolve("y.csv"), Format.CSV, -1, 2, null));
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(1, s.count());
    }
  }

  @Test
  void formatFromTheName() {
    assertEquals(Format.MATRIX_MARKET, Format.forPath(Path.of("a/b.mtx")));
    assertEquals(Format.CSV, Format.forPath(Path.of("b.csv")));
    assertArrayEquals(new Format[] {Format.CSV, Format.MATRIX_MARKET}, Format.values());
  }
}
