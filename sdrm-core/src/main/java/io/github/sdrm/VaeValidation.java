package io.github.sdrm;

/**
 * How the VAE's early stopping measures validation Recall@10 after each epoch.
 *
 * <p>Both modes split the validation users into fold-in entries (80 % of each row), which join the
 * VAE's training rows, and held-out entries (20 %). They differ in what is scored after each epoch:
 *
 * <ul>
 *   <li>{@link #REFERENCE} (the default) does what the paper's code does: every epoch draws a
 *       <em>fresh</em> split of the validation users and scores its held-out entries. Most of them
 *       were among the fold-in entries trained on, so the figure is inflated (≈ 0.7 on ML-100K) and
 *       keeps rising for a long time; the VAE trains long (285–324 epochs on ML-100K in the
 *       reference) and its late weights make the better generator. This mode reproduces the paper's
 *       figures. Because every epoch scores a different split, the figure is noisy, and patience 20
 *       alone sometimes ended training on a plateau near epoch 45–90 (2 of 5 ML-100K runs: 346,
 *       249, 289, 86 and 67 epochs), which gave a weaker generator; so early stopping may not end
 *       training before {@link Sdrm.Builder#vaeMinEpochs} epochs (default {@value
 *       Sdrm#DEFAULT_VAE_MIN_EPOCHS}; measured in {@code docs/RESULTS.md}: the same five runs then
 *       stop at 346, 249, 289, 166 and 322 epochs and REPLACE stays above ORIGINAL).
 *   <li>{@link #LEAK_FREE} scores the held-out entries of the one split whose fold-in rows are
 *       trained on, so they are never seen. The figure is an honest Recall@10 of the VAE as a
 *       recommender (≈ 0.38 on ML-100K, comparable to SVD's 0.37), and its best epoch comes early
 *       (43–89 on ML-100K). The VAE is then a better recommender but a worse generator: on ML-100K
 *       / SVD it costs 0.03–0.05 Recall@10 in REPLACE and ~0.015 in AUGMENT (see {@code
 *       docs/RESULTS.md}). Use it when the VAE itself is the object of study, or to stop sooner.
 * </ul>
 *
 * <p>Both are deterministic for a given {@link Sdrm#seed()}.
 */
public enum VaeValidation {
  /** A fresh split of the validation users every epoch, as the reference (the default). */
  REFERENCE,
  /**
   * The held-out entries of the split whose fold-in rows are trained on; never seen in training.
   */
  LEAK_FREE
}
