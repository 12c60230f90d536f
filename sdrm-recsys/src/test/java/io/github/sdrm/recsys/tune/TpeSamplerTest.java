package io.github.sdrm.recsys.tune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TpeSamplerTest {

  @Test
  void gammaAndWeights_asOptuna() {
    assertEquals(1, TpeSampler.gamma(10));
    assertEquals(2, TpeSampler.gamma(11));
    assertEquals(25, TpeSampler.gamma(300));
    assertArrayEquals(new double[] {1, 1, 1}, TpeSampler.weights(3), 0);
    double[] w = TpeSampler.weights(30); // ramp of 5 from 1/30 to 1, then 25 ones
    assertEquals(1.0 / 30, w[0], 1e-12);
    assertEquals(1.0 / 30 + (1 - 1.0 / 30) * 2 / 4, w[2], 1e-12);
    assertEquals(1.0, w[4], 1e-12);
    assertEquals(1.0, w[29], 0);
  }

  private static double meanBest(SearchSpace space, boolean tpe, Study.Objective f)
      throws IOException {
    double sum = 0;
    for (int seed = 0; seed < 20; seed++) {
      Sampler s = tpe ? new TpeSampler(seed) : new RandomSampler(seed);
      sum += TestFunctions.bestAfter(space, s, f, 50);
    }
    return sum / 20;
  }

  @Test
  void tpeBeatsRandomSearch_mixedQuadratic_50trials_20seeds() throws IOException {
    Study.Objective f = (p, s) -> new Study.Result(TestFunctions.mixed(p), 0);
    double tpe = meanBest(TestFunctions.MIXED, true, f);
    double random = meanBest(TestFunctions.MIXED, false, f);
    // the figures of the closing note (tests may print; the library does not)
    System.out.printf(
        Locale.ROOT,
        "mixed quadratic, mean best of 50 trials over 20 seeds: TPE %.5f, random" + " %.5f%n",
        tpe,
        random);
    assertTrue(
        tpe > random, String.format(Locale.ROOT, "mean best: TPE %.5f, random %.5f", tpe, random));
  }

  @Test
  void tpeBeatsRandomSearch_categorical_50trials_20seeds() throws IOException {
    Study.Objective f = (p, s) -> new Study.Result(TestFunctions.categorical(p), 0);
    double tpe = meanBest(TestFunctions.CATEGORICAL, true, f);
    double random = meanBest(TestFunctions.CATEGORICAL, false, f);
    System.out.printf(
        Locale.ROOT,
        "categorical, mean best of 50 trials over 20 seeds: TPE %.5f, random %.5f%n",
        tpe,
        random);
    assertTrue(
        tpe > random, String.format(Locale.ROOT, "mean best: TPE %.5f, random %.5f", tpe, random));
  }

  @Test
  void sameSeed_sameTrials_otherSeed_otherTrials() throws IOException {
    Study.Objective f = (p, s) -> new Study.Result(TestFunctions.mixed(p), 0);
    var a = Study.builder(TestFunctions.MIXED, new TpeSampler(4), f).trials(25).build().run();
    var b = Study.builder(TestFunctions.MIXED, new TpeSampler(4), f).trials(25).build().run();
    var c = Study.builder(TestFunctions.MIXED, new TpeSampler(5), f).trials(25).build().run();
    assertEquals(outcomes(a), outcomes(b));
    assertTrue(!outcomes(a).equals(outcomes(c)));
  }

  /** What a search found, without the wall times. */
  static java.util.List<String> outcomes(java.util.List<Trial> trials) {
    return trials.stream().map(t -> t.number() + " " + t.params() + " " + t.value()).toList();
  }
}
