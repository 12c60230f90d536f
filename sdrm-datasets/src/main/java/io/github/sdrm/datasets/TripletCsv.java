package io.github.sdrm.datasets;

import io.github.sdrm.data.InteractionMatrix;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the triplet CSV format of the paper's preprocessed splits, streaming line by line:
 *
 * <pre>
 * # rows=938 cols=1008 entries=95215
 * user,item,value
 * 0,0,1
 * 0,1,0
 * </pre>
 *
 * {@code user} and {@code item} are 0-based indices, {@code value} is 1 or 0 (a stored zero).
 */
public final class TripletCsv {
  private static final Pattern HEADER =
      Pattern.compile("#\\s*rows=(\\d+)\\s+cols=(\\d+)\\s+entries=(\\d+)\\s*");
  static final String COLUMNS = "user,item,value";
  private static final String USER_IDS = "# user-ids";
  static final String ITEM_IDS = "# item-ids";

  private TripletCsv() {}

  /** The size line up to its entry count: {@code # rows=R cols=C entries=}. */
  static String sizeLineStart(int rows, int columns) {
    return String.format(Locale.ROOT, "# rows=%d cols=%d entries=", rows, columns);
  }

  /**
   * Reads a matrix.
   *
   * @throws DatasetFormatException on a malformed header or line, an index outside the declared
   *     shape, a value other than 0/1, a duplicate cell, or an entry count that differs from the
   *     header's; the message names the file and line
   * @throws IOException if the file cannot be read
   */
  public static InteractionMatrix read(Path path) throws IOException {
    return readLabeled(path).matrix();
  }

  /**
   * Reads a matrix with its id lines when present: {@code # user-ids<TAB>id<TAB>id...} and {@code #
   * item-ids<TAB>...} between the size header and the column header, in which case the user and
   * item columns hold those ids instead of indices (see {@link #write(Path, LabeledMatrix)}).
   *
   * @throws DatasetFormatException as {@link #read(Path)}, and for an id that is not listed
   */
  public static LabeledMatrix readLabeled(Path path) throws IOException {
    String name = path.toString();
    try (BufferedReader in = TextInput.open(path, "a split CSV of interactions")) {
      String first = in.readLine();
      if (first == null) {
        throw new DatasetFormatException(
            name, 0, "expected a '# rows=R cols=C entries=N' header," + " found an empty file");
      }
      Matcher m = HEADER.matcher(first.trim());
      if (!m.matches()) {
        throw new DatasetFormatException(
            name, 1, "expected '# rows=R cols=C entries=N', found '" + abbreviate(first) + "'");
      }
      int rows = parseCount(m.group(1), name, "rows");
      int cols = parseCount(m.group(2), name, "cols");
      long entries;
      try {
        entries = Long.parseLong(m.group(3));
      } catch (NumberFormatException e) {
        throw new DatasetFormatException(
            name, 1, "expected entries to fit a long, found " + abbreviate(m.group(3)));
      }
      if (cols < 1) {
        throw new DatasetFormatException(name, 1, "expected cols >= 1, found " + cols);
      }
      List<String> userIds = null;
      List<String> itemIds = null;
      long lineNo = 2;
      String second = in.readLine();
      while (second != null && (second.startsWith(USER_IDS) || second.startsWith(ITEM_IDS))) {
        List<String> ids = LabeledMatrix.parseIds(second.substring(second.indexOf('\t') + 1));
        if (second.startsWith(USER_IDS)) {
          userIds = ids;
        } else {
          itemIds = ids;
        }
        second = in.readLine();
        lineNo++;
      }
      if (second == null || !second.trim().equals(COLUMNS)) {
        throw new DatasetFormatException(
            name,
            lineNo,
            "expected the column header '"
                + COLUMNS
                + "', found "
                + (second == null ? "the end of the file" : "'" + abbreviate(second) + "'"));
      }
      Map<String, Integer> userIndex = indexOf(userIds, rows, name, "user");
      Map<String, Integer> itemIndex = indexOf(itemIds, cols, name, "item");
      InteractionMatrix.Builder b;
      try {
        b = InteractionMatrix.builder(rows, cols);
      } catch (IllegalArgumentException e) {
        throw new DatasetFormatException(name, 1, e.getMessage());
      }
      long count = 0;
      String line;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        int c1 = line.indexOf(',');
        int c2 = c1 < 0 ? -1 : line.indexOf(',', c1 + 1);
        if (c1 < 0 || c2 < 0 || line.indexOf(',', c2 + 1) >= 0) {
          throw new DatasetFormatException(
              name, lineNo, "expected 'user,item,value', found '" + abbreviate(line) + "'");
        }
        int user = field(line.substring(0, c1), userIndex, name, lineNo, "user");
        int item = field(line.substring(c1 + 1, c2), itemIndex, name, lineNo, "item");
        int value = parseInt(line.substring(c2 + 1), name, lineNo, "value");
        if (user < 0 || user >= rows) {
          throw new DatasetFormatException(
              name,
              lineNo,
              String.format(Locale.ROOT, "expected user in [0, %d), found %d", rows, user));
        }
        if (item < 0 || item >= cols) {
          throw new DatasetFormatException(
              name,
              lineNo,
              String.format(Locale.ROOT, "expected item in [0, %d), found %d", cols, item));
        }
        if (value != 0 && value != 1) {
          throw new DatasetFormatException(name, lineNo, "expected value 0 or 1, found " + value);
        }
        b.add(user, item, value);
        count++;
      }
      if (count != entries) {
        throw new DatasetFormatException(
            name,
            0,
            String.format(
                Locale.ROOT, "expected %d entries (from the header), found %d", entries, count));
      }
      try {
        return new LabeledMatrix(b.build(), userIds, itemIds);
      } catch (IllegalArgumentException e) {
        throw new DatasetFormatException(name, 0, e.getMessage());
      }
    }
  }

  private static Map<String, Integer> indexOf(
      List<String> ids, int expected, String name, String what) {
    if (ids == null) {
      return null;
    }
    if (ids.size() != expected) {
      throw new DatasetFormatException(
          name,
          0,
          String.format(
              Locale.ROOT,
              "expected %d %s ids (from the header), found %d",
              expected,
              what,
              ids.size()));
    }
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      if (index.put(ids.get(i), i) != null) {
        throw new DatasetFormatException(
            name, 0, "expected distinct " + what + " ids, found '" + ids.get(i) + "' twice");
      }
    }
    return index;
  }

  private static int field(
      String s, Map<String, Integer> ids, String name, long line, String what) {
    if (ids == null) {
      return parseInt(s, name, line, what);
    }
    Integer i = ids.get(s.trim());
    if (i == null) {
      throw new DatasetFormatException(
          name,
          line,
          "expected a " + what + " id listed in the" + " header, found '" + abbreviate(s) + "'");
    }
    return i;
  }

  /**
   * Writes {@code matrix} in this format (0-based indices, stored zeros included), atomically: a
   * temporary file is written and moved into place.
   */
  public static void write(Path path, InteractionMatrix matrix) throws IOException {
    write(path, new LabeledMatrix(matrix, null, null));
  }

  /**
   * Writes a matrix with its original ids, atomically: when user (item) ids are given, a {@code #
   * user-ids} ({@code # item-ids}) line lists them in index order and the user (item) column holds
   * ids instead of indices. {@link #readLabeled} reads it back exactly.
   *
   * @throws IllegalArgumentException if an id is empty or contains a comma, tab or line break
   */
  public static void write(Path path, LabeledMatrix labeled) throws IOException {
    LabeledMatrix.checkIds(labeled.userIds(), ",");
    LabeledMatrix.checkIds(labeled.itemIds(), ",");
    InteractionMatrix matrix = labeled.matrix();
    List<String> users = labeled.userIds();
    List<String> items = labeled.itemIds();
    AtomicFiles.writeText(
        path,
        out -> {
          out.write(
              sizeLineStart(matrix.rows(), matrix.columns())
                  + matrix.storedCount()
                  + System.lineSeparator());
          if (users != null) {
            out.write(USER_IDS + "\t" + String.join("\t", users) + "\n");
          }
          if (items != null) {
            out.write(ITEM_IDS + "\t" + String.join("\t", items) + "\n");
          }
          out.write(COLUMNS + "\n");
          StringBuilder sb = new StringBuilder(32);
          IOException[] failure = new IOException[1];
          matrix.forEachStored(
              (r, c, v) -> {
                if (failure[0] != null) {
                  return;
                }
                sb.setLength(0);
                sb.append(users == null ? Integer.toString(r) : users.get(r))
                    .append(',')
                    .append(items == null ? Integer.toString(c) : items.get(c))
                    .append(',')
                    .append(v)
                    .append('\n');
                try {
                  out.write(sb.toString());
                } catch (IOException e) {
                  failure[0] = e;
                }
              });
          if (failure[0] != null) {
            throw failure[0];
          }
        });
  }

  private static int parseCount(String s, String name, String what) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw new DatasetFormatException(name, 1, "expected " + what + " to fit an int, found " + s);
    }
  }

  private static int parseInt(String s, String name, long line, String field) {
    try {
      return Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      throw new DatasetFormatException(
          name, line, "expected an integer " + field + ", found '" + abbreviate(s) + "'");
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}
