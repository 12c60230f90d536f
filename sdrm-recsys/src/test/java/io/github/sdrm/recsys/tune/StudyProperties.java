package io.github.sdrm.recsys.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class StudyProperties {

  /** A random space of 1–5 parameters of every kind. */
  static SearchSpace randomSpace(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<Parameter> ps = new ArrayList<>();
    int n = 1 + r.nextInt(5);
    for (int i = 0; i < n; i++) {
      String name = "p" + i;
      switch (r.nextInt(5)) {
        case 0 -> {
          int lo = r.nextInt(-50, 50);
          ps.add(Parameter.integer(name, lo, lo + r.nextInt(0, 200), 1 + r.nextInt(7), false));
        }
        case 1 -> ps.add(Parameter.integer(name, 1 + r.nextInt(10), 20 + r.nextInt(1000), 1, true));
        case 2 -> {
          double lo = r.nextDouble(-10, 10);
          ps.add(Parameter.real(name, lo, lo + r.nextDouble(0.001, 20), 0, false));
        }
        case 3 -> ps.add(Parameter.real(name, 1e-6, 1e-6 + r.nextDouble(1e-5, 1e-2), 1e-6, false));
        default -> {
          List<String> c = new ArrayList<>();
          for (int k = 0; k <= r.nextInt(6); k++) {
            c.add("c" + k);
          }
          ps.add(Parameter.categorical(name, c));
        }
      }
    }
    return new SearchSpace(ps);
  }

  /** A deterministic objective of any space: a hash of the values, in [-1, 1]. */
  static double objective(Map<String, Double> p) {
    double s = 0;
    for (Map.Entry<String, Double> e : p.entrySet()) {
      s += Math.sin(e.getKey().hashCode() + 3.1 * e.getValue());
    }
    return s / p.size();
  }

  @Property(tries = 60)
  void suggestionsStayInsideTheSpace(
      @ForAll long seed, @ForAll boolean tpe, @ForAll @IntRange(min = 0, max = 30) int done) {
    SearchSpace space = randomSpace(seed);
    Sampler sampler = tpe ? new TpeSampler(seed) : new RandomSampler(seed);
    List<Trial> history = new ArrayList<>();
    for (int number = 0; number < done + 5; number++) {
      Map<String, Double> p = sampler.suggest(space, history, number);
      assertEquals(space.parameters().size(), p.size());
      for (Parameter q : space.parameters()) {
        double v = p.get(q.name());
        assertTrue(q.contains(v), q + " got " + v);
      }
      boolean failed = number % 7 == 3;
      history.add(
          new Trial(
              number,
              failed ? Trial.State.FAILED : Trial.State.COMPLETE,
              p,
              failed ? Double.NaN : objective(p),
              seed + number,
              0,
              0,
              failed ? "x" : null));
    }
  }

  @Property(tries = 25)
  void resumedSearch_runsTheSameTrialsAsAnUninterruptedOne(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 24) int stopAfter, @ForAll boolean tpe)
      throws IOException {
    SearchSpace space = randomSpace(seed);
    Path dir = Files.createTempDirectory("sdrm-study");
    try {
      Study.Objective f = (p, s) -> new Study.Result(objective(p) + 1e-3 * (s % 10), 0);
      Sampler sampler = tpe ? new TpeSampler(seed) : new RandomSampler(seed);
      List<Trial> whole =
          Study.builder(space, sampler, f)
              .journal(dir.resolve("a.jsonl"))
              .trials(25)
              .seed(seed)
              .build()
              .run();
      Path b = dir.resolve("b.jsonl");
      Study.builder(space, sampler, f).journal(b).trials(stopAfter).seed(seed).build().run();
      List<Trial> resumed =
          Study.builder(space, sampler, f)
              .journal(b)
              .trials(25)
              .seed(seed)
              .resume(true)
              .build()
              .run();
      assertEquals(TpeSamplerTest.outcomes(whole), TpeSamplerTest.outcomes(resumed));
      assertEquals(
          TpeSamplerTest.outcomes(whole),
          TpeSamplerTest.outcomes(Journal.read(dir.resolve("a.jsonl"), space)));
    } finally {
      for (String f : new String[] {"a.jsonl", "b.jsonl"}) {
        Files.deleteIfExists(dir.resolve(f));
      }
      Files.delete(dir);
    }
  }

  /**
   * Median pruning prunes in most 25-trial searches of random spaces (fixed seeds 0–19; any one
   * search may keep improving and prune nothing, which is why this is not a property of every
   * seed).
   */
  @Example
  void medianPruning_prunesInMostSearches() throws IOException {
    int pruning = 0;
    for (long seed = 0; seed < 20; seed++) {
      List<Trial> trials =
          Study.builder(randomSpace(seed), new TpeSampler(seed), steppedObjective())
              .trials(25)
              .seed(seed)
              .pruner(new MedianPruner(3, 0))
              .build()
              .run();
      if (trials.stream().anyMatch(t -> t.state() == Trial.State.PRUNED)) {
        pruning++;
      }
    }
    assertTrue(pruning >= 15, pruning + " of 20 searches pruned some trial");
  }

  @Property(tries = 100)
  void journalRoundTrip(
      @ForAll long seed, @ForAll Trial.State state, @ForAll @IntRange(min = 0, max = 4) int steps)
      throws IOException {
    SearchSpace space = randomSpace(seed);
    Map<String, Double> p = new RandomSampler(seed).suggest(space, List.of(), 0);
    SplittableRandom r = new SplittableRandom(seed);
    List<Double> intermediate = new ArrayList<>();
    for (int i = 0; i < steps; i++) {
      intermediate.add(r.nextDouble(-1, 1) / 3);
    }
    boolean complete = state == Trial.State.COMPLETE;
    Trial t =
        new Trial(
            0,
            state,
            p,
            complete ? objective(p) : Double.NaN,
            seed,
            12.5,
            17,
            complete ? null : "java.lang.IllegalStateException: \"quoted\"\nline",
            intermediate);
    Path f = Files.createTempFile("sdrm-journal", ".jsonl");
    try {
      Files.delete(f);
      Journal.append(f, t, space);
      List<Trial> back = Journal.read(f, space);
      assertEquals(1, back.size());
      Trial u = back.get(0);
      assertEquals(t.params(), u.params());
      assertEquals(t.state(), u.state());
      assertEquals(Double.doubleToLongBits(t.value()), Double.doubleToLongBits(u.value()));
      assertEquals(t.seed(), u.seed());
      assertEquals(t.vaeEpochs(), u.vaeEpochs());
      assertEquals(t.message(), u.message());
      assertEquals(t.intermediate(), u.intermediate());
    } finally {
      Files.deleteIfExists(f);
    }
  }

  /** Three steps whose running values rank trials as the final value does. */
  static Study.Objective steppedObjective() {
    return new Study.Objective() {
      @Override
      public Study.Result evaluate(Map<String, Double> p, long s) {
        return evaluate(p, s, (step, v) -> {});
      }

      @Override
      public Study.Result evaluate(Map<String, Double> p, long s, Study.Intermediate report) {
        double v = objective(p);
        for (int step = 0; step < 3; step++) {
          report.report(step, v + 0.01 * step);
        }
        return new Study.Result(v + 0.02, 0);
      }
    };
  }

  @Property(tries = 20)
  void withMedianPruning_resumeRunsTheSameTrials_andPrunedTrialsStopEarly(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 24) int stopAfter) throws IOException {
    SearchSpace space = randomSpace(seed);
    Path dir = Files.createTempDirectory("sdrm-study");
    try {
      Study.Objective f = steppedObjective();
      Sampler sampler = new TpeSampler(seed);
      Pruner pruner = new MedianPruner(3, 0);
      List<Trial> whole =
          Study.builder(space, sampler, f)
              .journal(dir.resolve("a.jsonl"))
              .trials(25)
              .seed(seed)
              .pruner(pruner)
              .build()
              .run();
      Path b = dir.resolve("b.jsonl");
      Study.builder(space, sampler, f)
          .journal(b)
          .trials(stopAfter)
          .seed(seed)
          .pruner(pruner)
          .build()
          .run();
      List<Trial> resumed =
          Study.builder(space, sampler, f)
              .journal(b)
              .trials(25)
              .seed(seed)
              .pruner(pruner)
              .resume(true)
              .build()
              .run();
      assertEquals(TpeSamplerTest.outcomes(whole), TpeSamplerTest.outcomes(resumed));
      for (Trial t : whole) {
        if (t.state() == Trial.State.PRUNED) {
          // pruned at step 0: below the median of the complete trials' first values
          assertEquals(1, t.intermediate().size(), t.toString());
          assertTrue(Double.isNaN(t.value()));
        } else {
          assertEquals(Trial.State.COMPLETE, t.state());
          assertEquals(3, t.intermediate().size());
        }
      }
      for (int i = 0; i < 3; i++) {
        assertEquals(Trial.State.COMPLETE, whole.get(i).state(), "no pruning before 3 complete");
      }
      // whether a given search prunes at all depends on its space and sampler (a search whose
      // trials keep improving never falls below the median); medianPruning_prunesInMostSearches
      // checks that pruning happens
    } finally {
      for (String f : new String[] {"a.jsonl", "b.jsonl"}) {
        Files.deleteIfExists(dir.resolve(f));
      }
      Files.delete(dir);
    }
  }
}
