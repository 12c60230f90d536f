package io.github.sdrm.datasets;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Writes a binary interaction matrix row by row, in the formats of {@link TripletCsv} and {@link
 * MatrixMarket}, without holding it: memory does not grow with the number of rows, so millions of
 * generated users can be written as they are produced.
 *
 * <p>The file is written under a temporary name in the target's directory and moved into place by
 * {@link #commit()}; closing without committing (an exception, a missing row) deletes it, so a
 * failure never leaves a partial file and an existing target stays unchanged. The entry count that
 * both formats declare before the entries is written as a fixed-width field (padded with spaces,
 * which both readers accept) and filled in on commit.
 *
 * <pre>{@code
 * try (InteractionWriter out = InteractionWriter.open(path, Format.CSV, rows, items, itemIds)) {
 *   for (...) out.writeRow(columns, count);
 *   out.commit();
 * }
 * }</pre>
 */
public final class InteractionWriter implements AutoCloseable {
  /** Output formats. */
  public enum Format {
    /** {@link TripletCsv}: {@code user,item,value} lines, 0-based user indices. */
    CSV,
    /** {@link MatrixMarket}: coordinate integer general, 1-based indices. */
    MATRIX_MARKET;

    /** Matrix Market for a {@code .mtx} name, CSV otherwise. */
    public static Format forPath(Path path) {
      return path.getFileName().toString().endsWith(".mtx") ? MATRIX_MARKET : CSV;
    }
  }

  /** Width of the entry-count field: any long fits. */
  private static final int COUNT_WIDTH = 19;

  private final Path target;
  private final Path tmp;
  private final Format format;
  private final int rows;
  private final int columns;
  private final long countOffset;
  private final byte[][] itemLabels;
  private final OutputStream out;
  private int row;
  private long entries;
  private boolean committed;
  private boolean closed;

  private InteractionWriter(
      Path target, Path tmp, Format format, int rows, int columns, List<String> itemIds)
      throws IOException {
    this.target = target;
    this.tmp = tmp;
    this.format = format;
    this.rows = rows;
    this.columns = columns;
    StringBuilder header = new StringBuilder();
    String pad = " ".repeat(COUNT_WIDTH);
    if (format == Format.CSV) {
      header.append(TripletCsv.sizeLineStart(rows, columns));
    } else {
      header.append(MatrixMarket.BANNER).append('\n');
      if (itemIds != null) {
        header.append(MatrixMarket.ITEM_IDS).append('\t').append(String.join("\t", itemIds));
        header.append('\n');
      }
      header.append(rows).append(' ').append(columns).append(' ');
    }
    byte[] before = header.toString().getBytes(StandardCharsets.UTF_8);
    countOffset = before.length;
    header.setLength(0);
    header.append(pad).append('\n');
    if (format == Format.CSV) {
      if (itemIds != null) {
        header.append(TripletCsv.ITEM_IDS).append('\t').append(String.join("\t", itemIds));
        header.append('\n');
      }
      header.append(TripletCsv.COLUMNS).append('\n');
    }
    itemLabels = new byte[columns][];
    for (int c = 0; c < columns; c++) {
      // Matrix Market entries hold 1-based indices; its ids live in the comment line only
      String label =
          format == Format.MATRIX_MARKET
              ? Integer.toString(c + 1)
              : itemIds != null ? itemIds.get(c) : Integer.toString(c);
      itemLabels[c] = label.getBytes(StandardCharsets.UTF_8);
    }
    out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
    out.write(before);
    out.write(header.toString().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Starts writing {@code rows} rows of {@code columns} items to {@code target}.
   *
   * @param itemIds the items' original ids in column order (written in the id line, and in place of
   *     the column index in CSV entries), or null for indices
   * @throws IllegalArgumentException for negative sizes, ids of the wrong count, or an id that the
   *     format cannot hold (empty, or with a comma, tab or line break)
   * @throws IOException if the temporary file cannot be created
   */
  public static InteractionWriter open(
      Path target, Format format, int rows, int columns, List<String> itemIds) throws IOException {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(format, "format");
    if (rows < 0 || columns < 1) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT, "expected rows >= 0 and columns >= 1, found %d x %d", rows, columns));
    }
    if (itemIds != null) {
      if (itemIds.size() != columns) {
        throw new IllegalArgumentException(
            String.format(Locale.ROOT, "expected %d item ids, found %d", columns, itemIds.size()));
      }
      LabeledMatrix.checkIds(itemIds, format == Format.CSV ? "," : "\t");
    }
    Path abs = target.toAbsolutePath();
    Path tmp = AtomicFiles.temporaryBeside(abs);
    try {
      return new InteractionWriter(abs, tmp, format, rows, columns, itemIds);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
  }

  /**
   * Writes the next row: a 1 at each of the first {@code count} entries of {@code items}, which
   * must be strictly ascending column indices.
   *
   * @throws IllegalStateException if all declared rows were written, or after commit or close
   * @throws IllegalArgumentException for a column out of range or out of order
   */
  public void writeRow(int[] items, int count) throws IOException {
    if (committed || closed) {
      throw new IllegalStateException("the writer is " + (committed ? "committed" : "closed"));
    }
    if (row == rows) {
      throw new IllegalStateException("all " + rows + " declared rows are written");
    }
    if (count < 0 || count > items.length) {
      throw new IllegalArgumentException(
          "count must be in [0, " + items.length + "], found " + count);
    }
    byte[] user =
        Integer.toString(format == Format.CSV ? row : row + 1).getBytes(StandardCharsets.US_ASCII);
    // checked before writing anything: a bad row leaves no partial line behind
    int previous = -1;
    for (int k = 0; k < count; k++) {
      int c = items[k];
      if (c <= previous || c >= columns) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "row %d: expected ascending columns in [0, %d), found %d after %d",
                row,
                columns,
                c,
                previous));
      }
      previous = c;
    }
    byte separator = (byte) (format == Format.CSV ? ',' : ' ');
    for (int k = 0; k < count; k++) {
      out.write(user);
      out.write(separator);
      out.write(itemLabels[items[k]]);
      out.write(separator);
      out.write('1');
      out.write('\n');
    }
    entries += count;
    row++;
  }

  /** Rows written so far. */
  public int rowsWritten() {
    return row;
  }

  /** Entries written so far. */
  public long entriesWritten() {
    return entries;
  }

  /**
   * Completes the file: fills in the entry count and moves it into place, replacing an existing
   * target.
   *
   * @throws IllegalStateException if fewer rows than declared were written
   */
  public void commit() throws IOException {
    if (committed || closed) {
      throw new IllegalStateException("the writer is " + (committed ? "committed" : "closed"));
    }
    if (row != rows) {
      throw new IllegalStateException(
          String.format(Locale.ROOT, "%d rows were declared but %d written", rows, row));
    }
    out.close();
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
      byte[] count = Long.toString(entries).getBytes(StandardCharsets.US_ASCII);
      ByteBuffer buf = ByteBuffer.wrap(count);
      long at = countOffset;
      while (buf.hasRemaining()) {
        at += ch.write(buf, at);
      }
      ch.force(true);
    }
    AtomicFiles.moveIntoPlace(tmp, target);
    committed = true;
  }

  /** Deletes the temporary file unless {@link #commit()} completed. */
  @Override
  public void close() throws IOException {
    if (closed || committed) {
      closed = true;
      return;
    }
    closed = true;
    try {
      out.close();
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
