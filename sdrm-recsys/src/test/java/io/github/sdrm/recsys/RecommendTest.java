package io.github.sdrm.recsys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sdrm.data.InteractionMatrix;
import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RecommendTest {

  @Test
  void popularity_handComputed_seenExcluded_tiesByIndex() {
    // item counts: 0 -> 3, 1 -> 1, 2 -> 3, 3 -> 2, 4 -> 0
    InteractionMatrix train =
        InteractionMatrix.fromRows(5, new int[][] {{0, 2, 3}, {0, 2}, {0, 1, 2, 3}}, null);
    PopularityRecommender pop = new PopularityRecommender();
    pop.fit(train);
    InteractionMatrix users =
        InteractionMatrix.builder(2, 5)
            .add(0, 0, 1) // user 0 has seen item 0
            .add(1, 3, 0) // user 1 disliked item 3: seen too
            .build();
    int[][] top = pop.recommend(users, 3);
    assertArrayEquals(new int[] {2, 3, 1}, top[0]);
    assertArrayEquals(new int[] {0, 2, 1}, top[1]); // 0 and 2 tie at 3: lower index first
    assertArrayEquals(new int[] {2, 3, 1, 4}, pop.recommend(users, 10)[0], "all unseen");
  }

  @Test
  void badK_andBeforeFit() {
    InteractionMatrix users = InteractionMatrix.fromRows(3, new int[][] {{0}}, null);
    PopularityRecommender pop = new PopularityRecommender();
    assertThrows(IllegalStateException.class, () -> pop.recommend(users, 1));
    pop.fit(users);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> pop.recommend(users, 0));
    assertEquals("k must be at least 1, found 0", e.getMessage());
  }

  @Property
  void topK_equalsFullSort(
      @ForAll @IntRange(min = 1, max = 60) int items,
      @ForAll @IntRange(min = 1, max = 70) int k,
      @ForAll long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    float[] scores = new float[items];
    for (int i = 0; i < items; i++) {
      scores[i] = rnd.nextInt(5); // many ties
    }
    int[] seen = IntStream.range(0, items).filter(i -> rnd.nextInt(4) == 0).toArray();
    int[] expected =
        IntStream.range(0, items)
            .filter(i -> Arrays.binarySearch(seen, i) < 0)
            .boxed()
            .sorted(Comparator.<Integer>comparingDouble(i -> -scores[i]).thenComparingInt(i -> i))
            .limit(k)
            .mapToInt(Integer::intValue)
            .toArray();
    int[] got = TopK.unseen(scores, seen, k);
    assertArrayEquals(expected, got);
    assertTrue(got.length <= k);
  }
}
