package io.github.sdrm.datasets;

import io.github.sdrm.data.InteractionMatrix;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A matrix with the original ids of its rows and columns (either may be null when unknown, for
 * example the users of a synthetic matrix).
 *
 * @param matrix the interactions
 * @param userIds the original id of each row, or null
 * @param itemIds the original id of each column, or null
 */
public record LabeledMatrix(InteractionMatrix matrix, List<String> userIds, List<String> itemIds) {

  /** Validates that id lists, when present, match the shape. */
  public LabeledMatrix {
    Objects.requireNonNull(matrix, "matrix");
    if (userIds != null && userIds.size() != matrix.rows()) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "userIds must have one id per row, found %d ids for %d rows",
              userIds.size(),
              matrix.rows()));
    }
    if (itemIds != null && itemIds.size() != matrix.columns()) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "itemIds must have one id per column, found %d ids for %d columns",
              itemIds.size(),
              matrix.columns()));
    }
    userIds = userIds == null ? null : List.copyOf(userIds);
    itemIds = itemIds == null ? null : List.copyOf(itemIds);
  }

  /** The dataset's full matrix with its ids. */
  public static LabeledMatrix of(Dataset d) {
    return new LabeledMatrix(d.full(), d.userIds(), d.itemIds());
  }

  /** Rejects ids that are empty or contain a tab, a line break or {@code separator}. */
  static void checkIds(List<String> ids, String separator) {
    if (ids == null) {
      return;
    }
    for (String id : ids) {
      if (id.isEmpty()
          || id.contains("\t")
          || id.contains("\n")
          || id.contains("\r")
          || id.contains(separator)) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "ids must be non-empty and contain no tab, line break or '%s', found '%s'",
                separator.equals("\t") ? "\\t" : separator,
                id));
      }
    }
  }

  /** Tab-separated ids as written by the writers; the empty string is the empty list. */
  static List<String> parseIds(String tabSeparated) {
    return tabSeparated.isEmpty() ? List.of() : List.of(tabSeparated.split("\t", -1));
  }
}
