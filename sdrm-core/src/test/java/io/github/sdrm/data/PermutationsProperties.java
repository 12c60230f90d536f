package io.github.sdrm.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class PermutationsProperties {
  @Property(tries = 200)
  void randomSplit_partitionsTheIndicesAsThePermutationsPrefix(
      @ForAll @IntRange(min = 0, max = 60) int n,
      @ForAll @IntRange(min = 0, max = 60) int first,
      @ForAll long seed) {
    if (first > n) {
      assertThrows(
          IllegalArgumentException.class,
          () -> Permutations.randomSplit(n, first, new SplittableRandom(seed)));
      return;
    }
    int[][] split = Permutations.randomSplit(n, first, new SplittableRandom(seed));
    int[] order = Permutations.random(n, new SplittableRandom(seed));
    int[] prefix = Arrays.copyOf(order, first);
    Arrays.sort(prefix);
    assertArrayEquals(prefix, split[0]);
    assertEquals(n - first, split[1].length);
    int[] all =
        IntStream.concat(Arrays.stream(split[0]), Arrays.stream(split[1])).sorted().toArray();
    assertArrayEquals(IntStream.range(0, n).toArray(), all);
    assertArrayEquals(Arrays.stream(split[1]).sorted().toArray(), split[1]);
  }
}
