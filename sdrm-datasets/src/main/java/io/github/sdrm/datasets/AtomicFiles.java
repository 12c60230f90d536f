package io.github.sdrm.datasets;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes text files through a temporary file in the same directory, moved into place atomically: a
 * reader never sees a half-written file, and a failed write leaves none behind (an existing target
 * is kept unchanged). The result is readable by everyone and writable by its owner (rw-r--r-- on
 * POSIX file systems), like a file written directly, rather than the private mode of a temporary
 * file.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Body of a text write. */
  public interface TextBody {
    /** Writes the file's content. */
    void write(Writer out) throws IOException;
  }

  /**
   * Writes {@code target} as UTF-8 text with {@code body}, replacing an existing file only when the
   * body completed.
   *
   * @throws IOException if the body or the file system fails; the temporary file is deleted
   */
  public static void writeText(Path target, TextBody body) throws IOException {
    Path abs = target.toAbsolutePath();
    Path tmp = temporaryBeside(abs);
    boolean moved = false;
    try {
      try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        body.write(out);
      }
      moveIntoPlace(tmp, abs);
      moved = true;
    } finally {
      if (!moved) {
        Files.deleteIfExists(tmp);
      }
    }
  }

  /** A new temporary file in the directory of {@code target} (an absolute path). */
  static Path temporaryBeside(Path target) throws IOException {
    return Files.createTempFile(target.getParent(), target.getFileName().toString() + ".", ".tmp");
  }

  /**
   * Gives a finished temporary file the permissions of a file written directly and moves it onto
   * {@code target} atomically, replacing an existing file.
   */
  static void moveIntoPlace(Path tmp, Path target) throws IOException {
    if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
    }
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
