package io.github.sdrm.nn;

import org.nd4j.linalg.factory.Nd4j;

/** ND4J's thread settings (process-wide). Internal. */
public final class Threads {
  private Threads() {}

  /** Sets the BLAS threads and ND4J's element-wise (OpenMP) threads; 0 leaves a setting alone. */
  public static void apply(int blasThreads, int elementwiseThreads) {
    if (blasThreads > 0) {
      Nd4j.factory().blas().setMaxThreads(blasThreads);
    }
    if (elementwiseThreads > 0) {
      Nd4j.getEnvironment().setMaxThreads(elementwiseThreads);
      Nd4j.getEnvironment().setMaxMasterThreads(elementwiseThreads);
    }
  }

  /**
   * Runs {@code work} with {@code n} ND4J element-wise (OpenMP) threads and then restores the
   * previous setting. Process-wide while it runs.
   */
  public static void withElementwiseThreads(int n, Runnable work) {
    var env = Nd4j.getEnvironment();
    int threads = env.maxThreads();
    int master = env.maxMasterThreads();
    env.setMaxThreads(n);
    env.setMaxMasterThreads(n);
    try {
      work.run();
    } finally {
      env.setMaxThreads(threads);
      env.setMaxMasterThreads(master);
    }
  }
}
