package io.github.sdrm.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The modules' dependencies point one way (examples → recsys, datasets → core), checked on the
 * sources' imports: core imports no other module, recsys and datasets not each other, and the
 * internal packages {@code io.github.sdrm.nn} and {@code io.github.sdrm.model} are used only in
 * core, and by the two benchmark mains that time them.
 */
class ModuleBoundariesTest {
  private static final Pattern IMPORT =
      Pattern.compile(
          "^import\\s+(?:static\\s+)?(io\\.github\\.sdrm\\.[\\w.]+);", Pattern.MULTILINE);

  /** Mains that benchmark core's internals and so must reach them. */
  private static final Set<String> INTERNAL_BENCHMARKS =
      Set.of("StepBenchmark.java", "VaeEpochBenchmark.java");

  private static List<String> violations(
      String module, List<String> forbidden, boolean internalsAllowed) throws IOException {
    Path root = Path.of("..", module, "src");
    List<String> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
        Matcher m = IMPORT.matcher(Files.readString(f));
        boolean test = f.toString().contains("/src/test/");
        while (m.find()) {
          String imported = m.group(1);
          for (String prefix : forbidden) {
            if (imported.startsWith(prefix)) {
              out.add(f + " imports " + imported);
            }
          }
          boolean internal =
              imported.startsWith("io.github.sdrm.nn.")
                  || imported.startsWith("io.github.sdrm.model.");
          if (internal
              && !internalsAllowed
              && !test
              && !INTERNAL_BENCHMARKS.contains(f.getFileName().toString())) {
            out.add(f + " imports core's internal " + imported);
          }
        }
      }
    }
    return out;
  }

  @Test
  void dependenciesPointOneWay() throws IOException {
    assertTrue(Files.isDirectory(Path.of("..", "sdrm-core", "src")), "run from sdrm-examples");
    List<String> v = new ArrayList<>();
    v.addAll(
        violations(
            "sdrm-core",
            List.of("io.github.sdrm.recsys", "io.github.sdrm.datasets", "io.github.sdrm.examples"),
            true));
    v.addAll(
        violations(
            "sdrm-recsys", List.of("io.github.sdrm.datasets", "io.github.sdrm.examples"), false));
    v.addAll(
        violations(
            "sdrm-datasets", List.of("io.github.sdrm.recsys", "io.github.sdrm.examples"), false));
    v.addAll(violations("sdrm-examples", List.of(), false));
    assertEquals(List.of(), v);
  }
}
