package io.github.sdrm.datasets;

import io.github.sdrm.data.InteractionMatrix;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Matrix Market coordinate files ({@code %%MatrixMarket matrix coordinate integer general}, 1-based
 * indices, values 0 or 1, stored zeros kept). Original ids travel in two comment lines, {@code %
 * sdrm-user-ids} and {@code % sdrm-item-ids}, tab-separated; other readers ignore them.
 */
public final class MatrixMarket {
  static final String BANNER = "%%MatrixMarket matrix coordinate integer general";
  private static final String USER_IDS = "% sdrm-user-ids";
  static final String ITEM_IDS = "% sdrm-item-ids";

  private MatrixMarket() {}

  /**
   * Writes a matrix, with its ids when given (each may be null), atomically.
   *
   * @throws IllegalArgumentException if an id contains a tab or a line break
   */
  public static void write(Path path, LabeledMatrix m) throws IOException {
    LabeledMatrix.checkIds(m.userIds(), "\t");
    LabeledMatrix.checkIds(m.itemIds(), "\t");
    AtomicFiles.writeText(
        path,
        out -> {
          out.write(BANNER + "\n");
          if (m.userIds() != null) {
            out.write(USER_IDS + "\t" + String.join("\t", m.userIds()) + "\n");
          }
          if (m.itemIds() != null) {
            out.write(ITEM_IDS + "\t" + String.join("\t", m.itemIds()) + "\n");
          }
          InteractionMatrix x = m.matrix();
          out.write(x.rows() + " " + x.columns() + " " + x.storedCount() + "\n");
          StringBuilder sb = new StringBuilder();
          for (int r = 0; r < x.rows(); r++) {
            int[] cols = x.rowColumns(r);
            byte[] vals = x.rowValues(r);
            for (int i = 0; i < cols.length; i++) {
              sb.setLength(0);
              sb.append(r + 1)
                  .append(' ')
                  .append(cols[i] + 1)
                  .append(' ')
                  .append(vals[i])
                  .append('\n');
              out.write(sb.toString());
            }
          }
        });
  }

  /**
   * Reads a matrix written by {@link #write} or any coordinate integer/real/pattern general file
   * whose values are 0 or 1 (pattern entries are 1).
   *
   * @throws DatasetFormatException with file and line on malformed input
   */
  public static LabeledMatrix read(Path path) throws IOException {
    String name = path.toString();
    try (BufferedReader in = TextInput.open(path, "a Matrix Market file")) {
      String banner = in.readLine();
      if (banner == null) {
        throw new DatasetFormatException(
            name, 0, "expected a Matrix Market file, found an" + " empty file");
      }
      String[] b = banner.trim().toLowerCase(Locale.ROOT).split("\\s+");
      if (b.length != 5
          || !b[0].equals("%%matrixmarket")
          || !b[1].equals("matrix")
          || !b[2].equals("coordinate")
          || !b[4].equals("general")) {
        throw new DatasetFormatException(
            name, 1, "expected '" + BANNER + "', found '" + banner + "'");
      }
      boolean pattern = b[3].equals("pattern");
      if (!pattern && !b[3].equals("integer") && !b[3].equals("real")) {
        throw new DatasetFormatException(
            name, 1, "expected field integer, real or pattern, found " + b[3]);
      }
      List<String> userIds = null;
      List<String> itemIds = null;
      String line;
      long lineNo = 1;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.startsWith(USER_IDS + "\t")) {
          userIds = LabeledMatrix.parseIds(line.substring(USER_IDS.length() + 1));
        } else if (line.startsWith(ITEM_IDS + "\t")) {
          itemIds = LabeledMatrix.parseIds(line.substring(ITEM_IDS.length() + 1));
        } else if (!line.startsWith("%") && !line.isBlank()) {
          break;
        }
      }
      if (line == null) {
        throw new DatasetFormatException(
            name, lineNo, "expected 'rows columns entries', found" + " the end of the file");
      }
      String[] size = line.trim().split("\\s+");
      if (size.length != 3) {
        throw new DatasetFormatException(
            name, lineNo, "expected 'rows columns entries', found '" + line + "'");
      }
      int rows = parse(size[0], name, lineNo, "rows");
      int cols = parse(size[1], name, lineNo, "columns");
      long entries = parse(size[2], name, lineNo, "entries");
      if (cols < 1) {
        throw new DatasetFormatException(name, lineNo, "expected columns >= 1, found " + cols);
      }
      InteractionMatrix.Builder builder;
      try {
        builder = InteractionMatrix.builder(rows, cols);
      } catch (IllegalArgumentException e) {
        throw new DatasetFormatException(name, lineNo, e.getMessage());
      }
      long count = 0;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.isBlank() || line.startsWith("%")) {
          continue;
        }
        String[] f = line.trim().split("\\s+");
        if (f.length != (pattern ? 2 : 3)) {
          throw new DatasetFormatException(
              name,
              lineNo,
              "expected '"
                  + (pattern ? "row column" : "row column value")
                  + "', found '"
                  + line
                  + "'");
        }
        int r = parse(f[0], name, lineNo, "row");
        int c = parse(f[1], name, lineNo, "column");
        int v = pattern ? 1 : value(f[2], name, lineNo);
        if (r < 1 || r > rows || c < 1 || c > cols) {
          throw new DatasetFormatException(
              name,
              lineNo,
              String.format(
                  Locale.ROOT,
                  "expected row in [1, %d] and column in [1, %d], found %d and %d",
                  rows,
                  cols,
                  r,
                  c));
        }
        builder.add(r - 1, c - 1, v);
        count++;
      }
      if (count != entries) {
        throw new DatasetFormatException(
            name,
            0,
            String.format(
                Locale.ROOT, "expected %d entries (from the size line), found %d", entries, count));
      }
      InteractionMatrix m;
      try {
        m = builder.build();
      } catch (IllegalArgumentException e) {
        throw new DatasetFormatException(name, 0, e.getMessage());
      }
      try {
        return new LabeledMatrix(m, userIds, itemIds);
      } catch (IllegalArgumentException e) {
        throw new DatasetFormatException(name, 0, e.getMessage());
      }
    }
  }

  private static int value(String s, String name, long line) {
    double v;
    try {
      v = Double.parseDouble(s);
    } catch (NumberFormatException e) {
      throw new DatasetFormatException(name, line, "expected value 0 or 1, found '" + s + "'");
    }
    if (v != 0 && v != 1) {
      throw new DatasetFormatException(name, line, "expected value 0 or 1, found " + s);
    }
    return (int) v;
  }

  private static int parse(String s, String name, long line, String what) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw new DatasetFormatException(
          name, line, "expected an integer " + what + ", found '" + s + "'");
    }
  }
}
