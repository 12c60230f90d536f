package io.github.sdrm.model;

/**
 * The linear DDPM schedule of the reference: β_t = 1e−4 + (0.02 − 1e−4)·t/T for t = 0..T, α_t = 1 −
 * β_t, and ᾱ_t = Π_{s=1..t} α_s with ᾱ_0 = 1 (the empty product).
 */
public final class NoiseSchedule {
  static final double BETA_START = 1e-4;
  static final double BETA_END = 0.02;

  private final int timesteps;
  private final double[] beta;
  private final double[] alpha;
  private final double[] alphaBar;

  /** Creates the schedule for T timesteps. */
  public NoiseSchedule(int timesteps) {
    this.timesteps = timesteps;
    beta = new double[timesteps + 1];
    alpha = new double[timesteps + 1];
    alphaBar = new double[timesteps + 1];
    alphaBar[0] = 1.0;
    for (int t = 0; t <= timesteps; t++) {
      beta[t] = BETA_START + (BETA_END - BETA_START) * t / timesteps;
      alpha[t] = 1.0 - beta[t];
      if (t > 0) {
        alphaBar[t] = alphaBar[t - 1] * alpha[t];
      }
    }
  }

  /** T. */
  public int timesteps() {
    return timesteps;
  }

  /** β_t. */
  public double beta(int t) {
    return beta[t];
  }

  /** α_t. */
  public double alpha(int t) {
    return alpha[t];
  }

  /** ᾱ_t. */
  public double alphaBar(int t) {
    return alphaBar[t];
  }
}
