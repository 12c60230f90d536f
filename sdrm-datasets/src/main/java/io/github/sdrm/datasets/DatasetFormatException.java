package io.github.sdrm.datasets;

/**
 * Thrown when an input file is malformed. The message has the form {@code file:line: what was
 * expected, what was found}.
 */
public final class DatasetFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final long line;

  /** Creates the exception for a position in a file (line 0 for the whole file). */
  public DatasetFormatException(String file, long line, String message) {
    super(line > 0 ? file + ":" + line + ": " + message : file + ": " + message);
    this.file = file;
    this.line = line;
  }

  /** The file, as given to the reader. */
  public String file() {
    return file;
  }

  /** The 1-based line number, or 0 when the problem concerns the whole file. */
  public long line() {
    return line;
  }
}
