package com.faceattend.engine.pipeline;

import com.faceattend.spi.DetectedFace;
import com.faceattend.spi.FaceBox;

/**
 * A face the detector found in a frame, before or after its landmarks were located. A two-stage
 * detector leaves {@code located} null until {@link FacePipeline#locate} is asked; a one-stage
 * detector found the landmarks with the box.
 *
 * @param located the face with its landmarks, or null when they were not located yet
 */
public record FoundFace(FaceBox box, float score, DetectedFace located) {
    static FoundFace of(DetectedFace face) {
        return new FoundFace(face.box(), face.score(), face);
    }
}
