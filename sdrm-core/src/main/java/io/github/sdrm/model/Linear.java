package io.github.sdrm.model;

import io.github.sdrm.nn.Param;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Affine maps on row-major batches, y = x·W + b, with W of shape [in, out]. */
final class Linear {
  private Linear() {}

  static INDArray forward(INDArray x, Param w, Param b) {
    // Nd4j.gemm gives a c-ordered result; mmul was ~30 % slower here at these sizes
    return Nd4j.gemm(x, w.value(), false, false).addiRowVector(b.value());
  }

  /**
   * Accumulates dW = xᵀ·dy and db = Σ_rows dy, and returns dx = dy·Wᵀ when {@code needInput}.
   */
  static INDArray backward(INDArray x, INDArray dy, Param w, Param b, boolean needInput) {
    w.grad().addi(Nd4j.gemm(x, dy, true, false));
    b.accumulate(dy.sum(0));
    return needInput ? Nd4j.gemm(dy, w.value(), false, true) : null;
  }
}
