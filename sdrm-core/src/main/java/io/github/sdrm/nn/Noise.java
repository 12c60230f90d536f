package io.github.sdrm.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/** A source of Gaussian noise and dropout masks. Internal. */
public interface Noise {
  /** A new [rows, cols] array of N(0, std²) entries. */
  INDArray gaussian(long rows, long cols, double std);

  /**
   * A new [rows, cols] inverted-dropout mask: each entry is {@code 1/(1−p)} with probability {@code
   * 1−p} and 0 otherwise, as PyTorch's {@code F.dropout}.
   */
  INDArray dropoutMask(long rows, long cols, double p);
}
