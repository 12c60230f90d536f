/**
 * Internal: the two networks of SDRM (MultiVAE and the latent denoiser), their training loops and
 * the diffusion sampler, with hand-written forward and backward passes. Not part of the public API;
 * use {@link io.github.sdrm.Sdrm}.
 */
package io.github.sdrm.model;
