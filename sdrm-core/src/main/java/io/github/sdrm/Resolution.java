package io.github.sdrm;

/** How many denoising steps a synthetic user goes through. */
public enum Resolution {
  /** F-SDRM: every user runs all T steps from pure noise. */
  FULL,
  /**
   * M-SDRM: every user draws its own start step uniformly from 1..T−1 and runs that many steps from
   * pure noise.
   */
  MULTI
}
