package com.faceattend.evaluation;

/**
 * One identification error, for a person to look at.
 *
 * @param probe     the probe's display name (file)
 * @param truth     true identity; {@code null} for a stranger
 * @param predicted who the system would say it is; {@code null} when no face was found
 * @param score     score of {@code predicted} (NaN without a face)
 * @param trueScore score of the true identity (NaN for strangers and without a face)
 * @param reason    what went wrong
 */
public record Miss(String probe, String truth, String predicted, double score, double trueScore, Reason reason) {
    /** Kinds of identification error. */
    public enum Reason {
        /** no face found in the probe: never identified */
        NO_FACE,
        /** the true identity is not strictly the best match; {@code predicted} is the best other person */
        WRONG_IDENTITY,
        /** the true identity is the best match but its score is not above the threshold (open set) */
        BELOW_THRESHOLD,
        /** a stranger's best match scores above the threshold (open set); {@code predicted} is that match */
        STRANGER_ACCEPTED
    }
}
