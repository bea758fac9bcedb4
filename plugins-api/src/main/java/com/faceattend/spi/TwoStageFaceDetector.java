package com.faceattend.spi;

import java.util.List;

/**
 * A detector whose landmark stage can run apart from finding boxes. A station follows boxes on every
 * frame and asks for landmarks only for the faces it embeds (a new or re-checked track), so a tracked
 * face costs box detection alone. {@link #detect} stays the two stages together.
 *
 * @since 1.0.0
 */
public interface TwoStageFaceDetector extends FaceDetector {

    /** A face's box with the detector's confidence, 0..1. */
    record ScoredBox(FaceBox box, float score) { }

    /** Stage 1: the faces' boxes, highest score first; empty when there is none. */
    List<ScoredBox> detectBoxes(FrameImage frame);

    /** Stage 2: the five alignment points of the face in {@code box} (a box stage 1 found in the same frame). */
    FaceLandmarks locateLandmarks(FrameImage frame, FaceBox box);
}
