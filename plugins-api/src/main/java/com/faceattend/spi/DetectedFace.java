package com.faceattend.spi;

import java.util.Objects;

/**
 * A face found in a frame.
 *
 * @param box       where it is
 * @param score     detector confidence, 0..1
 * @param landmarks the five alignment points
 * @since 0.1
 */
public record DetectedFace(FaceBox box, float score, FaceLandmarks landmarks) {
    public DetectedFace {
        Objects.requireNonNull(box, "box");
        Objects.requireNonNull(landmarks, "landmarks");
    }
}
