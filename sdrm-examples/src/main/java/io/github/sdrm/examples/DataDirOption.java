package io.github.sdrm.examples;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --data DIR} option of the commands and benchmarks that read the development data (the
 * folder holding {@code sdrm-splits/}), one definition for all of them.
 */
final class DataDirOption {
  @Option(
      names = "--data",
      paramLabel = "DIR",
      description =
          "data directory holding sdrm-splits (default ../shared/data or -Dsdrm.data.dir)")
  Path dir = BenchSupport.dataDir();

  /** The data directory. */
  Path dir() {
    return dir;
  }
}
