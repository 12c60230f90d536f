package io.github.sdrm.recsys.tune;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.special.Erf;

/**
 * The Tree-structured Parzen Estimator (Bergstra et al., 2011) with the defaults of Optuna's {@code
 * TPESampler} (independent per parameter): the first 10 complete trials are random; then the
 * complete trials are split into the γ(n) = min(⌈0.1 n⌉, 25) best ("below") and the rest, each
 * parameter's values in the two groups become Parzen estimators l(x) and g(x) — a truncated
 * Gaussian per observation plus a prior (mean at the middle of the range, width the range, weight
 * 1), bandwidths from the distances to the neighbouring observations clipped below by the "magic
 * clip" (range / min(100, 1 + observations)), observation weights 1 for fewer than 25 observations
 * and otherwise a linear ramp for the oldest and 1 for the newest 25 — and of 24 candidates drawn
 * from l the one with the largest l(x)/g(x) is suggested. Integers and stepped floats are scored by
 * the probability of their grid cell; log-scale parameters are modelled on the log scale;
 * categorical parameters use weighted counts plus the prior weight per choice. Larger objective
 * values are better. Failed trials are ignored.
 */
public final class TpeSampler implements Sampler {
  private final long seed;
  private final int startupTrials;
  private final int candidates;
  private final double priorWeight;

  /** Optuna's defaults: 10 start-up trials, 24 candidates, prior weight 1. */
  public TpeSampler(long seed) {
    this(seed, 10, 24, 1.0);
  }

  /**
   * A TPE sampler.
   *
   * @throws IllegalArgumentException if a count is below 1 or the prior weight not positive
   */
  public TpeSampler(long seed, int startupTrials, int candidates, double priorWeight) {
    if (startupTrials < 1 || candidates < 1 || !(priorWeight > 0)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "startupTrials and candidates must be at least 1 and priorWeight positive, found"
                  + " %d, %d and %s",
              startupTrials,
              candidates,
              priorWeight));
    }
    this.seed = seed;
    this.startupTrials = startupTrials;
    this.candidates = candidates;
    this.priorWeight = priorWeight;
  }

  /** γ(n): how many of n complete trials form the "below" group. */
  static int gamma(int n) {
    return Math.min((int) Math.ceil(0.1 * n), 25);
  }

  /** Optuna's observation weights for n observations, oldest first. */
  static double[] weights(int n) {
    double[] w = new double[n];
    Arrays.fill(w, 1.0);
    if (n >= 25) {
      int ramp = n - 25;
      for (int i = 0; i < ramp; i++) {
        // numpy.linspace(1 / n, 1.0, num=ramp)
        w[i] = ramp == 1 ? 1.0 / n : 1.0 / n + (1.0 - 1.0 / n) * i / (ramp - 1);
      }
    }
    return w;
  }

  @Override
  public Map<String, Double> suggest(SearchSpace space, List<Trial> history, int number) {
    List<Trial> complete = new ArrayList<>();
    for (Trial t : history) {
      if (t.state() == Trial.State.COMPLETE && Double.isFinite(t.value())) {
        complete.add(t);
      }
    }
    SplittableRandom rnd = Sampler.random(seed, number);
    Map<String, Double> out = new LinkedHashMap<>();
    if (complete.size() < startupTrials) {
      for (Parameter p : space.parameters()) {
        out.put(p.name(), Sampler.uniform(p, rnd));
      }
      return out;
    }
    List<Trial> ranked = new ArrayList<>(complete);
    ranked.sort(
        Comparator.comparingDouble((Trial t) -> -t.value()).thenComparingInt(Trial::number));
    // pruned trials rank below every complete one (as in Optuna): they join the "above" group
    for (Trial t : history) {
      if (t.state() == Trial.State.PRUNED) {
        ranked.add(t);
      }
    }
    int nBelow = Math.min(gamma(ranked.size()), complete.size());
    List<Trial> below = new ArrayList<>(ranked.subList(0, nBelow));
    List<Trial> above = new ArrayList<>(ranked.subList(nBelow, ranked.size()));
    below.sort(Comparator.comparingInt(Trial::number));
    above.sort(Comparator.comparingInt(Trial::number));
    for (Parameter p : space.parameters()) {
      double[] b = values(below, p);
      double[] a = values(above, p);
      out.put(
          p.name(),
          p.kind() == Parameter.Kind.CATEGORICAL
              ? categorical(p, b, a, rnd)
              : numeric(p, b, a, rnd));
    }
    return out;
  }

  /** The trials' values of p (trials that lack p, from another space, are left out). */
  private static double[] values(List<Trial> trials, Parameter p) {
    return trials.stream()
        .map(t -> t.params().get(p.name()))
        .filter(v -> v != null && p.contains(v))
        .mapToDouble(Double::doubleValue)
        .toArray();
  }

  private double categorical(Parameter p, double[] below, double[] above, SplittableRandom rnd) {
    int k = p.choices().size();
    double[] l = categoricalWeights(below, k);
    double[] g = categoricalWeights(above, k);
    double best = Double.NEGATIVE_INFINITY;
    int choice = 0;
    for (int c = 0; c < candidates; c++) {
      double u = rnd.nextDouble();
      int x = 0;
      double acc = l[0];
      while (u > acc && x < k - 1) {
        acc += l[++x];
      }
      double score = Math.log(l[x]) - Math.log(g[x]);
      if (score > best) {
        best = score;
        choice = x;
      }
    }
    return choice;
  }

  private double[] categoricalWeights(double[] obs, int k) {
    double[] w = new double[k];
    Arrays.fill(w, priorWeight);
    double[] ow = weights(obs.length);
    for (int i = 0; i < obs.length; i++) {
      w[(int) obs[i]] += ow[i];
    }
    double sum = Arrays.stream(w).sum();
    for (int i = 0; i < k; i++) {
      w[i] /= sum;
    }
    return w;
  }

  /** A truncated Gaussian mixture on the (log-)scale of a numeric parameter. */
  private final class Parzen {
    final double lo;
    final double hi;
    final double[] mu;
    final double[] sigma;
    final double[] weight;
    final double[] mass; // each component's probability inside [lo, hi]

    Parzen(double[] obs, double lo, double hi) {
      this.lo = lo;
      this.hi = hi;
      int n = obs.length;
      double priorMu = 0.5 * (lo + hi);
      double[] ow = weights(n);
      // sort the observations with the prior among them
      Integer[] order = new Integer[n + 1];
      double[] all = Arrays.copyOf(obs, n + 1);
      all[n] = priorMu;
      for (int i = 0; i <= n; i++) {
        order[i] = i;
      }
      Arrays.sort(order, Comparator.comparingDouble(i -> all[i]));
      double[] sorted = new double[n + 3];
      sorted[0] = lo;
      for (int i = 0; i <= n; i++) {
        sorted[i + 1] = all[order[i]];
      }
      sorted[n + 2] = hi;
      mu = new double[n + 1];
      sigma = new double[n + 1];
      weight = new double[n + 1];
      double maxSigma = hi - lo;
      double minSigma = (hi - lo) / Math.min(100.0, 1.0 + (n + 1));
      for (int j = 0; j <= n; j++) {
        int s = j + 1;
        double left = sorted[s] - sorted[s - 1];
        double right = sorted[s + 1] - sorted[s];
        double sg;
        if (n + 1 == 1) {
          sg = maxSigma;
        } else if (j == 0) {
          sg = right; // the endpoints' distances to the bounds are not considered
        } else if (j == n) {
          sg = left;
        } else {
          sg = Math.max(left, right);
        }
        int idx = order[j];
        boolean prior = idx == n;
        mu[j] = all[idx];
        sigma[j] = prior ? maxSigma : Math.min(maxSigma, Math.max(minSigma, sg));
        weight[j] = prior ? priorWeight : ow[idx];
      }
      double sum = Arrays.stream(weight).sum();
      mass = new double[n + 1];
      for (int j = 0; j <= n; j++) {
        weight[j] /= sum;
        mass[j] = Math.max(1e-300, cdf(hi, j) - cdf(lo, j));
      }
    }

    double cdf(double x, int j) {
      return 0.5 * (1 + Erf.erf((x - mu[j]) / (sigma[j] * Math.sqrt(2))));
    }

    double sample(SplittableRandom rnd) {
      double u = rnd.nextDouble();
      int j = 0;
      double acc = weight[0];
      while (u > acc && j < weight.length - 1) {
        acc += weight[++j];
      }
      double a = cdf(lo, j);
      double b = cdf(hi, j);
      double q = a + rnd.nextDouble() * (b - a);
      q = Math.min(Math.max(q, 1e-300), 1 - 1e-16);
      double x = mu[j] + sigma[j] * Math.sqrt(2) * Erf.erfInv(2 * q - 1);
      return Math.min(hi, Math.max(lo, x));
    }

    /** Log of the mixture's probability of [a, b] (a == b: the density at a). */
    double logProbability(double a, double b) {
      double p = 0;
      for (int j = 0; j < mu.length; j++) {
        double c;
        if (a == b) {
          double z = (a - mu[j]) / sigma[j];
          c = Math.exp(-0.5 * z * z) / (sigma[j] * Math.sqrt(2 * Math.PI));
        } else {
          c = cdf(b, j) - cdf(a, j);
        }
        p += weight[j] * c / mass[j];
      }
      return Math.log(Math.max(p, 1e-300));
    }
  }

  private double numeric(Parameter p, double[] below, double[] above, SplittableRandom rnd) {
    boolean discrete = p.kind() == Parameter.Kind.INT || p.step() > 0;
    double half = discrete ? 0.5 * p.step() : 0;
    double lo = forward(p, p.low() - half);
    double hi = forward(p, p.high() + half);
    Parzen l = new Parzen(forward(p, below), lo, hi);
    Parzen g = new Parzen(forward(p, above), lo, hi);
    double best = Double.NEGATIVE_INFINITY;
    double choice = p.low();
    for (int c = 0; c < candidates; c++) {
      double x = p.snap(backward(p, l.sample(rnd)));
      double a = discrete ? forward(p, Math.max(p.low() - half, x - half)) : forward(p, x);
      double b = discrete ? forward(p, Math.min(p.high() + half, x + half)) : a;
      double score = l.logProbability(a, b) - g.logProbability(a, b);
      if (score > best) {
        best = score;
        choice = x;
      }
    }
    return choice;
  }

  private static double forward(Parameter p, double x) {
    return p.log() ? Math.log(x) : x;
  }

  private static double[] forward(Parameter p, double[] xs) {
    double[] out = new double[xs.length];
    for (int i = 0; i < xs.length; i++) {
      out[i] = forward(p, xs[i]);
    }
    return out;
  }

  private static double backward(Parameter p, double x) {
    return p.log() ? Math.exp(x) : x;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "TpeSampler[seed=%d, startupTrials=%d, candidates=%d, priorWeight=%s]",
        seed,
        startupTrials,
        candidates,
        priorWeight);
  }
}
