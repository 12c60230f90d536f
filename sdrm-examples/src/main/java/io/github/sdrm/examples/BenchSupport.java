package io.github.sdrm.examples;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine;

/** Measurements shared by the benchmark mains. */
final class BenchSupport {
  private BenchSupport() {}

  /**
   * Runs a benchmark main's command: options parsed by picocli ({@code --help} lists them), bad
   * input reported in one line with exit code 2, other failures with their stack trace and exit
   * code 1.
   */
  static void execute(Object command, String[] args) {
    CommandLine cl = new CommandLine(command);
    cl.setExecutionExceptionHandler(
        (e, c, parsed) -> {
          if (e instanceof IllegalArgumentException) {
            c.getErr().println(c.getCommandName() + ": " + e.getMessage());
            return 2;
          }
          throw e;
        });
    int code = cl.execute(args);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** Median sgemm rate in GFLOP/s for n×n float matrices on the current ND4J settings. */
  static double sgemmGflops(int n, int reps) {
    INDArray a = Nd4j.rand(DataType.FLOAT, n, n);
    INDArray b = Nd4j.rand(DataType.FLOAT, n, n);
    INDArray c = Nd4j.create(DataType.FLOAT, n, n);
    for (int i = 0; i < 3; i++) {
      Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
    }
    double[] rates = new double[reps];
    for (int i = 0; i < reps; i++) {
      long t0 = System.nanoTime();
      Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
      long t = System.nanoTime() - t0;
      rates[i] = 2.0 * n * n * n / t;
    }
    Arrays.sort(rates);
    return rates[reps / 2];
  }

  /**
   * The thread set-up measured fastest on 2 cores: one element-wise (OpenMP) thread, {@code blas}
   * BLAS threads.
   */
  static void useThreads(int blas) {
    Nd4j.getEnvironment().setMaxThreads(1);
    Nd4j.getEnvironment().setMaxMasterThreads(1);
    Nd4j.factory().blas().setMaxThreads(blas);
  }

  /**
   * How OpenBLAS's idle worker threads wait, for the benchmark's header: {@code
   * OPENBLAS_THREAD_TIMEOUT} as set in the environment, or a note that they spin. OpenBLAS reads
   * the variable once, when it loads, so it must be set before the JVM starts; 4 (the minimum) cut
   * the system time of a whole ML-100K training run from 110 to 38 s with the same wall time
   * (docs/PERFORMANCE.md).
   */
  static String openblasWait() {
    String timeout = System.getenv("OPENBLAS_THREAD_TIMEOUT");
    return timeout == null
        ? "OPENBLAS_THREAD_TIMEOUT unset (idle BLAS threads spin on sched_yield)"
        : "OPENBLAS_THREAD_TIMEOUT=" + timeout;
  }

  /** Sum of the peak usage of every heap pool, in MiB. */
  static double peakHeapMiB() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum / (1024.0 * 1024.0);
  }

  /** A field of /proc/self/status in MiB (VmRSS, VmHWM), or NaN where unavailable. */
  static double procStatusMiB(String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith(field + ":")) {
          String kb = line.substring(field.length() + 1).trim().split("\\s+")[0];
          return Long.parseLong(kb) / 1024.0;
        }
      }
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
    return Double.NaN;
  }

  /** The shared data directory: system property sdrm.data.dir, else ../shared/data. */
  static Path dataDir() {
    return Path.of(System.getProperty("sdrm.data.dir", "../shared/data"));
  }
}
