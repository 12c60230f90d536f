package io.github.sdrm.model;

import io.github.sdrm.nn.Initializers;
import io.github.sdrm.nn.Param;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * SDRM's latent denoiser s(x, t), with every quirk of the reference implementation.
 *
 * <pre>
 * e   = Linear(T,T)(sinusoid_T(t))                      time embedding of width T
 * h   = PReLU_0(Linear(d+T,d)([dropout_0.5(x), e]))
 * h   = PReLU_h(Linear_h(h))          repeated L times, one shared Linear_h and PReLU_h
 * s   = tanh(Linear(d,d)(h))
 * </pre>
 *
 * The dropout on x is always on, also while sampling; each PReLU has a single slope (init 0.25);
 * Linear layers use PyTorch's default initialisation U(±1/√fanIn). The sinusoid uses ⌊T/2⌋
 * frequencies exp(−ln(10000)·j/⌊T/2⌋), cosines first, zero-padded to width T when T is odd.
 * Internal.
 */
public final class LatentDenoiser {
  /** Dropout on the latent input, applied in training and sampling alike. */
  public static final double INPUT_DROPOUT = 0.5;

  private final int latent;
  private final int timesteps;
  private final int hiddenLayers;
  private final DataType dataType;
  final Param embW;
  final Param embB;
  final Param inW;
  final Param inB;
  final Param inSlope;
  final Param hidW;
  final Param hidB;
  final Param hidSlope;
  final Param outW;
  final Param outB;
  private final List<Param> params;
  private final double[] sinusoids;

  /** Creates a denoiser with freshly initialised weights. */
  public LatentDenoiser(int latent, int timesteps, int hiddenLayers, long seed, DataType dataType) {
    this.latent = latent;
    this.timesteps = timesteps;
    this.hiddenLayers = hiddenLayers;
    this.dataType = dataType;
    SplittableRandom rnd = new SplittableRandom(seed);
    int t = timesteps;
    int d = latent;
    embW = new Param("den.emb.w", Initializers.pytorchLinear(new long[] {t, t}, t, rnd, dataType));
    embB = new Param("den.emb.b", Initializers.pytorchLinear(new long[] {1, t}, t, rnd, dataType));
    inW =
        new Param(
            "den.in.w", Initializers.pytorchLinear(new long[] {d + t, d}, d + t, rnd, dataType));
    inB =
        new Param("den.in.b", Initializers.pytorchLinear(new long[] {1, d}, d + t, rnd, dataType));
    inSlope = new Param("den.in.slope", Initializers.constant(new long[] {1, 1}, 0.25, dataType));
    hidW = new Param("den.hid.w", Initializers.pytorchLinear(new long[] {d, d}, d, rnd, dataType));
    hidB = new Param("den.hid.b", Initializers.pytorchLinear(new long[] {1, d}, d, rnd, dataType));
    hidSlope = new Param("den.hid.slope", Initializers.constant(new long[] {1, 1}, 0.25, dataType));
    outW = new Param("den.out.w", Initializers.pytorchLinear(new long[] {d, d}, d, rnd, dataType));
    outB = new Param("den.out.b", Initializers.pytorchLinear(new long[] {1, d}, d, rnd, dataType));
    params = List.of(embW, embB, inW, inB, inSlope, hidW, hidB, hidSlope, outW, outB);
    sinusoids = sinusoidTable(timesteps);
  }

  /** The trainable parameters, in a fixed order. */
  public List<Param> params() {
    return params;
  }

  /** Latent width d. */
  public int latent() {
    return latent;
  }

  /** Number of diffusion timesteps T (also the embedding width). */
  public int timesteps() {
    return timesteps;
  }

  /** Number of (shared) hidden blocks L. */
  public int hiddenLayers() {
    return hiddenLayers;
  }

  /** Element type of the weights. */
  public DataType dataType() {
    return dataType;
  }

  /** Copies the given parameter values into this network (shapes must match). */
  public void load(Map<String, INDArray> values) {
    ParamIo.assign(params, values);
  }

  /** The sinusoidal embeddings of timesteps 0..T, row-major [T+1, T]. */
  static double[] sinusoidTable(int timesteps) {
    int half = timesteps / 2;
    double[] v = new double[(timesteps + 1) * timesteps];
    for (int t = 0; t <= timesteps; t++) {
      for (int j = 0; j < half; j++) {
        double freq = Math.exp(-Math.log(10000.0) * j / half);
        v[t * timesteps + j] = Math.cos(t * freq);
        v[t * timesteps + half + j] = Math.sin(t * freq);
      }
    }
    return v;
  }

  /** The sinusoidal embeddings of the given timesteps, [n, T]. */
  public INDArray sinusoids(int[] t) {
    return sinusoids(t, 1);
  }

  /**
   * The sinusoidal embeddings of the given timesteps, the whole list repeated {@code copies} times,
   * [copies·n, T]. Built from a Java table: ND4J's pullRows was ~4 ms for 1650 rows.
   */
  INDArray sinusoids(int[] t, int copies) {
    int width = timesteps;
    int n = t.length;
    long[] shape = {(long) copies * n, width};
    if (dataType == DataType.DOUBLE) {
      double[] buf = new double[copies * n * width];
      for (int c = 0; c < copies; c++) {
        for (int i = 0; i < n; i++) {
          System.arraycopy(sinusoids, t[i] * width, buf, (c * n + i) * width, width);
        }
      }
      return Nd4j.create(buf, shape, DataType.DOUBLE);
    }
    float[] buf = new float[copies * n * width];
    for (int i = 0; i < n; i++) {
      int src = t[i] * width;
      for (int j = 0; j < width; j++) {
        buf[i * width + j] = (float) sinusoids[src + j];
      }
    }
    for (int c = 1; c < copies; c++) {
      System.arraycopy(buf, 0, buf, c * n * width, n * width);
    }
    INDArray a = Nd4j.create(buf, shape, 'c');
    return dataType == DataType.FLOAT ? a : a.castTo(dataType);
  }

  /** The sinusoidal embedding of timestep t repeated n times, [n, T]. */
  public INDArray sinusoids(int t, int n) {
    int[] idx = new int[n];
    java.util.Arrays.fill(idx, t);
    return sinusoids(idx);
  }

  /** Intermediate values of one forward pass, kept for the backward pass. */
  static final class Pass {
    INDArray sinusoid;
    INDArray input;
    final List<INDArray> preActivations = new ArrayList<>();
    final List<INDArray> activations = new ArrayList<>();
    INDArray output;
  }

  /**
   * Runs s(x, t) for a batch.
   *
   * @param x latent inputs, [n, d]
   * @param sinusoid sinusoidal embeddings of the rows' timesteps, [n, T]
   * @param dropMask the inverted-dropout mask on x, [n, d]
   */
  Pass forward(INDArray x, INDArray sinusoid, INDArray dropMask) {
    Pass p = new Pass();
    p.sinusoid = sinusoid;
    INDArray e = Linear.forward(sinusoid, embW, embB);
    p.input = Nd4j.hstack(x.mul(dropMask), e);
    INDArray a = Linear.forward(p.input, inW, inB);
    INDArray h = prelu(a, inSlope.scalar());
    p.preActivations.add(a);
    p.activations.add(h);
    for (int l = 0; l < hiddenLayers; l++) {
      a = Linear.forward(h, hidW, hidB);
      h = prelu(a, hidSlope.scalar());
      p.preActivations.add(a);
      p.activations.add(h);
    }
    p.output = Linear.tanhInPlace(Linear.forward(h, outW, outB));
    return p;
  }

  /** s(x, t) for a batch (with the always-on input dropout given by {@code dropMask}). */
  public INDArray predict(INDArray x, INDArray sinusoid, INDArray dropMask) {
    return forward(x, sinusoid, dropMask).output;
  }

  /** Accumulates into the parameters' gradients the gradient of a pass given dL/ds. */
  void backward(Pass p, INDArray dOutput) {
    INDArray dPre = dOutput.mul(p.output.mul(p.output).rsubi(1.0));
    int last = p.activations.size() - 1;
    INDArray dh = Linear.backward(p.activations.get(last), dPre, outW, outB, true);
    for (int l = last; l >= 1; l--) {
      INDArray a = p.preActivations.get(l);
      INDArray da = preluBackward(a, dh, hidSlope);
      dh = Linear.backward(p.activations.get(l - 1), da, hidW, hidB, true);
    }
    INDArray da0 = preluBackward(p.preActivations.get(0), dh, inSlope);
    Linear.backward(p.input, da0, inW, inB, false);
    // only the embedding part of the input carries parameters
    INDArray inWe =
        inW.value()
            .get(NDArrayIndex.interval(latent, latent + timesteps), NDArrayIndex.all())
            .dup();
    INDArray de = Nd4j.gemm(da0, inWe, false, true);
    Linear.backward(p.sinusoid, de, embW, embB, false);
  }

  /**
   * PReLU with one slope, computed without branches as (1 − slope)·max(a, 0) + slope·a: ND4J's
   * leaky ReLU kernel branches per element and was 3–4× slower on half-negative inputs.
   */
  private static INDArray prelu(INDArray a, double slope) {
    INDArray h = Transforms.max(a, 0.0, true).muli(1.0 - slope);
    Nd4j.getBlasWrapper().level1().axpy(a.length(), slope, a, h);
    return h;
  }

  /** Returns dL/da and accumulates dL/dslope = Σ dy·min(a, 0), for y = PReLU(a). */
  private static INDArray preluBackward(INDArray a, INDArray dy, Param slope) {
    INDArray neg = Transforms.min(a, 0.0, true);
    double dSlope = Nd4j.getBlasWrapper().level1().dot(neg.length(), 1.0, dy, neg);
    slope.grad().addi(dSlope);
    // derivative: 1 where a > 0, slope elsewhere
    return Transforms.leakyReluDerivative(a, slope.scalar(), false).muli(dy);
  }
}
