package io.github.sdrm.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir Path dir;

  @Test
  void writeText_readableLikeAPlainFile() throws IOException {
    Path f = dir.resolve("report.html");
    AtomicFiles.writeText(f, w -> w.write("<p>hi</p>"));
    assertEquals("<p>hi</p>", Files.readString(f));
    Assumptions.assumeTrue(Files.getFileStore(f).supportsFileAttributeView("posix"));
    assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
  }

  @Test
  void writeText_failedBodyKeepsOldFileAndLeavesNoTemporary() throws IOException {
    Path f = dir.resolve("out.csv");
    Files.writeString(f, "old");
    assertThrows(
        IOException.class,
        () ->
            AtomicFiles.writeText(
                f,
                w -> {
                  w.write("half");
                  throw new IOException("disk full");
                }));
    assertEquals("old", Files.readString(f));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(1, files.count(), "no temporary file left");
    }
  }
}
