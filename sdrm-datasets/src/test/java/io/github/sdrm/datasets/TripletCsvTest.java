package io.github.sdrm.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.sdrm.data.InteractionMatrix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TripletCsvTest {
  @TempDir Path dir;

  private Path write(String content) throws IOException {
    Path p = dir.resolve("m.csv");
    Files.writeString(p, content);
    return p;
  }

  private String failure(String content) throws IOException {
    Path p = write(content);
    return assertThrows(DatasetFormatException.class, () -> TripletCsv.read(p))
        .getMessage()
        .substring(p.toString().length());
  }

  @Test
  void read_wellFormed() throws IOException {
    InteractionMatrix m =
        TripletCsv.read(write("# rows=2 cols=3 entries=3\nuser,item,value\n0,0,1\n0,1,0\n1,2,1\n"));
    assertEquals(2, m.rows());
    assertEquals(3, m.columns());
    assertEquals(3, m.storedCount());
    assertEquals(2, m.onesCount());
    assertEquals(0, m.get(0, 1));
  }

  @Test
  void read_entriesBeyondLong() throws IOException {
    assertEquals(
        ":1: expected entries to fit a long, found 99999999999999999999",
        failure("# rows=2 cols=3 entries=99999999999999999999\nuser,item,value\n"));
  }

  @Test
  void read_rowsBeyondArrays() throws IOException {
    // used to fail with NegativeArraySizeException from new int[rows + 1]
    assertEquals(
        ":1: rows must be in [0, 2147483638], found 2147483647",
        failure("# rows=2147483647 cols=3 entries=0\nuser,item,value\n"));
  }

  @Test
  void read_emptyFile() throws IOException {
    assertEquals(
        ": expected a '# rows=R cols=C entries=N' header, found an empty file", failure(""));
  }

  @Test
  void read_missingColumnHeader() throws IOException {
    assertEquals(
        ":2: expected the column header 'user,item,value', found '0,0,1'",
        failure("# rows=2 cols=3 entries=1\n0,0,1\n"));
  }

  @Test
  void read_shortLine() throws IOException {
    assertEquals(
        ":3: expected 'user,item,value', found '0,1'",
        failure("# rows=2 cols=3 entries=1\nuser,item,value\n0,1\n"));
  }

  @Test
  void read_nonNumericValue() throws IOException {
    assertEquals(
        ":3: expected an integer value, found 'x'",
        failure("# rows=2 cols=3 entries=1\nuser,item,value\n0,1,x\n"));
  }

  @Test
  void read_valueNotBinary() throws IOException {
    assertEquals(
        ":3: expected value 0 or 1, found 4",
        failure("# rows=2 cols=3 entries=1\nuser,item,value\n0,1,4\n"));
  }

  @Test
  void read_itemOutOfShape() throws IOException {
    assertEquals(
        ":4: expected item in [0, 3), found 3",
        failure("# rows=2 cols=3 entries=2\nuser,item,value\n0,1,1\n1,3,1\n"));
  }

  @Test
  void read_duplicateCell() throws IOException {
    assertEquals(
        ": duplicate cell at row 0, column 1",
        failure("# rows=2 cols=3 entries=2\nuser,item,value\n0,1,1\n0,1,0\n"));
  }

  @Test
  void read_countDiffersFromHeader() throws IOException {
    assertEquals(
        ": expected 3 entries (from the header), found 1",
        failure("# rows=2 cols=3 entries=3\nuser,item,value\n0,1,1\n"));
  }

  /** Shapes and counts of the reference splits, as listed in ../shared/data/README.md. */
  @ParameterizedTest
  @CsvSource({
    "ml-100k/ml-100k_full.csv, 938, 1008, 95215, 54413",
    "alb/alb_full.csv, 1344, 729, 15359, 13114",
    "adm/adm_full.csv, 10621, 8582, 108509, 104410"
  })
  void read_referenceSplits(String file, int rows, int cols, long stored, long ones)
      throws IOException {
    Path p = Path.of(System.getProperty("sdrm.data.dir", "../../shared/data"), "sdrm-splits", file);
    assumeTrue(Files.exists(p), "skipped: " + p + " not found (../shared/data is absent)");
    InteractionMatrix m = TripletCsv.read(p);
    assertEquals(rows, m.rows());
    assertEquals(cols, m.columns());
    assertEquals(stored, m.storedCount());
    assertEquals(ones, m.onesCount());
  }
}
