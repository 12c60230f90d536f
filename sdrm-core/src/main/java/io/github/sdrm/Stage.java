package io.github.sdrm;

/** The training stages of SDRM. */
public enum Stage {
  /** Stage 1: the MultiVAE. */
  VAE("VAE"),
  /** Stage 2: the latent denoiser. */
  DIFFUSION("diffusion");

  private final String displayName;

  Stage(String displayName) {
    this.displayName = displayName;
  }

  /** A short human-readable name. */
  public String displayName() {
    return displayName;
  }
}
