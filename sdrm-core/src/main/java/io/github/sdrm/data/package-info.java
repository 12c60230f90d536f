/** Sparse user–item interaction matrices with explicitly stored zeros. */
package io.github.sdrm.data;
