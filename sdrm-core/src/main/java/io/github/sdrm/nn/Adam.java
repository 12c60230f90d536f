package io.github.sdrm.nn;

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
 * Internal.
 */
public final class Adam {
  private final double beta1;
  private final double beta2;
  private final double epsilon;
  private final double weightDecay;
  private long step;

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
   * Applies one update to every parameter with learning rate {@code lr}. Each gradient is consumed:
   * it holds the applied update afterwards. The moment buffers are created on first use, outside
   * any workspace.
   */
  public void step(List<Param> params, double lr) {
    step++;
    double bc2 = 1.0 - Math.pow(beta2, step);
    // ND4J's fused Adam computes p -= lr·√bc2/bc1 · m / (√v + ε'), which with ε' = ε·√bc2
    // is PyTorch's p -= (lr/bc1) · m / (√v/√bc2 + ε)
    double fusedEpsilon = epsilon * Math.sqrt(bc2);
    for (Param p : params) {
      if (p.firstMoment == null) {
        try (var ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
          p.firstMoment = p.value().ulike().assign(0);
          p.secondMoment = p.value().ulike().assign(0);
        }
      }
      INDArray g = p.grad();
      if (weightDecay != 0.0) {
        Nd4j.getBlasWrapper().level1().axpy(g.length(), weightDecay, p.value(), g);
      }
      // the op turns g into the update and advances both moments in place
      Nd4j.exec(
          new AdamUpdater(
              g, p.secondMoment, p.firstMoment, lr, beta1, beta2, fusedEpsilon, (int) (step - 1)));
      p.value().subi(g);
    }
  }

  /** Restores the step counter (for resuming); moments are kept on the parameters. */
  void setSteps(long steps) {
    this.step = steps;
  }
}
