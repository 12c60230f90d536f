package io.github.sdrm.model;

import io.github.sdrm.data.InteractionMatrix;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A mini-batch of interaction rows in CSR form: row b's stored entries are {@code cols[k]} with
 * values {@code vals[k]} for k in [ptr[b], ptr[b + 1]). Internal.
 */
public final class SparseBatch {
  final int rows;
  final int columns;
  final int[] ptr;
  final int[] cols;
  final float[] vals;

  private SparseBatch(int rows, int columns, int[] ptr, int[] cols, float[] vals) {
    this.rows = rows;
    this.columns = columns;
    this.ptr = ptr;
    this.cols = cols;
    this.vals = vals;
  }

  /** The given rows of {@code m} (stored zeros kept as explicit zeros). */
  public static SparseBatch of(InteractionMatrix m, int[] rowIndices) {
    int[] ptr = new int[rowIndices.length + 1];
    for (int i = 0; i < rowIndices.length; i++) {
      ptr[i + 1] = ptr[i] + m.rowLength(rowIndices[i]);
    }
    int[] cols = new int[ptr[rowIndices.length]];
    float[] vals = new float[cols.length];
    for (int i = 0; i < rowIndices.length; i++) {
      int[] c = m.rowColumns(rowIndices[i]);
      byte[] v = m.rowValues(rowIndices[i]);
      System.arraycopy(c, 0, cols, ptr[i], c.length);
      for (int k = 0; k < v.length; k++) {
        vals[ptr[i] + k] = v[k];
      }
    }
    return new SparseBatch(rowIndices.length, m.columns(), ptr, cols, vals);
  }

  /** Number of rows. */
  public int rows() {
    return rows;
  }

  /** Number of stored entries. */
  public int storedCount() {
    return cols.length;
  }

  /** A dense [rows, columns] array's values at the stored entries, in this batch's order. */
  INDArray atStored(INDArray dense) {
    double[] all = dense.data().asDouble();
    double[] out = new double[cols.length];
    for (int b = 0; b < rows; b++) {
      for (int k = ptr[b]; k < ptr[b + 1]; k++) {
        out[k] = all[b * columns + cols[k]];
      }
    }
    return Nd4j.create(out, new long[] {1, out.length}, DataType.DOUBLE).castTo(dense.dataType());
  }
}
