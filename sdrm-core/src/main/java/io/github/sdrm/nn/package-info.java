/**
 * Internal: the few neural-network pieces SDRM needs, hand-written on ND4J arrays (parameters, a
 * PyTorch-exact Adam, seeded initialisers and noise). Not part of the public API.
 */
package io.github.sdrm.nn;
