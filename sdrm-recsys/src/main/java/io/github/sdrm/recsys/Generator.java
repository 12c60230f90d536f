package io.github.sdrm.recsys;

import io.github.sdrm.FittedSdrm;
import io.github.sdrm.Resolution;
import io.github.sdrm.data.InteractionMatrix;

/** The synthetic-data generators compared in the SDRM paper, all from one fitted model. */
public enum Generator {
  /** Full-resolution SDRM: every user denoised through all T steps. */
  F_SDRM("F-SDRM"),
  /** Multi-resolution SDRM: every user starts at its own step in 1..T−1. */
  M_SDRM("M-SDRM"),
  /** The MultiVAE baseline: the VAE decoder applied to N(0, I) samples. */
  MULTIVAE("MultiVAE");

  private final String displayName;

  Generator(String displayName) {
    this.displayName = displayName;
  }

  /** The name used in the paper's tables. */
  public String displayName() {
    return displayName;
  }

  /**
   * Generates {@code users} binarised synthetic users with this generator, with the model's own
   * generation seed.
   */
  public InteractionMatrix generate(FittedSdrm model, int users) {
    return generate(model, users, model.provenance().generationSeed());
  }

  /** As {@link #generate(FittedSdrm, int)} with an explicit generation seed. */
  public InteractionMatrix generate(FittedSdrm model, int users, long seed) {
    switch (this) {
      case F_SDRM:
        return model.generate(users, Resolution.FULL, seed);
      case M_SDRM:
        return model.generate(users, Resolution.MULTI, seed);
      default:
        return model.generateVae(users, seed);
    }
  }
}
