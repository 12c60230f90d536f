/** Runnable examples, the command line and benchmarks. */
package io.github.sdrm.examples;
