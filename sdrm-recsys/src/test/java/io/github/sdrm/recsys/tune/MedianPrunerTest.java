package io.github.sdrm.recsys.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MedianPrunerTest {
  private static Trial complete(int number, Double... steps) {
    return new Trial(
        number,
        Trial.State.COMPLETE,
        Map.of(),
        steps[steps.length - 1],
        number,
        1,
        0,
        null,
        List.of(steps));
  }

  /** Five complete trials with first-step values 1 … 5 (median 3) and second 1.5 … 5.5. */
  private static List<Trial> five() {
    List<Trial> h = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      h.add(complete(i, i + 1.0, i + 1.5));
    }
    return h;
  }

  @Test
  void prunesBelowTheMedianOfTheSameStep() {
    MedianPruner p = new MedianPruner();
    List<Trial> h = five();
    assertTrue(p.shouldPrune(0, List.of(2.9), h));
    assertFalse(p.shouldPrune(0, List.of(3.0), h), "the median itself is not below it");
    assertFalse(p.shouldPrune(0, List.of(3.1), h));
    // step 1: the median of 1.5 … 5.5 is 3.5; the trial's best so far counts
    assertTrue(p.shouldPrune(1, List.of(2.0, 3.0), h));
    assertFalse(p.shouldPrune(1, List.of(4.0, 3.0), h));
  }

  @Test
  void notBeforeTheStartupTrials_norWithoutComparableSteps() {
    List<Trial> h = five();
    assertFalse(new MedianPruner(6, 0).shouldPrune(0, List.of(0.0), h));
    assertFalse(new MedianPruner(5, 1).shouldPrune(0, List.of(0.0), h), "warm-up step");
    assertFalse(new MedianPruner().shouldPrune(2, List.of(0.0, 0.0, 0.0), h), "nobody at step 2");
    // failed and pruned trials are not compared with
    List<Trial> mixed = new ArrayList<>(h.subList(0, 4));
    mixed.add(new Trial(9, Trial.State.PRUNED, Map.of(), Double.NaN, 9, 1, 0, "p", List.of(9.0)));
    assertFalse(new MedianPruner().shouldPrune(0, List.of(0.0), mixed), "4 complete < 5");
  }

  @Test
  void medianAsNumpy() {
    assertEquals(2.0, MedianPruner.median(List.of(3.0, 1.0, 2.0)));
    assertEquals(2.5, MedianPruner.median(List.of(4.0, 1.0, 3.0, 2.0)));
    assertThrows(IllegalArgumentException.class, () -> new MedianPruner(-1, 0));
  }
}
