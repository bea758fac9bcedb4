package com.faceattend.evaluation;

/**
 * How one probe scored against the gallery. A person's score is the maximum cosine over their templates
 * ({@code -Infinity} for a person with no template).
 *
 * @param probe          the probe's display name
 * @param label          true identity, {@code null} for a stranger
 * @param faceFound      false when the probe had no embedding; then every score is NaN and rank 0
 * @param best           highest-scoring person (ties: first in name order); {@code null} without a face
 * @param bestScore      that person's score
 * @param trueScore      score of the true identity (NaN for strangers)
 * @param rank           1-based rank of the true identity, counting every other person scoring
 *                       <em>greater than or equal</em> to it as ahead (ties are misses); 0 for strangers
 *                       and for probes without a face
 * @param bestOther      highest-scoring person other than the true identity (ties: first in name order);
 *                       {@code null} for strangers, without a face, or with a one-person gallery
 * @param bestOtherScore that person's score (NaN when there is none)
 */
public record ProbeScore(String probe, String label, boolean faceFound, String best, double bestScore,
                         double trueScore, int rank, String bestOther, double bestOtherScore) {
    public boolean stranger() {
        return label == null;
    }
}
