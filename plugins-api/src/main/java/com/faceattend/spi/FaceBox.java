package com.faceattend.spi;

/**
 * An axis-aligned face box in pixel coordinates of the frame it was found in.
 *
 * @since 0.1
 */
public record FaceBox(float x, float y, float width, float height) {
    public FaceBox {
        if (!(width >= 0 && height >= 0)) {
            throw new IllegalArgumentException("box size must not be negative: " + width + "x" + height);
        }
    }

    public float area() {
        return width * height;
    }

    public float centerX() {
        return x + width / 2f;
    }

    public float centerY() {
        return y + height / 2f;
    }

    /** Intersection over union with {@code other}, 0 when they do not overlap. */
    public float iou(FaceBox other) {
        float ix = Math.max(0f, Math.min(x + width, other.x + other.width) - Math.max(x, other.x));
        float iy = Math.max(0f, Math.min(y + height, other.y + other.height) - Math.max(y, other.y));
        float inter = ix * iy;
        float union = area() + other.area() - inter;
        return union <= 0f ? 0f : inter / union;
    }

    /** This box scaled by {@code factor} about its centre. */
    public FaceBox scaled(float factor) {
        float w = width * factor;
        float h = height * factor;
        return new FaceBox(centerX() - w / 2f, centerY() - h / 2f, w, h);
    }
}
