package com.faceattend.evaluation;

/**
 * A verification pair reduced to what the metrics need.
 *
 * @param fold  0-based fold index
 * @param same  true for a same-person pair
 * @param score similarity (higher = more alike); {@code NaN} when no face was found in one of the
 *              two images. Infinite scores are refused.
 */
public record ScoredPair(int fold, boolean same, double score) {
    public ScoredPair {
        if (fold < 0) {
            throw new IllegalArgumentException("fold must be >= 0, was " + fold);
        }
        if (Double.isInfinite(score)) {
            throw new IllegalArgumentException("score must be finite or NaN (missing), was " + score);
        }
    }

    /** True when the score is missing (no face found). */
    public boolean missing() {
        return Double.isNaN(score);
    }
}
