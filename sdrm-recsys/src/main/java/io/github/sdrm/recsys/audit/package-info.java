/**
 * Evidence about synthetic interaction data: privacy attacks and distances to closest records,
 * fidelity statistics, and the reference generators that show the metrics work; definitions in
 * {@link io.github.sdrm.recsys.audit.PrivacyAudit} and {@link
 * io.github.sdrm.recsys.audit.FidelityStatistics}.
 */
package io.github.sdrm.recsys.audit;
