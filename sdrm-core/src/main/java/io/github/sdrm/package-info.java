/**
 * SDRM: synthetic user–item interactions from a VAE-guided, multi-resolution latent diffusion model
 * (Lilienthal et al., "Multi-Resolution Diffusion for Privacy-Sensitive Recommender Systems", IEEE
 * Access 12, 2024). Start with {@link io.github.sdrm.Sdrm#builder()}.
 */
package io.github.sdrm;
