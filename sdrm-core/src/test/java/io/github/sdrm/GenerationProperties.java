package io.github.sdrm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sdrm.data.InteractionMatrix;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

class GenerationProperties {
  private static final InteractionMatrix TRAIN = TestData.clustered(50, 24, 5L);
  private static final FittedSdrm MODEL = TestData.smallConfig().seed(11).build().fit(TRAIN);

  @Property(tries = 10)
  void generatedRowsHaveTheModelsItemCount(
      @ForAll @IntRange(min = 0, max = 30) int users,
      @ForAll Resolution resolution,
      @ForAll long seed) {
    InteractionMatrix m = MODEL.generate(users, resolution, seed);
    assertEquals(users, m.rows());
    assertEquals(TRAIN.columns(), m.columns());
    assertEquals(users, MODEL.generateVae(users, seed).rows());
  }

  @Property(tries = 6)
  void sameSeedGivesIdenticalMatrices(@ForAll long seed, @ForAll Resolution resolution) {
    assertEquals(MODEL.generate(17, resolution, seed), MODEL.generate(17, resolution, seed));
    assertEquals(MODEL.generateVae(17, seed), MODEL.generateVae(17, seed));
  }

  @Property(tries = 6)
  void differentSeedsGiveDifferentMatrices(
      @ForAll long a, @ForAll long b, @ForAll Resolution resolution) {
    Assume.that(a != b);
    assertNotEquals(MODEL.generate(17, resolution, a), MODEL.generate(17, resolution, b));
  }

  @Property(tries = 200)
  void equalSparsityGivesTheRequestedNumberOfOnes(
      @ForAll("logits") float[] logits,
      @ForAll @DoubleRange(min = 0.01, max = 1.0) double density) {
    int columns = 4;
    int rows = logits.length / columns;
    float[] block = java.util.Arrays.copyOf(logits, rows * columns);
    Assume.that(rows > 0);
    InteractionMatrix m = Binarizer.equalSparsity(density).apply(block, rows, columns, 0.5);
    double threshold = Binarizer.quantile(block, 1 - density);
    long ties = 0;
    for (float v : block) {
      if (v == (float) threshold || v == threshold) {
        ties++;
      }
    }
    double expected = density * block.length;
    assertTrue(
        Math.abs(m.onesCount() - expected) <= 1 + ties,
        "ones " + m.onesCount() + ", expected " + expected + " (ties " + ties + ")");
    assertEquals(m.storedCount(), m.onesCount());
  }

  @Provide
  Arbitrary<float[]> logits() {
    // few distinct values make ties likely; many make them rare
    Arbitrary<Float> value =
        Arbitraries.oneOf(Arbitraries.floats().between(-5, 5), Arbitraries.of(-1f, 0f, 0.5f, 2f));
    return value.array(float[].class).ofMinSize(4).ofMaxSize(400);
  }

  @Property(tries = 50)
  void quantileMatchesNumpyLinearOnSortedIndex(
      @ForAll("sorted") List<Float> values, @ForAll @DoubleRange(min = 0, max = 1) double q) {
    float[] a = new float[values.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = values.get(i);
    }
    double pos = q * (a.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, a.length - 1);
    double expected = a[lo] + (pos - lo) * ((double) a[hi] - a[lo]);
    assertEquals(expected, Binarizer.quantile(a, q), 1e-9 * (1 + Math.abs(expected)));
  }

  @Provide
  Arbitrary<List<Float>> sorted() {
    return Arbitraries.floats()
        .between(-100, 100)
        .list()
        .ofMinSize(1)
        .ofMaxSize(50)
        .map(
            l -> {
              l.sort(null);
              return l;
            });
  }
}
