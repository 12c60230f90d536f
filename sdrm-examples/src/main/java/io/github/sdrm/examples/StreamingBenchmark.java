package io.github.sdrm.examples;

import io.github.sdrm.FittedSdrm;
import io.github.sdrm.Resolution;
import io.github.sdrm.datasets.InteractionWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Streams many synthetic users from a saved model to a file, as {@code sdrm generate} does, and
 * reports throughput and memory: resident memory (VmRSS) sampled every 2 s, the peak heap, and the
 * output's density against the target. Run it with a small heap ({@code -Xmx1g}) to check that
 * memory does not grow with the number of users. Threads: the model's configuration. Target (issue
 * 11): 1,000,000 users of an ML-100K model and 100,000 of an ADM-sized one with heap &lt;= 1 GB and
 * flat resident memory.
 */
@Command(name = "StreamingBenchmark", mixinStandardHelpOptions = true, sortOptions = false)
public final class StreamingBenchmark implements Callable<Integer> {
  @Option(names = "--model", required = true, paramLabel = "FILE", description = "saved model")
  Path model;

  @Option(names = "--users", paramLabel = "N", description = "users to write (default 1000000)")
  int users = 1_000_000;

  @Option(names = "--resolution", paramLabel = "R", description = "full or multi (default full)")
  Resolution resolution = Resolution.FULL;

  @Option(
      names = "--output",
      required = true,
      paramLabel = "FILE",
      description = ".mtx = Matrix Market, else CSV")
  Path output;

  @Option(
      names = "--keep",
      description = "keep the output file (default: deleted after measuring its size)")
  boolean keep;

  private StreamingBenchmark() {}

  /** Runs the benchmark. */
  public static void main(String[] args) {
    BenchSupport.execute(new StreamingBenchmark(), args);
  }

  @Override
  public Integer call() throws Exception {
    // generation applies the model's own thread settings
    FittedSdrm fitted = FittedSdrm.load(model);
    System.out.printf(
        Locale.ROOT,
        "model %s: %d items, latent %d, T %d, L %d, generation blocks of %d; max heap %.0f MiB%n",
        model,
        fitted.items(),
        fitted.config().latentSize(),
        fitted.config().timesteps(),
        fitted.config().denoiserLayers(),
        fitted.config().generationBatchSize(),
        Runtime.getRuntime().maxMemory() / (1024.0 * 1024.0));
    long t0 = System.nanoTime();
    double threshold = fitted.equalSparsityThreshold(resolution);
    double thresholdSeconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "threshold %.5f from %d sampled users in %.1f s%n",
        threshold,
        FittedSdrm.THRESHOLD_SAMPLE_USERS,
        thresholdSeconds);

    List<double[]> rss = new ArrayList<>(); // {seconds, users done, VmRSS MiB}
    long start = System.nanoTime();
    long[] nextSample = {start};
    try (InteractionWriter writer =
        InteractionWriter.open(
            output, InteractionWriter.Format.forPath(output), users, fitted.items(), null)) {
      fitted.generateRows(
          users,
          0,
          users,
          resolution,
          fitted.provenance().generationSeed(),
          (user, cols, count) -> {
            try {
              writer.writeRow(cols, count);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
            long now = System.nanoTime();
            if (now >= nextSample[0] && ((user + 1) % 1000 == 0 || user + 1 == users)) {
              nextSample[0] = now + 2_000_000_000L;
              double s = (now - start) / 1e9;
              double mib = BenchSupport.procStatusMiB("VmRSS");
              rss.add(new double[] {s, user + 1, mib});
              if (rss.size() % 15 == 1) {
                System.out.printf(
                    Locale.ROOT,
                    "  %7.0f s  %9d users  %8.0f users/s  RSS %6.0f MiB%n",
                    s,
                    user + 1,
                    (user + 1) / Math.max(s, 1e-9),
                    mib);
              }
            }
          });
      writer.commit();
      double seconds = (System.nanoTime() - start) / 1e9;
      long entries = writer.entriesWritten();
      double density = (double) entries / ((long) users * fitted.items());
      double target = fitted.provenance().fitDensity();
      long bytes = Files.size(output);
      // resident memory after the first tenth of the run (warm-up) vs the rest
      double early = Double.NaN;
      double late = Double.NEGATIVE_INFINITY;
      double lowAfterWarmup = Double.POSITIVE_INFINITY;
      for (double[] r : rss) {
        if (r[1] >= users / 10.0 && Double.isNaN(early)) {
          early = r[2];
        }
        if (r[1] >= users / 10.0) {
          late = Math.max(late, r[2]);
          lowAfterWarmup = Math.min(lowAfterWarmup, r[2]);
        }
      }
      System.out.printf(
          Locale.ROOT,
          "%d users (%s) in %.1f s = %.0f users/s; %d interactions, density %.5f vs target"
              + " %.5f (%+.2f %%); %s %.1f MiB%n",
          users,
          resolution,
          seconds,
          users / seconds,
          entries,
          density,
          target,
          100 * (density - target) / target,
          output.getFileName(),
          bytes / (1024.0 * 1024.0));
      System.out.printf(
          Locale.ROOT,
          "memory: peak heap %.0f MiB; RSS after warm-up (10 %% of users) %.0f MiB, min %.0f, max"
              + " %.0f MiB over %d samples; VmHWM %.0f MiB%n",
          BenchSupport.peakHeapMiB(),
          early,
          lowAfterWarmup,
          late,
          rss.size(),
          BenchSupport.procStatusMiB("VmHWM"));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } finally {
      if (!keep) {
        Files.deleteIfExists(output);
      }
    }
    return 0;
  }
}
