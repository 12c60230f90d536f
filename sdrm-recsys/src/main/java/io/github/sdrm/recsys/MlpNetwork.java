package io.github.sdrm.recsys;

import io.github.sdrm.nn.Buffers;
import io.github.sdrm.nn.Initializers;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The MLP autoencoder of {@link MlpRecommender}, written out on ND4J's matrix products: input → 512
 * → 256 → 256 → input width, ReLU on the hidden layers, inverted dropout after each of them (masks
 * given by the caller), sigmoid output scored by binary cross-entropy, the mean over every output
 * as Keras's {@code binary_crossentropy} takes it. Weights are drawn from a Java generator as the
 * reference's Keras model draws them: Glorot-uniform for the hidden layers, LeCun-uniform (U(±√(3 /
 * fan-in))) for the output layer; biases zero. The gradient of the loss fills {@link #weightGrad}
 * and {@link #biasGrad}; it is checked against finite differences in {@code MlpNetworkTest}.
 */
final class MlpNetwork {
  /** The reference's hidden layers. */
  static final int[] REFERENCE_HIDDEN = {512, 256, 256};

  /** Layers: weights [in, out] and biases [1, out]; the last is the output layer. */
  final INDArray[] weight;

  final INDArray[] bias;
  final INDArray[] weightGrad;
  final INDArray[] biasGrad;
  private final int[] hidden;
  private final DataType dataType;
  private final int items;

  /** A network with the given hidden widths (the reference's: {@link #REFERENCE_HIDDEN}). */
  MlpNetwork(int items, int[] hidden, SplittableRandom rnd, DataType dataType) {
    this.items = items;
    this.hidden = hidden.clone();
    this.dataType = dataType;
    weight = new INDArray[hidden.length + 1];
    bias = new INDArray[hidden.length + 1];
    weightGrad = new INDArray[hidden.length + 1];
    biasGrad = new INDArray[hidden.length + 1];
    int in = items;
    for (int l = 0; l < weight.length; l++) {
      int out = l < hidden.length ? hidden[l] : items;
      weight[l] =
          l < hidden.length
              ? Initializers.xavierUniform(in, out, rnd, dataType)
              : Initializers.uniform(
                  new long[] {in, out}, -Math.sqrt(3.0 / in), Math.sqrt(3.0 / in), rnd, dataType);
      bias[l] = Nd4j.zeros(dataType, 1, out);
      weightGrad[l] = Nd4j.zeros(dataType, in, out);
      biasGrad[l] = Nd4j.zeros(dataType, 1, out);
      in = out;
    }
  }

  int items() {
    return items;
  }

  /**
   * Dropout masks for a batch of {@code rows}: one [rows, width] array per hidden layer holding 0
   * (dropped, probability {@code rate}) or 1 / (1 − rate) (kept).
   */
  INDArray[] dropoutMasks(int rows, double rate, SplittableRandom rnd) {
    INDArray[] masks = new INDArray[hidden.length];
    double kept = 1.0 / (1.0 - rate);
    for (int l = 0; l < hidden.length; l++) {
      float[] m = new float[rows * hidden[l]];
      for (int i = 0; i < m.length; i++) {
        m[i] = rnd.nextDouble() < rate ? 0f : (float) kept;
      }
      INDArray mask = Buffers.floats(m, rows, hidden[l]);
      masks[l] = dataType == DataType.FLOAT ? mask : mask.castTo(dataType);
    }
    return masks;
  }

  /** The output probabilities for x (no dropout). */
  INDArray predict(INDArray x) {
    INDArray a = x;
    for (int l = 0; l < hidden.length; l++) {
      a = Transforms.relu(affine(a, l), false);
    }
    return Transforms.sigmoid(affine(a, hidden.length), false);
  }

  /**
   * The output logits for x with the given dropout masks (null: none), keeping each layer's input
   * in {@code inputs} (length 4) and each hidden layer's ReLU output in {@code relu} (length 3)
   * when these are not null.
   */
  INDArray logits(INDArray x, INDArray[] masks, INDArray[] inputs, INDArray[] relu) {
    INDArray a = x;
    for (int l = 0; l < hidden.length; l++) {
      if (inputs != null) {
        inputs[l] = a;
      }
      INDArray h = Transforms.relu(affine(a, l), false);
      if (relu != null) {
        relu[l] = h;
      }
      a = masks == null ? h : h.mul(masks[l]);
    }
    if (inputs != null) {
      inputs[hidden.length] = a;
    }
    return affine(a, hidden.length);
  }

  /**
   * Fills the gradients of the mean binary cross-entropy of the outputs for x against targets y,
   * with the given dropout masks, and returns the logits.
   */
  INDArray backward(INDArray x, INDArray y, INDArray[] masks) {
    INDArray[] inputs = new INDArray[weight.length];
    INDArray[] relu = new INDArray[hidden.length];
    INDArray z = logits(x, masks, inputs, relu);
    // d(mean BCE)/dz = (σ(z) − y) / (rows · items)
    INDArray delta = Transforms.sigmoid(z, true).subi(y).divi((double) z.length());
    INDArray ones = Nd4j.ones(dataType, 1, x.rows());
    for (int l = weight.length - 1; l >= 0; l--) {
      Nd4j.gemm(inputs[l], delta, weightGrad[l], true, false, 1.0, 0.0);
      Nd4j.gemm(ones, delta, biasGrad[l], false, false, 1.0, 0.0);
      if (l > 0) {
        INDArray da = Nd4j.gemm(delta, weight[l], false, true);
        if (masks != null) {
          da.muli(masks[l - 1]);
        }
        delta = da.muli(Transforms.step(relu[l - 1]));
      }
    }
    return z;
  }

  /** The mean binary cross-entropy of σ(z) against y, from the logits (stable form). */
  static double loss(INDArray z, INDArray y) {
    double[] zv = z.dup('c').reshape(z.length()).toDoubleVector();
    double[] yv = y.dup('c').reshape(y.length()).toDoubleVector();
    double s = 0;
    for (int i = 0; i < zv.length; i++) {
      s += Math.max(zv[i], 0) - yv[i] * zv[i] + Math.log1p(Math.exp(-Math.abs(zv[i])));
    }
    return s / zv.length;
  }

  private INDArray affine(INDArray a, int l) {
    return Nd4j.gemm(a, weight[l], false, false).addiRowVector(bias[l]);
  }
}
