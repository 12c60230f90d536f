/**
 * Recommenders and the ORIGINAL / REPLACE / AUGMENT evaluation of synthetic data: train a
 * recommender on real, synthetic or both, and measure it on held-out interactions of real users.
 */
package io.github.sdrm.recsys;
