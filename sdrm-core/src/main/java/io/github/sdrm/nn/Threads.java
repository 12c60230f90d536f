package io.github.sdrm.nn;

import org.nd4j.linalg.factory.Nd4j;

/** ND4J's thread settings (process-wide). Internal. */
public final class Threads {
  private Threads() {}

  /** Sets OpenMP and BLAS threads to {@code n}; 0 leaves ND4J's settings alone. */
  public static void apply(int n) {
    if (n > 0) {
      Nd4j.getEnvironment().setMaxThreads(n);
      Nd4j.getEnvironment().setMaxMasterThreads(n);
      Nd4j.factory().blas().setMaxThreads(n);
    }
  }
}
