package io.github.sdrm.recsys.tune;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Standard test functions for the samplers (larger is better, maximum 0). */
final class TestFunctions {
  private TestFunctions() {}

  /** Four parameters, two integer, one log-float, one float: a shifted, scaled quadratic. */
  static final SearchSpace MIXED =
      new SearchSpace(
          List.of(
              Parameter.integer("a", -10, 10, 1, false),
              Parameter.integer("b", 0, 100, 5, false),
              Parameter.real("c", 1e-4, 1, 0, true),
              Parameter.real("d", -5, 5, 0, false)));

  static double mixed(Map<String, Double> p) {
    double a = p.get("a") - 3;
    double b = (p.get("b") - 35) / 50;
    double c = (Math.log10(p.get("c")) + 2.5) / 2;
    double d = (p.get("d") - 1.2) / 5;
    return -(a * a / 100 + b * b + c * c + d * d);
  }

  private static final double[] SCORE_1 = {0.1, 0.5, 0.2, 1.0, 0.0, 0.3, 0.6, 0.4};
  private static final double[] SCORE_2 = {0.2, 0.0, 0.7, 0.1, 0.3};

  /** Two categorical parameters (8 and 5 choices) and one float. */
  static final SearchSpace CATEGORICAL =
      new SearchSpace(
          List.of(
              Parameter.categorical("p", List.of("a", "b", "c", "d", "e", "f", "g", "h")),
              Parameter.categorical("q", List.of("1", "2", "3", "4", "5")),
              Parameter.real("x", 0, 1, 0, false)));

  static double categorical(Map<String, Double> p) {
    double x = p.get("x") - 0.3;
    return SCORE_1[(int) (double) p.get("p")] + SCORE_2[(int) (double) p.get("q")] - 1.7 - x * x;
  }

  /** The best value after {@code trials} trials of one seeded search (no journal). */
  static double bestAfter(SearchSpace space, Sampler sampler, Study.Objective f, int trials)
      throws IOException {
    List<Trial> all = Study.builder(space, sampler, f).trials(trials).build().run();
    return Study.best(all).value();
  }
}
