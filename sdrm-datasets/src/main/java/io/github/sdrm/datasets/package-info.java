/** Readers and writers for interaction data: the paper's split files and raw rating formats. */
package io.github.sdrm.datasets;
