package com.faceattend.suite;

import com.faceattend.spi.DetectedFace;
import java.util.List;

/**
 * Live quality feedback while capturing enrolment samples from a camera.
 *
 * @param faces      faces in the frame
 * @param face       the largest face, or null when none
 * @param faceHeight its height in pixels (0 when none)
 * @param yaw        left-right turn, 0 frontal … ±1 profile
 * @param sharpness  Laplacian variance of the aligned face (higher is sharper)
 * @param issues     what to change, in words ("move closer", "hold still"); empty when the frame is good
 */
public record CaptureFeedback(int faces, DetectedFace face, int faceHeight, float yaw, double sharpness, List<String> issues) {
    public CaptureFeedback {
        issues = List.copyOf(issues);
    }

    /** Good enough to take as an enrolment sample. */
    public boolean ready() {
        return faces == 1 && issues.isEmpty();
    }
}
