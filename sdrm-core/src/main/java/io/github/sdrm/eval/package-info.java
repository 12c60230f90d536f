/** The fold-in evaluation protocol and ranking metrics (Recall@k, NDCG@k). */
package io.github.sdrm.eval;
