package io.github.sdrm.nn;

import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A named trainable tensor with its gradient and optimiser state. Internal. */
public final class Param {
  private final String name;
  private final INDArray value;
  private final INDArray grad;
  INDArray firstMoment;
  INDArray secondMoment;
  // Adam's moments of a float parameter live on the Java heap (see Adam#step)
  float[] firstMomentF;
  float[] secondMomentF;

  /** Wraps {@code value} (kept, not copied) and allocates a zero gradient of the same shape. */
  public Param(String name, INDArray value) {
    this.name = Objects.requireNonNull(name, "name");
    this.value = Objects.requireNonNull(value, "value");
    this.grad = value.ulike().assign(0);
  }

  /** The parameter's name, unique within its network. */
  public String name() {
    return name;
  }

  /** The parameter tensor (updated in place by the optimiser). */
  public INDArray value() {
    return value;
  }

  /** The accumulated gradient. */
  public INDArray grad() {
    return grad;
  }

  /** Sets the gradient to zero. */
  public void zeroGrad() {
    grad.assign(0);
  }

  /** Adds {@code g} to the gradient. */
  public void accumulate(INDArray g) {
    grad.addi(g.reshape(grad.shape()));
  }

  /** The value as a scalar (for single-element parameters such as PReLU slopes). */
  public double scalar() {
    return value.getDouble(0);
  }
}
