package io.github.sdrm.recsys;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The first layer of the reference's Keras MLP: each 0/1 value of a user's row looked up in an
 * 8-wide embedding ({@code Embedding(users, 8)}, of which only rows 0 and 1 are ever read), the
 * items × 8 lookups flattened and multiplied by a dense kernel W of shape [items·8, width]. For a
 * row x the layer's output (before the dense layer's bias) is
 *
 * <pre>
 *   Σ_i Σ_k E[x_i][k] · W[8i + k, :]  =  c + Σ_{i : x_i = 1} u_i,
 *   c = Σ_k E[0][k] · s_k,   s_k = Σ_i W[8i + k, :],   u_i = Σ_k (E[1][k] − E[0][k]) · W[8i + k, :].
 * </pre>
 *
 * So the layer is an affine map of the row with the effective weights u ([items, width], {@link
 * #effective}) and offset c ({@link #offset}), and {@link MlpNetwork} runs it as such. What differs
 * from a dense layer is what Adam moves: the kernel (8× the weights of a dense layer) and the two
 * embedding rows. Given the gradient G = xᵀ·δ of the effective weights (the batch's δ summed over
 * the rows holding each item) and g₀ = Σ_b δ_b, the parameters' gradients are
 *
 * <pre>
 *   ∂L/∂W[8i + k, j] = E[0][k]·g₀[j] + (E[1][k] − E[0][k])·G[i, j],
 *   ∂L/∂E[1][k] = Σ_i W[8i + k, :]·G[i, :],   ∂L/∂E[0][k] = s_k·g₀ − ∂L/∂E[1][k].
 * </pre>
 *
 * Every kernel weight has a gradient at every step (E[0] is not zero), so {@link #step} runs
 * Keras's Adam over all of them, fused with recomputing u, s and c in the same pass over the kernel
 * (in parallel on the common fork-join pool over fixed blocks of items; the sums are combined in
 * block order, so the result does not depend on the number of threads). Parameters and moments are
 * Java float arrays: 3 × 4 · items · 8 · width bytes (ADM, 8,582 items × 512: 422 MB).
 *
 * <p>Initial values as Keras draws them: the embedding He-normal (truncated at two standard
 * deviations, σ = √(2 / users) / 0.8796), the kernel Glorot-uniform over fan-in items·8 and fan-out
 * width. Its gradient is checked by finite differences in {@code ValueEmbeddingLayerTest}.
 */
final class ValueEmbeddingLayer {
  /** The embedding width of the reference ({@code num_factors}). */
  static final int FACTORS = 8;

  private static final int BLOCK_ITEMS = 128;

  final int items;
  final int width;

  /** The kernel W, [items·8, width] row-major. */
  final float[] kernel;

  /** The embedding rows E[0] and E[1], [2, 8] row-major. */
  final float[] embedding;

  /** The effective weights u, [items, width] row-major (derived; kept up to date). */
  final float[] effective;

  /** The effective offset c, [width] (derived; kept up to date). */
  final float[] offset;

  // s_k = Σ_i W[8i + k, :], [8, width], in double (derived)
  private final double[] kernelSums;
  private final float[] kernelM;
  private final float[] kernelV;
  private final float[] embeddingM = new float[2 * FACTORS];
  private final float[] embeddingV = new float[2 * FACTORS];

  /**
   * A layer for rows of {@code items} values feeding {@code width} units, its embedding's standard
   * deviation set, as Keras's is, by the embedding's row count {@code users}.
   *
   * @throws IllegalArgumentException if a count is below 1 or the kernel would exceed an array
   */
  ValueEmbeddingLayer(int items, int width, int users, SplittableRandom rnd) {
    if (items < 1 || width < 1 || users < 1) {
      throw new IllegalArgumentException(
          "items, width and users must be at least 1, found "
              + items
              + ", "
              + width
              + ", "
              + users);
    }
    long size = (long) items * FACTORS * width;
    if (size > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "a value-embedding kernel of "
              + items
              + " × "
              + FACTORS
              + " × "
              + width
              + " weights exceeds a Java array; use the dense first layer");
    }
    this.items = items;
    this.width = width;
    embedding = new float[2 * FACTORS];
    double sigma = Math.sqrt(2.0 / users) / 0.87962566103423978;
    for (int i = 0; i < embedding.length; i++) {
      embedding[i] = (float) (sigma * truncatedNormal(rnd));
    }
    kernel = new float[(int) size];
    double limit = Math.sqrt(6.0 / ((double) items * FACTORS + width));
    for (int i = 0; i < kernel.length; i++) {
      kernel[i] = (float) (-limit + 2 * limit * rnd.nextDouble());
    }
    kernelM = new float[kernel.length];
    kernelV = new float[kernel.length];
    effective = new float[items * width];
    offset = new float[width];
    kernelSums = new double[FACTORS * width];
    refresh();
  }

  /** A standard normal draw redrawn until it lies within ±2 (Box–Muller, from two uniforms). */
  private static double truncatedNormal(SplittableRandom rnd) {
    while (true) {
      double u1 = rnd.nextDouble();
      double u2 = rnd.nextDouble();
      double z = Math.sqrt(-2 * Math.log1p(-u1)) * Math.cos(2 * Math.PI * u2);
      if (Math.abs(z) <= 2) {
        return z;
      }
    }
  }

  /** Recomputes {@link #effective}, the kernel sums and {@link #offset} from the parameters. */
  void refresh() {
    pass(null, null, null, 0f);
  }

  /**
   * The gradients of the kernel and the embedding given G ([items, width], the effective weights'
   * gradient) and g₀ ([width]), computed as {@link #step} computes them (for tests).
   */
  void gradient(float[] g, float[] g0, float[] kernelGrad, float[] embeddingGrad) {
    float[] e = embeddingGradient(g, null, g0);
    System.arraycopy(e, 0, embeddingGrad, 0, e.length);
    for (int i = 0; i < items; i++) {
      for (int k = 0; k < FACTORS; k++) {
        float a = embedding[k];
        float d = embedding[FACTORS + k] - embedding[k];
        int base = (i * FACTORS + k) * width;
        for (int j = 0; j < width; j++) {
          kernelGrad[base + j] = a * g0[j] + d * g[i * width + j];
        }
      }
    }
  }

  /**
   * One Keras Adam step of every parameter from G and g₀, and the derived arrays brought up to
   * date.
   *
   * @param g the effective weights' gradient, [items, width]
   * @param gRows the rows of {@code g} that may be non-zero (the batch's items), or null for all
   * @param g0 the sum of the layer's output gradient over the batch, [width]
   * @param lrT Adam's step size at this iteration, lr·√(1 − β₂ᵗ) / (1 − β₁ᵗ)
   */
  void step(float[] g, int[] gRows, float[] g0, float lrT) {
    float[] embeddingGrad = embeddingGradient(g, gRows, g0);
    float[] old = embedding.clone();
    MlpRecommender.KerasAdam.update(embedding, embeddingGrad, embeddingM, embeddingV, lrT);
    pass(old, g, g0, lrT);
  }

  /** [∂L/∂E[0], ∂L/∂E[1]] from the current kernel (before any update). */
  private float[] embeddingGradient(float[] g, int[] gRows, float[] g0) {
    double[] e1 = new double[FACTORS];
    int n = gRows == null ? items : gRows.length;
    for (int r = 0; r < n; r++) {
      int i = gRows == null ? r : gRows[r];
      for (int k = 0; k < FACTORS; k++) {
        int base = (i * FACTORS + k) * width;
        double s = 0;
        for (int j = 0; j < width; j++) {
          s += (double) kernel[base + j] * g[i * width + j];
        }
        e1[k] += s;
      }
    }
    float[] out = new float[2 * FACTORS];
    for (int k = 0; k < FACTORS; k++) {
      double s0 = 0;
      for (int j = 0; j < width; j++) {
        s0 += kernelSums[k * width + j] * g0[j];
      }
      out[k] = (float) (s0 - e1[k]);
      out[FACTORS + k] = (float) e1[k];
    }
    return out;
  }

  /**
   * One pass over the kernel: with {@code old} (the embedding before this step) an Adam update of
   * every weight, then, in any case, u, s and c recomputed from the (updated) kernel and embedding.
   */
  private void pass(float[] old, float[] g, float[] g0, float lrT) {
    int blocks = (items + BLOCK_ITEMS - 1) / BLOCK_ITEMS;
    double[][] partial = new double[blocks][];
    IntStream.range(0, blocks)
        .parallel()
        .forEach(
            b ->
                partial[b] =
                    passBlock(
                        b * BLOCK_ITEMS, Math.min(items, (b + 1) * BLOCK_ITEMS), old, g, g0, lrT));
    Arrays.fill(kernelSums, 0);
    for (double[] p : partial) {
      for (int j = 0; j < kernelSums.length; j++) {
        kernelSums[j] += p[j];
      }
    }
    for (int j = 0; j < width; j++) {
      double c = 0;
      for (int k = 0; k < FACTORS; k++) {
        c += embedding[k] * kernelSums[k * width + j];
      }
      offset[j] = (float) c;
    }
  }

  /**
   * {@link #pass} for items [from, to); returns their kernel sums, [8, width].
   *
   * <p>Each row of the kernel and its moments is copied into small scratch arrays, updated there
   * and copied back: with every array of the update loop indexed by the loop variable alone,
   * HotSpot's C2 compiles it to vector instructions (square roots and divisions included), which it
   * does not when the kernel is indexed at an offset and the gradient at another (it cannot prove
   * that they do not overlap). The same operations in the same order, so the same bits; the update
   * loop runs 3–4× faster, an ADM step 1.6× (docs/PERFORMANCE.md).
   */
  private double[] passBlock(int from, int to, float[] old, float[] g, float[] g0, float lrT) {
    float[][] sums = new float[FACTORS][width];
    double[] total = new double[FACTORS * width];
    float[] gi = new float[width];
    float[] w = new float[width];
    float[] m = new float[width];
    float[] v = new float[width];
    float[] u = new float[width];
    for (int i = from; i < to; i++) {
      Arrays.fill(u, 0f);
      if (old != null) {
        System.arraycopy(g, i * width, gi, 0, width);
      }
      for (int k = 0; k < FACTORS; k++) {
        float dNew = embedding[FACTORS + k] - embedding[k];
        int base = (i * FACTORS + k) * width;
        System.arraycopy(kernel, base, w, 0, width);
        if (old != null) {
          System.arraycopy(kernelM, base, m, 0, width);
          System.arraycopy(kernelV, base, v, 0, width);
          float a = old[k];
          float d = old[FACTORS + k] - old[k];
          for (int j = 0; j < width; j++) {
            w[j] = MlpRecommender.KerasAdam.updated(w[j], a * g0[j] + d * gi[j], m, v, j, lrT);
          }
          System.arraycopy(w, 0, kernel, base, width);
          System.arraycopy(m, 0, kernelM, base, width);
          System.arraycopy(v, 0, kernelV, base, width);
        }
        float[] sk = sums[k];
        for (int j = 0; j < width; j++) {
          u[j] += dNew * w[j];
          sk[j] += w[j];
        }
      }
      System.arraycopy(u, 0, effective, i * width, width);
      // float partial sums over at most 16 items, then double
      if ((i - from) % 16 == 15 || i == to - 1) {
        for (int k = 0; k < FACTORS; k++) {
          float[] sk = sums[k];
          for (int j = 0; j < width; j++) {
            total[k * width + j] += sk[j];
          }
          Arrays.fill(sk, 0f);
        }
      }
    }
    return total;
  }
}
