package io.github.sdrm.nn;

import java.nio.FloatBuffer;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.updaters.AdamUpdater;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Adam exactly as PyTorch's {@code torch.optim.Adam} (1.13, non-amsgrad, non-fused), including its
 * <em>coupled</em> weight decay: the decay {@code wd * p} is added to the gradient before the
 * moments are updated (this is not AdamW).
 *
 * <pre>
 * g ← g + wd·p;  m ← β1·m + (1−β1)·g;  v ← β2·v + (1−β2)·g²
 * p ← p − (lr / (1−β1^t)) · m / (√v / √(1−β2^t) + ε)
 * </pre>
 *
 * <p>Float parameters are updated by a Java loop that computes, operation for operation in float
 * arithmetic, what Deeplearning4j's fused {@code adam_updater} kernel computes (the same bits,
 * checked against the kernel in {@code AdamTest}), ≈ 3× faster here: the loop vectorises, the
 * kernel does not. Other types use the kernel.
 *
 * <p>Internal.
 */
public final class Adam {
  private final double beta1;
  private final double beta2;
  private final double epsilon;
  private final double weightDecay;
  private long step;
  // scratch for the float path, grown to the largest parameter
  private float[] gradScratch = new float[0];
  private float[] valueScratch = new float[0];

  /** Creates an optimiser with the given moments' decay rates, ε and coupled weight decay. */
  public Adam(double beta1, double beta2, double epsilon, double weightDecay) {
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.epsilon = epsilon;
    this.weightDecay = weightDecay;
  }

  /** PyTorch's defaults: β = (0.9, 0.999), ε = 1e-8, with the given weight decay. */
  public static Adam pytorchDefaults(double weightDecay) {
    return new Adam(0.9, 0.999, 1e-8, weightDecay);
  }

  /** Number of steps taken so far. */
  public long steps() {
    return step;
  }

  /**
   * Applies one update to every parameter with learning rate {@code lr}. The gradient is not
   * meaningful afterwards (float parameters keep it plus the weight-decay term, other types hold
   * the applied update); callers zero it before the next backward pass. The moment buffers are
   * created on first use, outside any workspace.
   */
  public void step(List<Param> params, double lr) {
    step++;
    double bc2 = 1.0 - Math.pow(beta2, step);
    // ND4J's fused Adam computes p -= lr·√bc2/bc1 · m / (√v + ε'), which with ε' = ε·√bc2
    // is PyTorch's p -= (lr/bc1) · m / (√v/√bc2 + ε)
    double fusedEpsilon = epsilon * Math.sqrt(bc2);
    for (Param p : params) {
      INDArray g = p.grad();
      if (weightDecay != 0.0) {
        Nd4j.getBlasWrapper().level1().axpy(g.length(), weightDecay, p.value(), g);
      }
      if (contiguousFloat(p.value()) && contiguousFloat(g)) {
        floatStep(p, lr, fusedEpsilon);
        continue;
      }
      if (p.firstMoment == null) {
        try (var ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
          p.firstMoment = p.value().ulike().assign(0);
          p.secondMoment = p.value().ulike().assign(0);
        }
      }
      // the op turns g into the update and advances both moments in place
      Nd4j.exec(
          new AdamUpdater(
              g, p.secondMoment, p.firstMoment, lr, beta1, beta2, fusedEpsilon, (int) (step - 1)));
      p.value().subi(g);
    }
  }

  /**
   * The kernel's arithmetic for float arrays (libnd4j {@code adamUpdater_}): every scalar is
   * rounded to float where the kernel rounds it, its bias-correction factor is computed as it
   * computes it, and the element loop is the kernel's expression order (no fused multiply-add, as
   * in the generic x86-64 build).
   */
  private void floatStep(Param p, double lr, double fusedEpsilon) {
    int n = (int) p.value().length();
    if (p.firstMomentF == null) {
      p.firstMomentF = new float[n];
      p.secondMomentF = new float[n];
    }
    if (gradScratch.length < n) {
      gradScratch = new float[n];
      valueScratch = new float[n];
    }
    float[] g = gradScratch;
    float[] w = valueScratch;
    float[] m = p.firstMomentF;
    float[] v = p.secondMomentF;
    FloatBuffer values = p.value().data().asNioFloat();
    p.grad().data().asNioFloat().get(0, g, 0, n);
    values.get(0, w, 0, n);
    float b1 = (float) beta1;
    float b2 = (float) beta2;
    float eps = (float) fusedEpsilon;
    float lrF = (float) lr;
    float t = (float) (step - 1) + 1f;
    float b1t = (float) Math.pow(b1, t);
    float b2t = (float) Math.pow(b2, t);
    float root = (float) Math.sqrt((float) (1.0 - b2t));
    float stepSize = (float) (lrF * root / (1.0 - b1t));
    if (Float.isNaN(stepSize) || stepSize == 0f || Float.isInfinite(stepSize)) {
      stepSize = eps;
    }
    float c1 = 1f - b1;
    float c2 = 1f - b2;
    for (int i = 0; i < n; i++) {
      float gi = g[i];
      float mi = b1 * m[i] + gi * c1;
      float vi = b2 * v[i] + gi * gi * c2;
      m[i] = mi;
      v[i] = vi;
      w[i] -= (mi * stepSize) / ((float) Math.sqrt(vi) + eps);
    }
    values.put(0, w, 0, n);
  }

  private static boolean contiguousFloat(INDArray a) {
    return Buffers.isContiguousFloat(a) && a.length() <= Integer.MAX_VALUE;
  }

  /** Restores the step counter (for resuming); moments are kept on the parameters. */
  void setSteps(long steps) {
    this.step = steps;
  }
}
