package com.faceattend.spi;

import java.util.Objects;

/**
 * One 8-bit colour image, pixels interleaved in B, G, R order row by row (OpenCV's layout, so
 * decoders hand frames over without a copy of channel order).
 *
 * @param width           pixels per row
 * @param height          rows
 * @param bgr             {@code width * height * 3} bytes; owned by the frame, do not modify
 * @param timestampMillis capture time in epoch milliseconds (or stream position for files)
 * @since 0.1
 */
public record FrameImage(int width, int height, byte[] bgr, long timestampMillis) {
    public FrameImage {
        Objects.requireNonNull(bgr, "bgr");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, was " + width + "x" + height);
        }
        if (bgr.length != width * height * 3) {
            throw new IllegalArgumentException("expected " + (width * height * 3) + " bytes for "
                    + width + "x" + height + " BGR, got " + bgr.length);
        }
    }

    /** Channel {@code c} (0 = B, 1 = G, 2 = R) of pixel (x, y), 0..255. */
    public int sample(int x, int y, int c) {
        return bgr[(y * width + x) * 3 + c] & 0xFF;
    }
}
