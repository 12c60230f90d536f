package io.github.sdrm;

import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Seeds for ND4J's native random generator. ND4J 1.0.0-M2.1's native generator treats seed 0 as no
 * seed: its draws then differ from JVM to JVM and even between two generators in one JVM (measured:
 * uniform draws of two seed-0 generators differ, of two seed-7 ones agree; a Deeplearning4j MLP
 * seeded 0 got different initial weights in every JVM). Every place that seeds it — SDRM's noise
 * streams, the Deeplearning4j recommenders — goes through {@link #nativeSeed}.
 */
public final class Nd4jSeeds {
  private Nd4jSeeds() {}

  /**
   * Runs {@code work} and then puts the calling thread's ND4J generator ({@link Nd4j#getRandom()})
   * back in the state it had before: for code that must seed that generator (Deeplearning4j seeds
   * it when a network is initialised and draws dropout masks from it) without changing what the
   * caller's own draws give.
   */
  public static void preservingGlobalRandom(Runnable work) {
    Random random = Nd4j.getRandom();
    long seed = random.getSeed();
    long root = random.rootState();
    long node = random.nodeState();
    try {
      work.run();
    } finally {
      random.setSeed(seed);
      random.setStates(root, node);
    }
  }

  /** {@code seed}, except that 0 becomes a fixed non-zero seed. */
  public static long nativeSeed(long seed) {
    return seed == 0 ? 0x9E3779B97F4A7C15L : seed;
  }
}
