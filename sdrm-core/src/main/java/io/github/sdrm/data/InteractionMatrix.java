package io.github.sdrm.data;

import io.github.sdrm.nn.Buffers;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An immutable user–item interaction matrix in compressed sparse row (CSR) form.
 *
 * <p>Rows are users, columns are items. Every <em>stored</em> entry is either {@code 1} (liked) or
 * {@code 0} (disliked, stored explicitly); cells that are not stored are unobserved. Stored zeros
 * are real data: they count in {@link #storedCount()} and {@link #density()}, as in the reference
 * implementation of SDRM (Lilienthal et al., IEEE Access 2024).
 *
 * <p>Within each row the stored columns are kept in ascending order. Instances are created with
 * {@link #builder(int, int)}, {@link #fromTriplets}, {@link #fromRows} or derived from another
 * matrix by {@link #selectRows}, {@link #rowRange} and {@link #vstack}.
 *
 * <pre>{@code
 * InteractionMatrix m = InteractionMatrix.builder(2, 3)
 *     .add(0, 0, 1).add(0, 2, 0).add(1, 1, 1)
 *     .build();
 * m.storedCount();   // 3
 * m.onesCount();     // 2
 * }</pre>
 */
public final class InteractionMatrix {

  private final int rows;
  private final int columns;
  private final int[] rowPointers;
  private final int[] columnIndices;
  private final byte[] values;

  private InteractionMatrix(
      int rows, int columns, int[] rowPointers, int[] columnIndices, byte[] values) {
    this.rows = rows;
    this.columns = columns;
    this.rowPointers = rowPointers;
    this.columnIndices = columnIndices;
    this.values = values;
  }

  /**
   * Starts a builder for a matrix of the given shape.
   *
   * @param rows number of users, at least 0
   * @param columns number of items, at least 1
   * @return a new builder
   * @throws IllegalArgumentException if a dimension is out of range
   */
  public static Builder builder(int rows, int columns) {
    return new Builder(rows, columns);
  }

  /**
   * Creates a matrix from parallel arrays of (row, column, value) triplets in any order.
   *
   * @throws IllegalArgumentException if the arrays differ in length, an index is out of range, a
   *     value is not 0 or 1, or a cell appears twice; the message names the offending entry
   */
  public static InteractionMatrix fromTriplets(
      int rows, int columns, int[] rowIndex, int[] columnIndex, byte[] value) {
    Objects.requireNonNull(rowIndex, "rowIndex");
    Objects.requireNonNull(columnIndex, "columnIndex");
    Objects.requireNonNull(value, "value");
    if (rowIndex.length != columnIndex.length || rowIndex.length != value.length) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "triplet arrays must have equal lengths, found rows=%d, columns=%d, values=%d",
              rowIndex.length,
              columnIndex.length,
              value.length));
    }
    Builder b = new Builder(rows, columns);
    for (int i = 0; i < rowIndex.length; i++) {
      b.add(rowIndex[i], columnIndex[i], value[i]);
    }
    return b.build();
  }

  /**
   * Creates a matrix from per-row lists of stored columns and their values.
   *
   * @param columns number of items
   * @param columnsPerRow for every row, the stored columns (any order)
   * @param valuesPerRow for every row, the values of those columns (0 or 1); {@code null} means
   *     every stored entry is 1
   * @throws IllegalArgumentException on a malformed row, naming it
   */
  public static InteractionMatrix fromRows(
      int columns, int[][] columnsPerRow, byte[][] valuesPerRow) {
    Objects.requireNonNull(columnsPerRow, "columnsPerRow");
    if (valuesPerRow != null && valuesPerRow.length != columnsPerRow.length) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "valuesPerRow must have one entry per row, found %d for %d rows",
              valuesPerRow.length,
              columnsPerRow.length));
    }
    Builder b = new Builder(columnsPerRow.length, columns);
    for (int r = 0; r < columnsPerRow.length; r++) {
      int[] cols = Objects.requireNonNull(columnsPerRow[r], "columnsPerRow[" + r + "]");
      byte[] vals = valuesPerRow == null ? null : valuesPerRow[r];
      if (vals != null && vals.length != cols.length) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT, "row %d has %d columns but %d values", r, cols.length, vals.length));
      }
      for (int i = 0; i < cols.length; i++) {
        b.add(r, cols[i], vals == null ? 1 : vals[i]);
      }
    }
    return b.build();
  }

  /** Number of rows (users). */
  public int rows() {
    return rows;
  }

  /** Number of columns (items). */
  public int columns() {
    return columns;
  }

  /** Number of stored entries, zeros included. */
  public long storedCount() {
    return columnIndices.length;
  }

  /** Number of stored entries whose value is 1. */
  public long onesCount() {
    long n = 0;
    for (byte v : values) {
      n += v;
    }
    return n;
  }

  /**
   * Fraction of cells that are stored, zeros included: {@code storedCount / (rows · columns)}.
   * Returns 0 for a matrix with no rows.
   */
  public double density() {
    return rows == 0 ? 0.0 : (double) columnIndices.length / ((double) rows * columns);
  }

  /** Number of stored entries in row {@code row}. */
  public int rowLength(int row) {
    checkRow(row);
    return rowPointers[row + 1] - rowPointers[row];
  }

  /** The stored columns of a row, ascending (a copy). */
  public int[] rowColumns(int row) {
    checkRow(row);
    return Arrays.copyOfRange(columnIndices, rowPointers[row], rowPointers[row + 1]);
  }

  /** The stored values of a row, in the order of {@link #rowColumns(int)} (a copy). */
  public byte[] rowValues(int row) {
    checkRow(row);
    return Arrays.copyOfRange(values, rowPointers[row], rowPointers[row + 1]);
  }

  /** Returns the stored value of a cell, or -1 when the cell is not stored. */
  public int get(int row, int column) {
    checkRow(row);
    if (column < 0 || column >= columns) {
      throw new IndexOutOfBoundsException(
          String.format(Locale.ROOT, "column must be in [0, %d), found %d", columns, column));
    }
    int k = Arrays.binarySearch(columnIndices, rowPointers[row], rowPointers[row + 1], column);
    return k >= 0 ? values[k] : -1;
  }

  /** Visits every stored entry in row-major order. */
  public void forEachStored(EntryVisitor visitor) {
    for (int r = 0; r < rows; r++) {
      for (int k = rowPointers[r]; k < rowPointers[r + 1]; k++) {
        visitor.visit(r, columnIndices[k], values[k]);
      }
    }
  }

  /** Receives stored entries from {@link #forEachStored}. */
  @FunctionalInterface
  public interface EntryVisitor {
    /** Called once per stored entry. */
    void visit(int row, int column, int value);
  }

  /**
   * Returns a matrix made of the given rows, in the given order (rows may repeat).
   *
   * @throws IndexOutOfBoundsException if an index is out of range
   */
  public InteractionMatrix selectRows(int... rowIndices) {
    Objects.requireNonNull(rowIndices, "rowIndices");
    int[] ptr = new int[rowIndices.length + 1];
    for (int i = 0; i < rowIndices.length; i++) {
      int r = rowIndices[i];
      checkRow(r);
      ptr[i + 1] = ptr[i] + rowPointers[r + 1] - rowPointers[r];
    }
    int[] cols = new int[ptr[rowIndices.length]];
    byte[] vals = new byte[cols.length];
    for (int i = 0; i < rowIndices.length; i++) {
      int r = rowIndices[i];
      int len = rowPointers[r + 1] - rowPointers[r];
      System.arraycopy(columnIndices, rowPointers[r], cols, ptr[i], len);
      System.arraycopy(values, rowPointers[r], vals, ptr[i], len);
    }
    return new InteractionMatrix(rowIndices.length, columns, ptr, cols, vals);
  }

  /** Returns rows {@code from} (inclusive) to {@code to} (exclusive). */
  public InteractionMatrix rowRange(int from, int to) {
    if (from < 0 || to > rows || from > to) {
      throw new IndexOutOfBoundsException(
          String.format(
              Locale.ROOT,
              "row range must lie in [0, %d] with from <= to, found [%d, %d)",
              rows,
              from,
              to));
    }
    int[] idx = new int[to - from];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = from + i;
    }
    return selectRows(idx);
  }

  /**
   * Stacks matrices vertically: the rows of the first, then the rows of the second, and so on.
   *
   * @throws IllegalArgumentException if no matrix is given or the column counts differ
   */
  public static InteractionMatrix vstack(InteractionMatrix... parts) {
    Objects.requireNonNull(parts, "parts");
    if (parts.length == 0) {
      throw new IllegalArgumentException("vstack needs at least one matrix, found none");
    }
    int columns = parts[0].columns;
    long totalRows = 0;
    long totalStored = 0;
    for (int i = 0; i < parts.length; i++) {
      InteractionMatrix p = Objects.requireNonNull(parts[i], "parts[" + i + "]");
      if (p.columns != columns) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "all matrices must have the same number of columns, found %d in part 0 and %d in"
                    + " part %d",
                columns,
                p.columns,
                i));
      }
      totalRows += p.rows;
      totalStored += p.columnIndices.length;
    }
    if (totalRows > Integer.MAX_VALUE - 1 || totalStored > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "stacked matrix too large: " + totalRows + " rows, " + totalStored + " stored entries");
    }
    int[] ptr = new int[(int) totalRows + 1];
    int[] cols = new int[(int) totalStored];
    byte[] vals = new byte[(int) totalStored];
    int row = 0;
    int offset = 0;
    for (InteractionMatrix p : parts) {
      for (int r = 0; r < p.rows; r++) {
        ptr[row + r + 1] = offset + p.rowPointers[r + 1];
      }
      System.arraycopy(p.columnIndices, 0, cols, offset, p.columnIndices.length);
      System.arraycopy(p.values, 0, vals, offset, p.values.length);
      row += p.rows;
      offset += p.columnIndices.length;
    }
    return new InteractionMatrix((int) totalRows, columns, ptr, cols, vals);
  }

  /**
   * Returns a copy in which every stored entry is 1 (stored zeros become ones). This is the
   * reference's rule for fold-in and held-out rows.
   */
  public InteractionMatrix withAllOnes() {
    byte[] ones = new byte[values.length];
    Arrays.fill(ones, (byte) 1);
    return new InteractionMatrix(rows, columns, rowPointers, columnIndices, ones);
  }

  /** Returns a copy that keeps only the stored ones (stored zeros become unobserved). */
  public InteractionMatrix onesOnly() {
    int[] ptr = new int[rows + 1];
    int n = 0;
    for (int r = 0; r < rows; r++) {
      for (int k = rowPointers[r]; k < rowPointers[r + 1]; k++) {
        n += values[k];
      }
      ptr[r + 1] = n;
    }
    int[] cols = new int[n];
    byte[] ones = new byte[n];
    int j = 0;
    for (int k = 0; k < columnIndices.length; k++) {
      if (values[k] == 1) {
        cols[j] = columnIndices[k];
        ones[j++] = 1;
      }
    }
    return new InteractionMatrix(rows, columns, ptr, cols, ones);
  }

  /**
   * Returns a dense mini-batch of the given rows: an array of shape {@code [rowIndices.length,
   * columns]} holding the stored values (1 or 0) and 0 elsewhere.
   */
  public INDArray denseRows(int[] rowIndices, DataType dataType) {
    Objects.requireNonNull(rowIndices, "rowIndices");
    int n = rowIndices.length;
    if ((long) n * columns > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT, "dense batch of %d x %d is too large; use smaller batches", n, columns));
    }
    if (dataType == DataType.DOUBLE) {
      double[] buf = new double[n * columns];
      fill(rowIndices, (i, c, v) -> buf[i * columns + c] = v);
      return Nd4j.create(buf, new long[] {n, columns}, DataType.DOUBLE);
    }
    float[] buf = new float[n * columns];
    fill(rowIndices, (i, c, v) -> buf[i * columns + c] = v);
    INDArray a = Buffers.floats(buf, n, columns);
    return dataType == DataType.FLOAT ? a : a.castTo(dataType);
  }

  private void fill(int[] rowIndices, EntryVisitor sink) {
    for (int i = 0; i < rowIndices.length; i++) {
      int r = rowIndices[i];
      checkRow(r);
      for (int k = rowPointers[r]; k < rowPointers[r + 1]; k++) {
        sink.visit(i, columnIndices[k], values[k]);
      }
    }
  }

  /** Returns all rows as a dense array of shape {@code [rows, columns]}. */
  public INDArray toDense(DataType dataType) {
    int[] all = new int[rows];
    for (int i = 0; i < rows; i++) {
      all[i] = i;
    }
    return denseRows(all, dataType);
  }

  private void checkRow(int row) {
    if (row < 0 || row >= rows) {
      throw new IndexOutOfBoundsException(
          String.format(Locale.ROOT, "row must be in [0, %d), found %d", rows, row));
    }
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof InteractionMatrix)) {
      return false;
    }
    InteractionMatrix m = (InteractionMatrix) o;
    return rows == m.rows
        && columns == m.columns
        && Arrays.equals(rowPointers, m.rowPointers)
        && Arrays.equals(columnIndices, m.columnIndices)
        && Arrays.equals(values, m.values);
  }

  @Override
  public int hashCode() {
    int h = Objects.hash(rows, columns);
    h = 31 * h + Arrays.hashCode(columnIndices);
    return 31 * h + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "InteractionMatrix[%d x %d, stored=%d, ones=%d]",
        rows,
        columns,
        storedCount(),
        onesCount());
  }

  /**
   * Collects entries and validates them. Entries may be added in any order; {@link #build()} sorts
   * them and rejects duplicate cells. {@code build()} may be called more than once.
   */
  public static final class Builder {
    /** The most rows a matrix can have (the row-pointer array holds rows + 1 ints). */
    static final int MAX_ROWS = Integer.MAX_VALUE - 9;

    private final int rows;
    private final int columns;
    private int[] r = new int[16];
    private int[] c = new int[16];
    private byte[] v = new byte[16];
    private int size;

    private Builder(int rows, int columns) {
      if (rows < 0 || rows > MAX_ROWS) {
        throw new IllegalArgumentException(
            String.format(Locale.ROOT, "rows must be in [0, %d], found %d", MAX_ROWS, rows));
      }
      if (columns < 1) {
        throw new IllegalArgumentException("columns must be at least 1, found " + columns);
      }
      this.rows = rows;
      this.columns = columns;
    }

    /**
     * Adds one stored entry.
     *
     * @throws IllegalArgumentException if the row or column is out of range or the value is not 0
     *     or 1; the message names row, column and value
     */
    public Builder add(int row, int column, int value) {
      if (row < 0 || row >= rows) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "row must be in [0, %d), found %d (column %d, value %d)",
                rows,
                row,
                column,
                value));
      }
      if (column < 0 || column >= columns) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "column must be in [0, %d), found %d (row %d, value %d)",
                columns,
                column,
                row,
                value));
      }
      if (value != 0 && value != 1) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "value must be 0 or 1, found %d at row %d, column %d",
                value,
                row,
                column));
      }
      if (size == r.length) {
        int n = Math.max(16, size * 2);
        r = Arrays.copyOf(r, n);
        c = Arrays.copyOf(c, n);
        v = Arrays.copyOf(v, n);
      }
      r[size] = row;
      c[size] = column;
      v[size] = (byte) value;
      size++;
      return this;
    }

    /**
     * Builds the matrix.
     *
     * @throws IllegalArgumentException if a cell was added twice, naming it
     */
    public InteractionMatrix build() {
      int[] ptr = new int[rows + 1];
      for (int i = 0; i < size; i++) {
        ptr[r[i] + 1]++;
      }
      for (int i = 0; i < rows; i++) {
        ptr[i + 1] += ptr[i];
      }
      int[] next = Arrays.copyOf(ptr, rows);
      int[] cols = new int[size];
      byte[] vals = new byte[size];
      for (int i = 0; i < size; i++) {
        int k = next[r[i]]++;
        cols[k] = c[i];
        vals[k] = v[i];
      }
      for (int row = 0; row < rows; row++) {
        sortRow(cols, vals, ptr[row], ptr[row + 1]);
        for (int k = ptr[row] + 1; k < ptr[row + 1]; k++) {
          if (cols[k] == cols[k - 1]) {
            throw new IllegalArgumentException(
                String.format(Locale.ROOT, "duplicate cell at row %d, column %d", row, cols[k]));
          }
        }
      }
      return new InteractionMatrix(rows, columns, ptr, cols, vals);
    }

    private static void sortRow(int[] cols, byte[] vals, int from, int to) {
      boolean sorted = true;
      for (int k = from + 1; k < to && sorted; k++) {
        sorted = cols[k - 1] < cols[k];
      }
      if (sorted) {
        return;
      }
      // pack (column, value) into longs so one primitive sort keeps them together
      long[] packed = new long[to - from];
      for (int k = from; k < to; k++) {
        packed[k - from] = ((long) cols[k] << 8) | vals[k];
      }
      Arrays.sort(packed);
      for (int k = from; k < to; k++) {
        cols[k] = (int) (packed[k - from] >>> 8);
        vals[k] = (byte) (packed[k - from] & 0xff);
      }
    }
  }
}
