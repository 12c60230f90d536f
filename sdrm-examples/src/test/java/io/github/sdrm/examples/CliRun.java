package io.github.sdrm.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** One in-process run of the {@code sdrm} command line, for the CLI tests. */
record CliRun(int code, String out, String err) {

  static CliRun of(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        SdrmCli.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new CliRun(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Standard error is one line, "sdrm: " + expectedStart…, and no "out*" file is in dir. */
  void assertOneLineAndNoOutput(String expectedStart, Path dir) throws IOException {
    assertTrue(err.startsWith("sdrm: " + expectedStart), err);
    assertEquals(1, err.strip().split("\n").length, err);
    try (Stream<Path> files = Files.list(dir)) {
      assertFalse(
          files.anyMatch(p -> p.getFileName().toString().startsWith("out")),
          "an output file was left behind");
    }
  }
}
