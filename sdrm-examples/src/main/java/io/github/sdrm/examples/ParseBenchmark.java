package io.github.sdrm.examples;

import io.github.sdrm.datasets.Dataset;
import io.github.sdrm.datasets.Preprocessing;
import io.github.sdrm.datasets.RatingsFormat;
import io.github.sdrm.datasets.RawRatings;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Parses and preprocesses a generated 1,000,000-line MovieLens {@code ratings.dat} (6040 users ×
 * 3706 items, ML-1M's shape) and reports the median time of several runs and the peak heap. Target:
 * ≤ 3 s and ≤ 512 MB of heap; run with {@code -Xmx512m} to enforce the heap bound. Options: see
 * {@code --help}.
 */
@Command(name = "ParseBenchmark", mixinStandardHelpOptions = true, sortOptions = false)
public final class ParseBenchmark implements Callable<Integer> {
  @Option(
      names = "--lines",
      paramLabel = "N",
      description = "generated ratings lines (default 1,000,000)")
  int lines = 1_000_000;

  @Option(names = "--runs", paramLabel = "N", description = "timed runs (default 5)")
  int runs = 5;

  private ParseBenchmark() {}

  /** Runs the benchmark. */
  public static void main(String[] args) {
    BenchSupport.execute(new ParseBenchmark(), args);
  }

  @Override
  public Integer call() throws Exception {
    run();
    return 0;
  }

  private void run() throws Exception {
    Path file = Files.createTempFile("ratings", ".dat");
    try {
      SplittableRandom rnd = new SplittableRandom(1);
      try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        for (int i = 0; i < lines; i++) {
          int user = 1 + (int) Math.floor(6040 * Math.pow(rnd.nextDouble(), 1.5));
          int item = 1 + (int) Math.floor(3706 * Math.pow(rnd.nextDouble(), 2));
          out.write(
              user + "::" + item + "::" + (1 + rnd.nextInt(5)) + "::" + (978300760 + i) + "\n");
        }
      }
      double[] seconds = new double[runs];
      Dataset d = null;
      for (int r = 0; r < runs; r++) {
        long t0 = System.nanoTime();
        d = Preprocessing.defaults().apply(RawRatings.read(file, RatingsFormat.MOVIELENS_DAT));
        seconds[r] = (System.nanoTime() - t0) / 1e9;
      }
      Arrays.sort(seconds);
      System.out.printf(
          Locale.ROOT,
          "%d lines (%.1f MB): parse + preprocess median %.2f s over"
              + " %d runs (min %.2f, max %.2f; target <= 3 s); result %s; peak heap %.0f MiB"
              + " (target <= 512), max heap %.0f MiB%n",
          lines,
          Files.size(file) / 1e6,
          seconds[runs / 2],
          runs,
          seconds[0],
          seconds[runs - 1],
          d.full(),
          BenchSupport.peakHeapMiB(),
          Runtime.getRuntime().maxMemory() / 1048576.0);
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
