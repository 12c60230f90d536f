package io.github.sdrm.recsys.audit;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Exact nearest neighbours of binary rows under the Jaccard and normalised Hamming distances.
 *
 * <p>Intersection counts are the sparse product Q·Rᵀ, computed row by row through R's inverted
 * index (Gustavson's algorithm): a query visits only the rows that share an item with it. Rows that
 * share none are at Jaccard distance 1 (or 0 for two empty sets) and at Hamming distance (|q| +
 * |r|)/I, so the smallest such r is found from R's rows sorted by size. Cost: the number of (query
 * item, reference row holding it) pairs, never |Q|·|R| pair loops. Query rows are processed in
 * parallel blocks; results do not depend on the number of threads.
 */
final class NearestNeighbors {
  private static final int BLOCK = 256;

  /** Per query row: the nearest reference row by Jaccard (lowest index on ties) and distances. */
  record Result(double[] jaccard, int[] index, double[] hamming) {
    int size() {
      return jaccard.length;
    }
  }

  private NearestNeighbors() {}

  static Result search(PositiveSets query, PositiveSets reference) {
    return search(query, reference, null);
  }

  /**
   * Searches for every query row its nearest reference row.
   *
   * @param exclude for each query row a reference row it may not match (itself), or -1; null for
   *     none
   */
  static Result search(PositiveSets query, PositiveSets reference, int[] exclude) {
    if (query.items != reference.items) {
      throw new IllegalArgumentException(
          "query and reference must have the same items, found "
              + query.items
              + " and "
              + reference.items);
    }
    if (reference.rows == 0 || (reference.rows == 1 && exclude != null && query.rows > 0)) {
      throw new IllegalArgumentException(
          "the reference needs at least "
              + (exclude == null ? 1 : 2)
              + " rows, found "
              + reference.rows);
    }
    int n = query.rows;
    double[] jac = new double[n];
    int[] idx = new int[n];
    double[] ham = new double[n];
    int[] itemPtr = reference.itemPtr();
    int[] itemRows = reference.itemRows();
    int[] bySize = reference.rowsBySize();
    int blocks = (n + BLOCK - 1) / BLOCK;
    IntStream.range(0, blocks)
        .parallel()
        .forEach(
            b -> {
              int[] counts = new int[reference.rows];
              int[] touched = new int[reference.rows];
              for (int q = b * BLOCK; q < Math.min(n, (b + 1) * BLOCK); q++) {
                int self = exclude == null ? -1 : exclude[q];
                int a = query.size(q);
                int nTouched = 0;
                for (int k = query.ptr[q]; k < query.ptr[q + 1]; k++) {
                  int item = query.cols[k];
                  for (int j = itemPtr[item]; j < itemPtr[item + 1]; j++) {
                    int r = itemRows[j];
                    if (counts[r]++ == 0) {
                      touched[nTouched++] = r;
                    }
                  }
                }
                double bestJ = Double.POSITIVE_INFINITY;
                int bestIdx = Integer.MAX_VALUE;
                int bestHam = Integer.MAX_VALUE;
                for (int t = 0; t < nTouched; t++) {
                  int r = touched[t];
                  if (r == self) {
                    continue;
                  }
                  int c = counts[r];
                  int bsize = reference.size(r);
                  double j = 1.0 - (double) c / (a + bsize - c);
                  if (j < bestJ || (j == bestJ && r < bestIdx)) {
                    bestJ = j;
                    bestIdx = r;
                  }
                  bestHam = Math.min(bestHam, a + bsize - 2 * c);
                }
                // the smallest reference row that shares no item: distance 1 (0 if both are empty)
                for (int r : bySize) {
                  if (r == self || counts[r] > 0) {
                    continue;
                  }
                  int bsize = reference.size(r);
                  double j = a + bsize == 0 ? 0.0 : 1.0;
                  bestHam = Math.min(bestHam, a + bsize);
                  // every untouched row ties at distance 1 unless both sets are empty
                  int candidate = j == 0.0 ? r : firstUntouched(counts, self);
                  if (j < bestJ || (j == bestJ && candidate < bestIdx)) {
                    bestJ = j;
                    bestIdx = candidate;
                  }
                  break;
                }
                jac[q] = bestJ;
                idx[q] = bestIdx;
                ham[q] = (double) bestHam / query.items;
                for (int t = 0; t < nTouched; t++) {
                  counts[touched[t]] = 0;
                }
              }
            });
    return new Result(jac, idx, ham);
  }

  private static int firstUntouched(int[] counts, int self) {
    for (int r = 0; r < counts.length; r++) {
      if (counts[r] == 0 && r != self) {
        return r;
      }
    }
    return Integer.MAX_VALUE;
  }

  /** Row indices [0, n) in the given order as an exclusion of each query against itself. */
  static int[] identity(int n) {
    int[] id = new int[n];
    Arrays.setAll(id, i -> i);
    return id;
  }
}
