package io.github.sdrm.datasets;

import io.github.sdrm.data.InteractionMatrix;
import java.util.List;

/**
 * A preprocessed dataset: the full interaction matrix with its id maps, and the user split. Row
 * {@code r} of {@link #full()} is user {@code userIds().get(r)}, column {@code c} is item {@code
 * itemIds().get(c)}.
 */
public final class Dataset {
  private final InteractionMatrix full;
  private final List<String> userIds;
  private final List<String> itemIds;
  private final int[] trainRows;
  private final int[] testRows;
  private final int[] validRows;

  Dataset(
      InteractionMatrix full,
      List<String> userIds,
      List<String> itemIds,
      int[] trainRows,
      int[] testRows,
      int[] validRows) {
    this.full = full;
    this.userIds = List.copyOf(userIds);
    this.itemIds = List.copyOf(itemIds);
    this.trainRows = trainRows;
    this.testRows = testRows;
    this.validRows = validRows;
  }

  /** Every kept user, in ascending-id order. */
  public InteractionMatrix full() {
    return full;
  }

  /** Original user id of each row of {@link #full()}. */
  public List<String> userIds() {
    return userIds;
  }

  /** Original item id of each column. */
  public List<String> itemIds() {
    return itemIds;
  }

  /** The training users. */
  public InteractionMatrix train() {
    return full.selectRows(trainRows);
  }

  /** The test users. */
  public InteractionMatrix test() {
    return full.selectRows(testRows);
  }

  /** The validation users (the reference's evaluation users, VALID). */
  public InteractionMatrix valid() {
    return full.selectRows(validRows);
  }

  /** Train then test users: the reference's TRAIN. */
  public InteractionMatrix trainTest() {
    return InteractionMatrix.vstack(train(), test());
  }

  /** Rows of {@link #full()} in {@link #train()}, in order (a copy). */
  public int[] trainRows() {
    return trainRows.clone();
  }

  /** Rows of {@link #full()} in {@link #test()}, in order (a copy). */
  public int[] testRows() {
    return testRows.clone();
  }

  /** Rows of {@link #full()} in {@link #valid()}, in order (a copy). */
  public int[] validRows() {
    return validRows.clone();
  }

  /** Shape and split, for logs: {@code Dataset[938 users x 1008 items, 95215 stored, ...]}. */
  @Override
  public String toString() {
    return "Dataset["
        + full.rows()
        + " users x "
        + full.columns()
        + " items, "
        + full.storedCount()
        + " stored ("
        + full.onesCount()
        + " ones); train "
        + trainRows.length
        + ", test "
        + testRows.length
        + ", valid "
        + validRows.length
        + "]";
  }
}
