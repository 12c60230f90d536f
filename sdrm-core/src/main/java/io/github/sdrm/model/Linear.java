package io.github.sdrm.model;

import io.github.sdrm.nn.Param;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Affine maps on row-major batches, y = x·W + b, with W of shape [in, out]. */
final class Linear {
  private Linear() {}

  static INDArray forward(INDArray x, Param w, Param b) {
    // Nd4j.gemm gives a c-ordered result; mmul was ~30 % slower here at these sizes
    return Nd4j.gemm(x, w.value(), false, false).addiRowVector(b.value());
  }

  /**
   * Accumulates dW += xᵀ·dy and db += Σ_rows dy, and returns dx = dy·Wᵀ when {@code needInput}.
   * Both accumulations are single BLAS calls into the gradient buffers (the column sum as 1ᵀ·dy,
   * which was several times faster than ND4J's sum along dimension 0).
   */
  static INDArray backward(INDArray x, INDArray dy, Param w, Param b, boolean needInput) {
    return backward(x, dy, w, b, needInput, false);
  }

  /**
   * As {@link #backward(INDArray, INDArray, Param, Param, boolean)}; with {@code wideBias} the bias
   * gradient is dyᵀ·1 (a matrix–vector product, ≈ 4× faster for a wide dy such as the VAE's [B,
   * items] output gradient) instead of 1ᵀ·dy, which sums in another order (other last bits).
   */
  static INDArray backward(
      INDArray x, INDArray dy, Param w, Param b, boolean needInput, boolean wideBias) {
    Nd4j.gemm(x, dy, w.grad(), true, false, 1.0, 1.0);
    if (wideBias) {
      INDArray ones = Nd4j.ones(dy.dataType(), dy.rows(), 1);
      Nd4j.gemm(dy, ones, b.grad().reshape(dy.columns(), 1), true, false, 1.0, 1.0);
    } else {
      INDArray ones = Nd4j.ones(dy.dataType(), 1, dy.rows());
      Nd4j.gemm(ones, dy, b.grad(), false, false, 1.0, 1.0);
    }
    return needInput ? Nd4j.gemm(dy, w.value(), false, true) : null;
  }

  /**
   * tanh(x) = 1 − 2/(exp(2x) + 1), in place: the same function, ~2× faster than ND4J's tanh kernel
   * here, within 2e-7 of it in float32 (and exact limits ±1 for large |x|).
   */
  static INDArray tanhInPlace(INDArray x) {
    return Transforms.exp(x.muli(2.0), false).addi(1.0).rdivi(-2.0).addi(1.0);
  }
}
