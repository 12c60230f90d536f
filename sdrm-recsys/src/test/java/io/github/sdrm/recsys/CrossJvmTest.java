package io.github.sdrm.recsys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sdrm.data.InteractionMatrix;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Same seed, same figures in a fresh JVM: each recommender is fitted here and in a forked JVM on
 * the test class path (with another number of common fork-join threads), and their scores must
 * agree bit for bit. (ND4J's native generator treats seed 0, the reference's default, as no seed;
 * before {@code Nd4jSeeds.nativeSeed} both networks started from different weights in every JVM.)
 */
class CrossJvmTest {

  /** Fits the named recommender on fixed data (seed 0) and returns a hash of its scores. */
  static long fitAndHash(String name) {
    // the value-embedding layer's fused pass splits the items into blocks of 128: three here
    InteractionMatrix train =
        RecsysTestData.clustered(60, name.equals("mlp-value-embedding") ? 300 : 30, 1L);
    InteractionMatrix users = train.rowRange(0, 10); // NeuMF scores its own users only
    Recommender r =
        switch (name) {
          case "mlp" -> new MlpRecommender(3, 16, 10, 0.001, 0L);
          case "mlp-value-embedding" ->
              new MlpRecommender(3, 16, 10, 0.001, 0L, MlpRecommender.FirstLayer.VALUE_EMBEDDING);
          default -> new NeuMfRecommender(2, 64, 0L);
        };
    r.fit(train);
    long h = 17;
    for (float[] row : r.score(users)) {
      h = 31 * h + Arrays.hashCode(row);
    }
    return h;
  }

  /** Entry point of the forked JVM: prints the hash of {@code args[0]}'s fit. */
  public static void main(String[] args) {
    System.out.println("HASH " + fitAndHash(args[0]));
  }

  @ParameterizedTest
  @ValueSource(strings = {"mlp", "mlp-value-embedding", "neumf"})
  void sameSeed_sameScoresInAForkedJvm(String name) throws IOException, InterruptedException {
    long here = fitAndHash(name);
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p =
        new ProcessBuilder(
                List.of(
                    java.toString(),
                    // another number of fork-join threads there, so that parallel work must not
                    // depend on it
                    "-Djava.util.concurrent.ForkJoinPool.common.parallelism="
                        + (ForkJoinPool.commonPool().getParallelism() + 2),
                    "-cp",
                    System.getProperty("java.class.path"),
                    CrossJvmTest.class.getName(),
                    name))
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("the forked JVM did not finish");
    }
    assertEquals(0, p.exitValue(), out);
    String line =
        out.lines()
            .filter(l -> l.startsWith("HASH "))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no hash in the forked JVM's output:\n" + out));
    assertEquals(here, Long.parseLong(line.substring(5)), name + " in another JVM");
  }
}
