package io.github.sdrm.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class InteractionMatrixTest {

  private static InteractionMatrix sample() {
    return InteractionMatrix.builder(3, 4)
        .add(0, 2, 1)
        .add(0, 0, 0)
        .add(2, 3, 1)
        .add(2, 1, 1)
        .build();
  }

  @Test
  void builder_sortsRowsAndCountsStoredZeros() {
    InteractionMatrix m = sample();
    assertEquals(3, m.rows());
    assertEquals(4, m.columns());
    assertEquals(4, m.storedCount());
    assertEquals(3, m.onesCount());
    assertEquals(4.0 / 12.0, m.density(), 1e-15);
    assertArrayEquals(new int[] {0, 2}, m.rowColumns(0));
    assertArrayEquals(new byte[] {0, 1}, m.rowValues(0));
    assertEquals(0, m.rowLength(1));
    assertArrayEquals(new int[] {1, 3}, m.rowColumns(2));
    assertEquals(0, m.get(0, 0));
    assertEquals(-1, m.get(1, 1));
    assertEquals(1, m.get(2, 3));
  }

  @Test
  void add_valueNotBinary() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> InteractionMatrix.builder(3, 4).add(1, 2, 3));
    assertEquals("value must be 0 or 1, found 3 at row 1, column 2", e.getMessage());
  }

  @Test
  void add_columnOutOfRange() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> InteractionMatrix.builder(3, 4).add(1, 4, 1));
    assertEquals("column must be in [0, 4), found 4 (row 1, value 1)", e.getMessage());
  }

  @Test
  void add_rowOutOfRange() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> InteractionMatrix.builder(3, 4).add(-1, 0, 1));
    assertEquals("row must be in [0, 3), found -1 (column 0, value 1)", e.getMessage());
  }

  @Test
  void build_duplicateCell() {
    InteractionMatrix.Builder b = InteractionMatrix.builder(3, 4).add(2, 1, 1).add(2, 1, 0);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::build);
    assertEquals("duplicate cell at row 2, column 1", e.getMessage());
  }

  @Test
  void builder_zeroItems() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> InteractionMatrix.builder(5, 0));
    assertEquals("columns must be at least 1, found 0", e.getMessage());
  }

  @Test
  void fromTriplets_lengthsDiffer() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            InteractionMatrix.fromTriplets(2, 2, new int[] {0}, new int[] {0, 1}, new byte[] {1}));
  }

  @Test
  void selectRowsAndStack() {
    InteractionMatrix m = sample();
    InteractionMatrix s = m.selectRows(2, 0);
    assertArrayEquals(new int[] {1, 3}, s.rowColumns(0));
    assertArrayEquals(new int[] {0, 2}, s.rowColumns(1));
    InteractionMatrix stacked = InteractionMatrix.vstack(m, s);
    assertEquals(5, stacked.rows());
    assertEquals(8, stacked.storedCount());
    assertEquals(m, stacked.rowRange(0, 3));
    assertEquals(s, stacked.rowRange(3, 5));
  }

  @Test
  void vstack_columnsDiffer() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> InteractionMatrix.vstack(sample(), InteractionMatrix.builder(1, 5).build()));
    assertTrue(e.getMessage().contains("found 4 in part 0 and 5 in part 1"), e.getMessage());
  }

  @Test
  void denseRows_writesStoredValues() {
    INDArray d = sample().denseRows(new int[] {2, 0}, DataType.FLOAT);
    assertArrayEquals(new long[] {2, 4}, d.shape());
    assertArrayEquals(new float[] {0, 1, 0, 1}, d.getRow(0).toFloatVector());
    assertArrayEquals(new float[] {0, 0, 1, 0}, d.getRow(1).toFloatVector());
  }

  @Test
  void withAllOnes_turnsStoredZerosIntoOnes() {
    InteractionMatrix ones = sample().withAllOnes();
    assertEquals(4, ones.onesCount());
    assertEquals(1, ones.get(0, 0));
  }

  @Test
  void onesOnly_dropsStoredZeros() {
    InteractionMatrix ones = sample().onesOnly();
    assertEquals(3, ones.storedCount());
    assertEquals(-1, ones.get(0, 0));
    assertArrayEquals(new int[] {2}, ones.rowColumns(0));
    assertArrayEquals(new int[] {1, 3}, ones.rowColumns(2));
  }
}
