package com.faceattend.spi;

/**
 * Outcome of a liveness check.
 *
 * @param liveScore probability-like score that the face is a live person, 0..1
 * @since 0.1
 */
public record LivenessResult(float liveScore) {
    public LivenessResult {
        if (!(liveScore >= 0f && liveScore <= 1f)) {
            throw new IllegalArgumentException("live score must be within 0..1, was " + liveScore);
        }
    }

    public boolean isLive(float threshold) {
        return liveScore >= threshold;
    }
}
