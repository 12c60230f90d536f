/**
 * Hyperparameter search: a search space, a seeded TPE sampler with Optuna's defaults (and random
 * search as the baseline), a study that appends every finished trial to a JSON-lines journal and
 * resumes from it, and the SDRM objective (a recommender's metric on a tuning split carved from the
 * training users).
 */
package io.github.sdrm.recsys.tune;
