package io.github.sdrm.datasets;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes text files through a temporary file in the same directory, moved into place. */
final class AtomicFiles {
  private AtomicFiles() {}

  /** Body of a text write. */
  interface TextBody {
    void write(Writer out) throws IOException;
  }

  static void writeText(Path target, TextBody body) throws IOException {
    Path abs = target.toAbsolutePath();
    Path tmp = Files.createTempFile(abs.getParent(), abs.getFileName().toString() + ".", ".tmp");
    boolean moved = false;
    try {
      try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        body.write(out);
      }
      Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      moved = true;
    } finally {
      if (!moved) {
        Files.deleteIfExists(tmp);
      }
    }
  }
}
