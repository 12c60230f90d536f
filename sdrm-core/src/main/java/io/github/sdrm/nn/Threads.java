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
}
