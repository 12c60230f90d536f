package io.github.sdrm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sdrm.data.InteractionMatrix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Generation split into ranges of users ("shards") gives exactly the rows of one call for the whole
 * job, whatever the cut points; streamed binarisation uses a threshold fixed per model.
 */
class ShardedGenerationProperties {
  private static final InteractionMatrix TRAIN = TestData.clustered(50, 24, 5L);
  // generation blocks of 7 users: the cuts below fall inside and on block boundaries
  private static final FittedSdrm MODEL = TestData.smallConfig().seed(11).build().fit(TRAIN);
  private static final FittedSdrm ZERO =
      TestData.smallConfig().seed(11).binarizer(Binarizer.zeroThreshold()).build().fit(TRAIN);

  /** A job size and the cut points that split it into shards. */
  record Layout(int users, int[] cuts) {
    @Override
    public String toString() {
      return "users " + users + ", cuts " + Arrays.toString(cuts);
    }
  }

  @Provide
  Arbitrary<Layout> layouts() {
    return Arbitraries.integers()
        .between(0, 40)
        .flatMap(
            users ->
                Arbitraries.integers()
                    .between(0, users)
                    .set()
                    .ofMaxSize(6)
                    .map(
                        cuts ->
                            new Layout(
                                users,
                                new TreeSet<>(cuts)
                                    .stream().mapToInt(Integer::intValue).toArray())));
  }

  private static float[] scores(int users, int from, int to, Resolution r, long seed) {
    float[] out = new float[(to - from) * MODEL.items()];
    int[] next = {from};
    MODEL.generateScores(
        users,
        from,
        to,
        r,
        seed,
        (first, n, logits) -> {
          assertEquals(next[0], first, "blocks arrive in user order");
          System.arraycopy(logits, 0, out, (first - from) * MODEL.items(), n * MODEL.items());
          next[0] += n;
        });
    assertEquals(to, next[0], "every user of the range is delivered");
    return out;
  }

  @Property(tries = 25)
  void shardsConcatenateToTheSingleCall(
      @ForAll("layouts") Layout layout, @ForAll Resolution resolution, @ForAll long seed) {
    float[] whole = scores(layout.users(), 0, layout.users(), resolution, seed);
    if (layout.users() > 0) {
      assertArrayEquals(
          MODEL.generateScores(layout.users(), resolution, seed).data().asFloat(),
          whole,
          "the streamed single call equals the in-memory one");
    }
    List<float[]> parts = new ArrayList<>();
    int from = 0;
    for (int cut : layout.cuts()) {
      parts.add(scores(layout.users(), from, cut, resolution, seed));
      from = cut;
    }
    parts.add(scores(layout.users(), from, layout.users(), resolution, seed));
    float[] joined = new float[whole.length];
    int at = 0;
    for (float[] p : parts) {
      System.arraycopy(p, 0, joined, at, p.length);
      at += p.length;
    }
    assertEquals(whole.length, at);
    assertArrayEquals(whole, joined, "bit for bit, " + layout);
  }

  @Property(tries = 10)
  void streamedRowsWithTheZeroThresholdEqualGenerate(
      @ForAll("layouts") Layout layout, @ForAll Resolution resolution, @ForAll long seed) {
    FittedSdrm zero = ZERO;
    InteractionMatrix whole = zero.generate(layout.users(), resolution, seed);
    int[] cuts = Arrays.copyOf(layout.cuts(), layout.cuts().length + 1);
    cuts[cuts.length - 1] = layout.users();
    int from = 0;
    int[] seen = {0};
    for (int to : cuts) {
      zero.generateRows(
          layout.users(),
          from,
          to,
          resolution,
          seed,
          (user, cols, count) -> {
            assertEquals(seen[0], user);
            assertArrayEquals(whole.rowColumns(user), Arrays.copyOf(cols, count));
            seen[0]++;
          });
      from = to;
    }
    assertEquals(layout.users(), seen[0]);
  }

  @Example
  void thresholdIsTheQuantileOfTheSample() {
    double density = MODEL.provenance().fitDensity();
    long sampleSeed = MODEL.provenance().generationSeed() + 0x9E3779B97F4A7C15L;
    // the sample is a job in blocks of 1,024 users
    FittedSdrm blocks1024 =
        TestData.smallConfig().seed(11).generationBatchSize(1024).build().fit(TRAIN);
    float[] sample =
        blocks1024
            .generateScores(FittedSdrm.THRESHOLD_SAMPLE_USERS, Resolution.MULTI, sampleSeed)
            .data()
            .asFloat();
    assertEquals(
        Binarizer.quantile(sample, 1 - density),
        MODEL.equalSparsityThreshold(Resolution.MULTI),
        0.0);
    // an explicit density, a far smaller top set
    assertEquals(
        Binarizer.quantile(sample, 1 - 0.003),
        MODEL.equalSparsityThreshold(Resolution.MULTI, 0.003),
        0.0);
  }

  @Example
  void streamedDensityIsCloseToTheTarget() {
    int users = 2000;
    long[] ones = {0};
    MODEL.generateRows(
        users, 0, users, Resolution.FULL, 99L, (user, cols, count) -> ones[0] += count);
    double density = (double) ones[0] / ((long) users * MODEL.items());
    double target = MODEL.provenance().fitDensity();
    assertTrue(
        Math.abs(density - target) < 0.02 * target + 0.002,
        "density " + density + " vs target " + target);
  }

  @Example
  void thresholdsTravelWithTheModelFile() throws IOException {
    Path dir = Files.createTempDirectory("sdrm-thresholds");
    FittedSdrm model = TestData.smallConfig().seed(4).build().fit(TRAIN);
    double full = model.equalSparsityThreshold(Resolution.FULL);
    double multi = model.equalSparsityThreshold(Resolution.MULTI, 0.1);
    Path file = dir.resolve("m.sdrm");
    model.save(file);
    FittedSdrm loaded = FittedSdrm.load(file);
    assertEquals(2, loaded.sampledThresholds().size(), "read back, not recomputed");
    assertEquals(full, loaded.equalSparsityThreshold(Resolution.FULL), 0.0);
    assertEquals(multi, loaded.equalSparsityThreshold(Resolution.MULTI, 0.1), 0.0);
    assertEquals(2, loaded.sampledThresholds().size());
    // and a fresh copy of the same model computes the same value
    FittedSdrm again = TestData.smallConfig().seed(4).build().fit(TRAIN);
    assertEquals(full, again.equalSparsityThreshold(Resolution.FULL), 0.0);
    Files.delete(file);
    Files.delete(dir);
  }

  @Example
  void badRanges() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> MODEL.generateScores(10, 4, 3, Resolution.FULL, 1L, (f, n, l) -> {}));
    assertEquals(
        "the range of users must satisfy 0 <= from <= to <= users (10), found [4, 3)",
        e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> MODEL.generateScores(10, 0, 11, Resolution.FULL, 1L, (f, n, l) -> {}));
    assertThrows(
        IllegalArgumentException.class,
        () -> MODEL.generateRows(10, -1, 3, Resolution.FULL, 1L, (u, c, n) -> {}));
    assertThrows(
        IllegalArgumentException.class, () -> MODEL.equalSparsityThreshold(Resolution.FULL, 0.0));
    FittedSdrm raw = TestData.smallConfig().seed(11).binarizer(Binarizer.raw()).build().fit(TRAIN);
    assertThrows(
        IllegalStateException.class,
        () -> raw.generateRows(3, 0, 3, Resolution.FULL, 1L, (u, c, n) -> {}));
  }
}
