/**
 * The evaluation harness's data readers and metric math: LFW-style verification pairs and k-fold
 * accuracy / TAR@FAR / ROC AUC, and a 1:N identification protocol over a folder of people with
 * closed-set rank-k accuracy and open-set FNIR@FPIR; liveness (presentation-attack detection) error
 * rates after ISO/IEC 30107-3.
 *
 * <p>Nothing here runs a model: the caller computes similarity scores or {@link com.faceattend.spi.Embedding}s
 * with the real face pipeline and hands them in.
 *
 * <h2>Conventions shared by every metric</h2>
 * <ul>
 *   <li>A pair or probe is <em>accepted</em> (predicted "same person" / "this is X") iff its score is
 *       <strong>strictly greater</strong> than the threshold.</li>
 *   <li>A missing score (NaN pair score, {@code null} probe embedding = no face found) is never
 *       accepted at any threshold; it ranks below every real score, is counted and reported
 *       separately.</li>
 *   <li>Non-finite numbers are written to JSON as {@code null}.</li>
 *   <li>Liveness ({@link com.faceattend.evaluation.LivenessMetrics}) follows the station instead: a
 *       face is live iff its score is <strong>at or above</strong> the threshold; rates carry 95 %
 *       Wilson intervals ({@link com.faceattend.evaluation.Proportion}).</li>
 * </ul>
 */
package com.faceattend.evaluation;
