package io.github.sdrm.model;

import io.github.sdrm.nn.Noise;
import io.github.sdrm.nn.Workspaces;
import java.util.Arrays;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * DDPM ancestral sampling in the latent space, with a start step per row.
 *
 * <p>For i = T_start … 1: z ~ N(0, ν²I) if i &gt; 1 else 0, and x ← (x − s(x, i)·(1 − α_i)/√(1 −
 * ᾱ_i)) / √α_i + √β_i·z, starting from x ~ N(0, I).
 *
 * <p>F-SDRM starts every row at T. M-SDRM gives every row its own start step; the reference runs
 * each user alone, here the rows are sorted by start step (descending) so that the rows still
 * running at step i are always a prefix of the batch, and the whole batch runs as one. Each row
 * follows exactly the reference's chain, so the output distribution is the same. Internal.
 */
public final class Sampler {
  private Sampler() {}

  /**
   * Samples one latent per entry of {@code startSteps}.
   *
   * @param startSteps per row, the first step T_start in 1..T
   * @return latents [n, d], in the order of {@code startSteps}, allocated in the caller's workspace
   *     if one is open
   */
  public static INDArray sample(
      LatentDenoiser net,
      NoiseSchedule schedule,
      int[] startSteps,
      double noiseVarianceDiminisher,
      Noise noise) {
    int n = startSteps.length;
    int d = net.latent();
    Integer[] boxed = new Integer[n];
    for (int i = 0; i < n; i++) {
      boxed[i] = i;
    }
    Arrays.sort(boxed, (a, b) -> Integer.compare(startSteps[b], startSteps[a]));
    int[] sortedSteps = new int[n];
    int[] inverse = new int[n];
    for (int j = 0; j < n; j++) {
      sortedSteps[j] = startSteps[boxed[j]];
      inverse[boxed[j]] = j;
    }
    INDArray x;
    try (var outside = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
      x = noise.gaussian(n, d, 1.0);
    }
    // rows join when the countdown reaches their start step and then run to step 1, so the
    // running rows are always the prefix of rows with T_start >= i, which grows as i falls
    int active = 0;
    for (int i = sortedSteps.length == 0 ? 0 : sortedSteps[0]; i >= 1; i--) {
      while (active < n && sortedSteps[active] >= i) {
        active++;
      }
      // each step's temporaries live in a workspace that is released at the end of the step
      try (MemoryWorkspace ws = Workspaces.open("SDRM_SAMPLE_STEP")) {
        // a contiguous copy of the active prefix: ops on row views were several times slower
        INDArray view =
            active == n ? x : x.get(NDArrayIndex.interval(0, active), NDArrayIndex.all());
        INDArray xa = active == n ? x : view.dup();
        INDArray mask = noise.dropoutMask(active, d, LatentDenoiser.INPUT_DROPOUT);
        INDArray predicted = net.predict(xa, net.sinusoids(i, active), mask);
        double coef = (1.0 - schedule.alpha(i)) / Math.sqrt(1.0 - schedule.alphaBar(i));
        INDArray next = xa.sub(predicted.muli(coef)).divi(Math.sqrt(schedule.alpha(i)));
        if (i > 1) {
          next.addi(
              noise.gaussian(active, d, noiseVarianceDiminisher).muli(Math.sqrt(schedule.beta(i))));
        }
        view.assign(next);
      }
    }
    INDArray result = Nd4j.pullRows(x, 1, inverse);
    x.close();
    return result;
  }
}
