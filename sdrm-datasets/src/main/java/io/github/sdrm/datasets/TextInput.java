package io.github.sdrm.datasets;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A UTF-8 text file read line by line for the readers: a missing file is named with what was
 * expected there, and bytes that are not UTF-8 become a {@link DatasetFormatException} with the
 * file, line and column instead of a bare {@code MalformedInputException} ("Input length = 1").
 */
final class TextInput extends BufferedReader {
  private final String name;
  private long lines;

  private TextInput(Path path) throws IOException {
    // malformed input becomes U+FFFD, found per line below: a reporting decoder would fail while
    // filling its buffer, lines ahead of the line that holds the bad bytes
    super(new InputStreamReader(Files.newInputStream(path), StandardCharsets.UTF_8), 1 << 16);
    this.name = path.toString();
  }

  /**
   * Opens {@code path}.
   *
   * @param what what the file should hold, for the message when it is missing
   * @throws NoSuchFileException if there is no such file, with a message naming it and {@code what}
   */
  static TextInput open(Path path, String what) throws IOException {
    if (!Files.exists(path)) {
      throw new NoSuchFileException(path.toString(), null, "no such file (expected " + what + ")");
    }
    return new TextInput(path);
  }

  @Override
  public String readLine() throws IOException {
    String line = super.readLine();
    if (line == null) {
      return null;
    }
    lines++;
    if (line.indexOf('\uFFFD') >= 0) {
      throw new DatasetFormatException(
          name,
          lines,
          "expected UTF-8 text, found bytes that are not UTF-8 (or the replacement character"
              + " U+FFFD) at column "
              + (line.indexOf('\uFFFD') + 1));
    }
    return line;
  }
}
