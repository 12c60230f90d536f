package io.github.sdrm.recsys.audit;

import io.github.sdrm.data.InteractionMatrix;
import java.util.Arrays;
import java.util.Objects;

/**
 * The rows of an interaction matrix as sets of positive items (stored ones; stored zeros and
 * unstored cells are absent), in CSR form, with an item → rows inverted index built on demand.
 * Immutable once built; the index is built once under the instance's lock.
 */
final class PositiveSets {
  final int rows;
  final int items;
  final int[] ptr;
  final int[] cols;
  private int[] itemPtr;
  private int[] itemRows;
  private int[] bySize;

  private PositiveSets(int rows, int items, int[] ptr, int[] cols) {
    this.rows = rows;
    this.items = items;
    this.ptr = ptr;
    this.cols = cols;
  }

  static PositiveSets of(InteractionMatrix m) {
    Objects.requireNonNull(m, "matrix");
    InteractionMatrix ones = m.onesOnly();
    int[] ptr = new int[ones.rows() + 1];
    int[] cols = new int[Math.toIntExact(ones.storedCount())];
    int[] n = {0};
    ones.forEachStored(
        (r, c, v) -> {
          cols[n[0]++] = c;
          ptr[r + 1] = n[0];
        });
    for (int r = 0; r < ones.rows(); r++) {
      ptr[r + 1] = Math.max(ptr[r + 1], ptr[r]);
    }
    return new PositiveSets(ones.rows(), ones.columns(), ptr, cols);
  }

  int size(int row) {
    return ptr[row + 1] - ptr[row];
  }

  /** Item counts: how many rows hold each item. */
  int[] itemSupport() {
    int[] s = new int[items];
    for (int c : cols) {
      s[c]++;
    }
    return s;
  }

  synchronized int[] itemPtr() {
    buildIndex();
    return itemPtr;
  }

  synchronized int[] itemRows() {
    buildIndex();
    return itemRows;
  }

  /** Row indices ordered by set size, ascending (ties by index). */
  synchronized int[] rowsBySize() {
    if (bySize == null) {
      Integer[] order = new Integer[rows];
      for (int r = 0; r < rows; r++) {
        order[r] = r;
      }
      Arrays.sort(
          order,
          (a, b) -> size(a) != size(b) ? Integer.compare(size(a), size(b)) : Integer.compare(a, b));
      bySize = new int[rows];
      for (int r = 0; r < rows; r++) {
        bySize[r] = order[r];
      }
    }
    return bySize;
  }

  private void buildIndex() {
    if (itemPtr != null) {
      return;
    }
    int[] p = new int[items + 1];
    for (int c : cols) {
      p[c + 1]++;
    }
    for (int i = 0; i < items; i++) {
      p[i + 1] += p[i];
    }
    int[] fill = Arrays.copyOf(p, items);
    int[] rowsOf = new int[cols.length];
    for (int r = 0; r < rows; r++) {
      for (int k = ptr[r]; k < ptr[r + 1]; k++) {
        rowsOf[fill[cols[k]]++] = r;
      }
    }
    itemRows = rowsOf;
    itemPtr = p;
  }
}
