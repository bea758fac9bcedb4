package com.faceattend.alerts;

import java.util.Objects;

/**
 * A face crop kept with an alert: 8-bit B, G, R pixels row by row (like {@code FrameImage}), so
 * the desktop can show it without an image codec.
 */
public record SnapshotImage(int width, int height, byte[] bgr) {
    public SnapshotImage {
        Objects.requireNonNull(bgr, "bgr");
        if (width <= 0 || height <= 0 || bgr.length != width * height * 3) {
            throw new IllegalArgumentException("snapshot must be width*height*3 bytes, was " + width + "x" + height
                    + " with " + bgr.length + " bytes");
        }
    }
}
