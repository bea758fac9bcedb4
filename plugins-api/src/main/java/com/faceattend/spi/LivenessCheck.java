package com.faceattend.spi;

/**
 * Tells a live face from a photo, a screen or a mask. Stateful; close it.
 *
 * @since 0.1
 */
public interface LivenessCheck extends AutoCloseable {
    LivenessResult check(FrameImage frame, DetectedFace face);

    @Override
    void close();
}
